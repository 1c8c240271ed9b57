// The MFA page as a dialog: "Approve sign in request", the reason, Approve / Deny.
import { useId, type ReactElement } from 'react';
import type { PendingPrompt, UserDecision } from '../../engine/index';
import { AuthorityFrame } from './AuthorityFrame';
import { PresetNote } from './PresetNote';

/** Props of {@link MfaDialog}. */
export interface MfaDialogProps {
  prompt: Extract<PendingPrompt, { prompt: 'mfa' }>;
  host: string | null;
  onAnswer: (decision: UserDecision) => void;
  onDismiss: () => void;
}

/** The user approves (or denies) the second factor a Conditional Access policy asked for. */
export function MfaDialog({ prompt, host, onAnswer, onDismiss }: MfaDialogProps): ReactElement {
  const id = useId();
  const preset = prompt.preset?.decision.prompt === 'mfa' ? prompt.preset.decision : undefined;
  return (
    <AuthorityFrame
      titleId={`${id}-title`}
      descriptionId={`${id}-desc`}
      host={host}
      account={prompt.userName}
      userName={prompt.userName}
      onDismiss={onDismiss}
    >
      <h2 id={`${id}-title`} className="ms-title">
        Approve sign in request
      </h2>
      <p id={`${id}-desc`} className="ms-text">
        {prompt.reason}
      </p>
      <p className="ms-hint">Open the Authenticator app on the phone and approve the request.</p>
      {prompt.preset && preset ? (
        <PresetNote preset={prompt.preset} answer={preset.approve ? 'Approve' : 'Deny'} />
      ) : null}
      <div className="ms-buttons">
        <button
          type="button"
          className="ms-button"
          disabled={preset?.approve === true}
          {...(preset?.approve === false ? { 'data-autofocus': true } : {})}
          onClick={() => onAnswer({ prompt: 'mfa', approve: false })}
        >
          Deny
        </button>
        <button
          type="button"
          className="ms-button ms-primary"
          disabled={preset?.approve === false}
          {...(preset?.approve === false ? {} : { 'data-autofocus': true })}
          onClick={() => onAnswer({ prompt: 'mfa', approve: true })}
        >
          Approve
        </button>
      </div>
    </AuthorityFrame>
  );
}
