// The frame of a simulated authority page: browser address bar, Microsoft-style card and a footnote.
import { useRef, type ReactElement, type ReactNode } from 'react';
import { firstName } from './PresetNote';
import { useModalDialog } from './use-modal-dialog';

/** Props of {@link AuthorityFrame}. */
export interface AuthorityFrameProps {
  /** Id of the dialog's heading (its accessible name). */
  titleId: string;
  /** Id of the element that describes the dialog. */
  descriptionId?: string;
  /** The page's host, shown in the address bar, e.g. `login.microsoftonline.com`. */
  host: string | null;
  /** The signed-in user's name or UPN, shown above the heading like the real page. */
  account?: string;
  /** Display name of the person at this browser (e.g. `Grace Hopper`), for the frame's labels. */
  userName: string;
  /** Called on Esc: steps back without answering. */
  onDismiss: () => void;
  /** Extra class for the card, e.g. `is-consent`. */
  className?: string;
  children: ReactNode;
}

/** The four-squares mark, drawn decoratively. */
function MicrosoftMark(): ReactElement {
  return (
    <svg viewBox="0 0 21 21" width="21" height="21" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="10" height="10" className="ms-logo-red" />
      <rect x="11" y="0" width="10" height="10" className="ms-logo-green" />
      <rect x="0" y="11" width="10" height="10" className="ms-logo-blue" />
      <rect x="11" y="11" width="10" height="10" className="ms-logo-yellow" />
    </svg>
  );
}

/**
 * A modal dialog dressed as a page of the authority shown in the user's browser. Labelled by its
 * heading, `aria-modal`, focus kept inside; Esc steps back.
 */
export function AuthorityFrame({
  titleId,
  descriptionId,
  host,
  account,
  userName,
  onDismiss,
  className,
  children,
}: AuthorityFrameProps): ReactElement {
  const ref = useRef<HTMLDialogElement>(null);
  const handlers = useModalDialog(ref, onDismiss);
  const name = firstName(userName);
  return (
    <dialog
      ref={ref}
      className={`prompt-dialog${className ? ` ${className}` : ''}`}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      {...handlers}
    >
      <div className="browser-bar" aria-hidden="true">
        <span className="browser-dots">
          <span />
          <span />
          <span />
        </span>
        <span className="browser-url">
          <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
            <path
              d="M7 11V8a5 5 0 0 1 10 0v3M5 11h14v10H5z"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.2"
            />
          </svg>
          {host ?? 'login.microsoftonline.com'}
        </span>
        <span className="browser-owner">{name}&apos;s browser</span>
      </div>
      <div className="ms-card">
        <div className="ms-brand">
          <MicrosoftMark />
          <span>Microsoft</span>
        </div>
        {account ? <p className="ms-account">{account}</p> : null}
        {children}
      </div>
      <p className="prompt-footnote">
        A simulated page of the authority. You decide for {name}; <kbd>Esc</kbd> steps back without
        answering.
      </p>
    </dialog>
  );
}
