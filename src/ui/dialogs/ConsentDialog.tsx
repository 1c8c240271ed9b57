// The consent page as a dialog: "Permissions requested", app and publisher, each permission in plain words.
import { useId, useState, type ReactElement } from 'react';
import type { ConsentPromptItem, PendingPrompt, UserDecision } from '../../engine/index';
import { AuthorityFrame } from './AuthorityFrame';
import { PresetNote } from './PresetNote';

/** Props of {@link ConsentDialog}. */
export interface ConsentDialogProps {
  prompt: Extract<PendingPrompt, { prompt: 'consent' }>;
  host: string | null;
  onAnswer: (decision: UserDecision) => void;
  onDismiss: () => void;
}

/**
 * One permission line: its description, expanding (the chevron, as on the real page) to which
 * API and scope it grants; combined-consent items say which middle tier gets it.
 */
function Permission({ item }: { item: ConsentPromptItem }): ReactElement {
  const viaMiddleTier = item.via === 'known-client';
  const application = item.type === 'Role';
  return (
    <li className="consent-item">
      <details>
        <summary className="consent-text">
          {viaMiddleTier ? `${item.clientName}: ` : ''}
          {item.description}
          {application ? (
            <span className="consent-admin"> Application permission</span>
          ) : item.adminOnly ? (
            <span className="consent-admin"> Admin only</span>
          ) : null}
        </summary>
        <span className="consent-detail">
          {viaMiddleTier
            ? `Granted to ${item.clientName} for ${item.resourceName} (${item.scope}), on your behalf: combined consent through knownClientApplications`
            : application
              ? `${item.resourceName} · ${item.scope}: the app itself, with no signed-in user (an app role assignment)`
              : `${item.resourceName} · ${item.scope}`}
        </span>
      </details>
      {!viaMiddleTier ? <span className="consent-resource">{item.resourceName}</span> : null}
    </li>
  );
}

/**
 * The user reads the permissions and accepts or cancels; an admin may accept for the organization.
 * When a what-if makes the answer, that answer is pre-selected and the other choices are disabled.
 */
export function ConsentDialog({
  prompt,
  host,
  onAnswer,
  onDismiss,
}: ConsentDialogProps): ReactElement {
  const id = useId();
  const preset = prompt.preset?.decision.prompt === 'consent' ? prompt.preset.decision : undefined;
  const [picked, setForOrganization] = useState(false);
  const forOrganization = preset ? preset.forOrganization === true : picked;
  return (
    <AuthorityFrame
      titleId={`${id}-title`}
      descriptionId={`${id}-desc`}
      host={host}
      account={prompt.userName}
      userName={prompt.userName}
      onDismiss={onDismiss}
      className="is-consent"
    >
      <h2 id={`${id}-title`} className="ms-title">
        Permissions requested
      </h2>
      {prompt.adminConsent ? (
        <p className="consent-subtitle">Review for your organization</p>
      ) : null}
      <div className="consent-app" id={`${id}-desc`}>
        <span className="consent-tile" aria-hidden="true">
          {prompt.appName.charAt(0)}
        </span>
        <span>
          <strong className="consent-app-name">{prompt.appName}</strong>
          <span className="consent-publisher">{prompt.publisher}</span>
        </span>
      </div>
      <p className="ms-text">This app would like to:</p>
      <ul className="consent-list" aria-label="Permissions">
        {prompt.items.map((item) => (
          <Permission key={`${item.clientName}-${item.resourceName}-${item.scope}`} item={item} />
        ))}
      </ul>
      {prompt.canConsentForOrganization ? (
        <label className="consent-org">
          <input
            type="checkbox"
            checked={forOrganization}
            disabled={preset !== undefined}
            onChange={(event) => setForOrganization(event.target.checked)}
          />
          Consent on behalf of your organization
        </label>
      ) : null}
      {prompt.adminConsent ? (
        <p className="ms-fine">
          If you accept, this app will get access to the specified resources for all users in your
          organization. No one else will be prompted to review these permissions. Accepting creates
          the app&apos;s service principal in your tenant and assigns it these permissions.
        </p>
      ) : (
        <p className="ms-fine">
          Accepting these permissions means that you allow this app to use your data as specified in
          their terms of service and privacy statement. You can change these permissions later.
        </p>
      )}
      {prompt.preset && preset ? (
        <PresetNote
          preset={prompt.preset}
          answer={
            preset.accept
              ? preset.forOrganization
                ? 'Accept for the organization'
                : 'Accept'
              : 'Cancel'
          }
        />
      ) : null}
      <div className="ms-buttons">
        <button
          type="button"
          className="ms-button"
          disabled={preset?.accept === true}
          {...(preset?.accept === false ? { 'data-autofocus': true } : {})}
          onClick={() => onAnswer({ prompt: 'consent', accept: false })}
        >
          Cancel
        </button>
        <button
          type="button"
          className="ms-button ms-primary"
          disabled={preset?.accept === false}
          {...(preset?.accept === false ? {} : { 'data-autofocus': true })}
          onClick={() =>
            onAnswer({
              prompt: 'consent',
              accept: true,
              ...(forOrganization ? { forOrganization: true } : {}),
            })
          }
        >
          Accept
        </button>
      </div>
    </AuthorityFrame>
  );
}
