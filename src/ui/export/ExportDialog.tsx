// The export of the run so far as Mermaid text or a HAR file: preview, copy, download.
import { useId, useRef, useState, type ReactElement } from 'react';
import type { SimulationRun } from '../../engine/index';
import { useModalDialog } from '../dialogs/use-modal-dialog';
import { CopyButton } from '../share/CopyButton';
import { downloadText, exportFileName } from './download';
import { useExports } from './use-exports';
import '../dialogs/panel-dialog.css';
import '../share/share.css';

/** What the dialog exports. */
export type ExportKind = 'mermaid' | 'har';

/** Props of {@link ExportDialog}. */
export interface ExportDialogProps {
  kind: ExportKind;
  run: SimulationRun;
  /** Last step included (0-based). */
  upTo: number;
  onClose: () => void;
}

const TITLES: Record<ExportKind, string> = {
  mermaid: 'Mermaid sequence diagram',
  har: 'HAR file',
};

/**
 * A modal dialog with the export's text in a read-only box, "Copy" and "Download". Mermaid is
 * copied to the clipboard when the dialog opens (wikis paste it into a ```mermaid block); the HAR
 * redacts secrets unless the person unticks "Redact secrets".
 */
export function ExportDialog({ kind, run, upTo, onClose }: ExportDialogProps): ReactElement {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const handlers = useModalDialog(ref, onClose);
  const exports = useExports();
  const [redact, setRedact] = useState(true);
  const steps = `steps 1 to ${upTo + 1} of ${run.steps.length}`;
  const text = !exports
    ? ''
    : kind === 'mermaid'
      ? exports.toMermaidSequence(run, upTo)
      : JSON.stringify(
          exports.toHar({ ...run, steps: run.steps.slice(0, upTo + 1) }, { redact }),
          null,
          2,
        );
  const download = (): void =>
    kind === 'mermaid'
      ? downloadText(exportFileName(run.scenarioId, upTo, 'mmd'), text, 'text/plain')
      : downloadText(exportFileName(run.scenarioId, upTo, 'har'), text, 'application/json');
  return (
    <dialog
      ref={ref}
      className="panel-dialog share-dialog export-dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      {...handlers}
    >
      <div className="panel-dialog-head">
        <h2 id={`${id}-title`}>{TITLES[kind]}</h2>
        <button type="button" className="panel-dialog-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="panel-dialog-intro">
        {kind === 'mermaid'
          ? `The ${steps} as a Mermaid sequenceDiagram: paste it into a \`\`\`mermaid block in GitHub, GitLab or Azure DevOps wikis.`
          : `The ${steps} as HAR 1.2, which Chrome DevTools' Network panel imports. Times come from the simulated clock.`}
      </p>
      {kind === 'har' ? (
        <label className="share-check">
          <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} />
          Redact secrets (client secrets, assertions, codes, tokens, cookies, Authorization)
        </label>
      ) : null}
      <label className="share-field">
        <span>{kind === 'mermaid' ? 'Mermaid' : 'HAR'}</span>
        <textarea readOnly rows={14} value={text} data-autofocus />
      </label>
      <div className="export-buttons">
        <CopyButton text={text} label={kind === 'mermaid' ? 'Copy Mermaid' : 'Copy HAR'} />
        <button
          type="button"
          className="control control-primary"
          onClick={download}
          disabled={!exports}
        >
          {kind === 'mermaid' ? 'Download .mmd' : 'Download .har'}
        </button>
      </div>
    </dialog>
  );
}
