// The "Import a HAR file" dialog: pick or drop a HAR, read it in the page, and replay it.
import { useId, useRef, useState, type DragEvent, type ReactElement } from 'react';
import { loadEngine, useAppStore } from '../../state/index';
import { useModalDialog } from '../dialogs/use-modal-dialog';
import '../dialogs/panel-dialog.css';
import './har.css';

/** Props of {@link HarImportDialog}. */
export interface HarImportDialogProps {
  onClose: () => void;
}

/** Files larger than this (bytes) are refused before they are read: about 30 MB. */
const MAX_FILE_BYTES = 30_000_000;

type Status =
  { state: 'idle' } | { state: 'reading'; name: string } | { state: 'error'; message: string };

/** Where the samples are served from (Vite's `public/`, under the app's base URL). */
const SAMPLES = [
  { file: 'sample-sign-in-auth-code.har', label: 'Sign-in with the authorization code flow' },
  { file: 'sample-obo-client-credentials.har', label: 'On-Behalf-Of and client credentials' },
];

/**
 * Modal dialog named "Import a HAR file": a file input named "Import HAR file" and a drop zone.
 * The file is read and parsed in this tab (the parser, the token decoder and the AADSTS catalogue
 * load on demand); a good HAR starts replay mode and closes the dialog, a bad one gets its
 * message here. Nothing is uploaded.
 */
export function HarImportDialog({ onClose }: HarImportDialogProps): ReactElement {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const handlers = useModalDialog(ref, onClose);
  const startReplay = useAppStore((s) => s.startReplay);
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const [dragging, setDragging] = useState(false);
  const request = useRef(0);

  const importFile = (file: File | undefined): void => {
    if (!file) return;
    const mine = ++request.current;
    if (file.size > MAX_FILE_BYTES) {
      setStatus({
        state: 'error',
        message: `"${file.name}" is ${(file.size / 1e6).toFixed(0)} MB; the importer reads HAR files up to ${MAX_FILE_BYTES / 1e6} MB. Record only the sign-in (clear the Network panel first) and export again.`,
      });
      return;
    }
    setStatus({ state: 'reading', name: file.name });
    Promise.all([file.text(), import('../../state/har/index'), loadEngine()])
      .then(([text, har, { engine }]) => har.importHar(text, file.name, engine))
      .then(
        (result) => {
          if (mine !== request.current) return;
          if (!result.ok) {
            setStatus({ state: 'error', message: result.problem.message });
            return;
          }
          startReplay(result.input);
          onClose();
        },
        () => {
          if (mine !== request.current) return;
          setStatus({
            state: 'error',
            message: `"${file.name}" could not be read, or the importer could not load. Check the file and your connection, and try again.`,
          });
        },
      );
  };

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    importFile(event.dataTransfer.files[0]);
  };

  return (
    <dialog
      ref={ref}
      className="panel-dialog har-dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      {...handlers}
    >
      <div className="panel-dialog-head">
        <h2 id={`${id}-title`}>Import a HAR file</h2>
        <button type="button" className="panel-dialog-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="panel-dialog-intro">
        Replay your own traffic: record a sign-in or an API call in the browser&apos;s developer
        tools (Network, &quot;Preserve log&quot; on, then &quot;Export HAR&quot;) and step through
        it here, with its tokens decoded and its errors explained.
      </p>
      <p className="har-privacy">
        <strong>Nothing leaves this page:</strong> the file is read and decoded in this browser tab
        and sent nowhere. Secrets (client secrets, passwords, codes, refresh tokens, cookies) stay
        masked on screen until you reveal them.
      </p>
      <div
        className={`har-drop${dragging ? ' is-dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={`${id}-file`} className="har-drop-label">
          Choose a .har file, or drop it here
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".har,application/json"
          aria-label="Import HAR file"
          aria-describedby={`${id}-status`}
          data-autofocus
          onChange={(event) => {
            importFile(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
      <div id={`${id}-status`} className="har-status" aria-live="polite">
        {status.state === 'reading' ? <p>Reading {status.name}…</p> : null}
        {status.state === 'error' ? (
          <p className="har-error" role="alert">
            {status.message}
          </p>
        ) : null}
      </div>
      <p className="har-samples">
        No HAR at hand? Download a sample (made from the Microsoft Learn examples; its tokens are
        signed by a throwaway key):{' '}
        {SAMPLES.map((sample, i) => (
          <span key={sample.file}>
            {i > 0 ? ', ' : null}
            <a href={`${import.meta.env.BASE_URL}samples/${sample.file}`} download>
              {sample.label}
            </a>
          </span>
        ))}
        .
      </p>
    </dialog>
  );
}
