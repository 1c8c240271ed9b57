// The "Keyboard shortcuts" dialog (opened with ? in Presenter mode).
import { useId, useRef, type ReactElement } from 'react';
import { useModalDialog } from '../dialogs/use-modal-dialog';
import { SHORTCUTS } from './shortcuts';
import '../dialogs/panel-dialog.css';

/** A small modal listing every shortcut; Esc or Close closes it. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }): ReactElement {
  const ref = useRef<HTMLDialogElement>(null);
  const handlers = useModalDialog(ref, onClose);
  const id = useId();
  return (
    <dialog
      ref={ref}
      className="panel-dialog shortcuts-dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      {...handlers}
    >
      <div className="panel-dialog-head">
        <h2 id={`${id}-title`}>Keyboard shortcuts</h2>
        <button type="button" className="shortcuts-close" data-autofocus onClick={onClose}>
          Close
        </button>
      </div>
      <dl className="shortcuts-list">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.action} className="shortcuts-row">
            <dt>
              {shortcut.keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{shortcut.action}</dd>
          </div>
        ))}
      </dl>
    </dialog>
  );
}
