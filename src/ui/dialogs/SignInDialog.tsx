// The authority's sign-in page as a dialog: "Sign in", "to continue to <app>", the UPN prefilled.
import { useId, type FormEvent, type ReactElement } from 'react';
import type { PendingPrompt, UserDecision } from '../../engine/index';
import { AuthorityFrame } from './AuthorityFrame';

/** Props of {@link SignInDialog}. */
export interface SignInDialogProps {
  prompt: Extract<PendingPrompt, { prompt: 'sign-in' }>;
  host: string | null;
  onAnswer: (decision: UserDecision) => void;
  onDismiss: () => void;
}

/** The user signs in with a password (the simulator's user has one; nothing is checked). */
export function SignInDialog({
  prompt,
  host,
  onAnswer,
  onDismiss,
}: SignInDialogProps): ReactElement {
  const id = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onAnswer({ prompt: 'sign-in' });
  };
  return (
    <AuthorityFrame
      titleId={`${id}-title`}
      descriptionId={`${id}-desc`}
      host={host}
      userName={prompt.userName}
      onDismiss={onDismiss}
    >
      <h2 id={`${id}-title`} className="ms-title">
        Sign in
      </h2>
      <p id={`${id}-desc`} className="ms-text">
        to continue to <strong>{prompt.appName}</strong>
      </p>
      <form className="ms-form" onSubmit={onSubmit}>
        <label className="ms-field">
          <span>Email, phone, or Skype</span>
          <input type="email" value={prompt.userPrincipalName} readOnly autoComplete="off" />
        </label>
        <label className="ms-field">
          <span>Password</span>
          <input type="password" value="simulated" readOnly autoComplete="off" />
        </label>
        <p className="ms-hint">
          Signing in as {prompt.userName}. The simulator types the password.
        </p>
        <div className="ms-buttons">
          <button type="submit" className="ms-button ms-primary" data-autofocus>
            Sign in
          </button>
        </div>
      </form>
    </AuthorityFrame>
  );
}
