// The "My scenarios" dialog: Save as, Export scenario, Import scenario, and the saved scenarios (My scenarios).
import {
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type ReactElement,
} from 'react';
import { selectScenarioIndex, useAppStore, type AppState } from '../../state/index';
import {
  currentWorld,
  importScenarioFile,
  saveCurrentAs,
  useWorkspace,
} from '../../state/workspace/app-workspace';
import { MAX_NAME_LENGTH } from '../../state/workspace/types';
import { useModalDialog } from '../dialogs/use-modal-dialog';
import { exportWorldFile } from './export-world';
import { SavedScenarios } from './SavedScenarios';
import '../dialogs/panel-dialog.css';
import './workspace.css';

/** Props of {@link WorkspaceDialog}. */
export interface WorkspaceDialogProps {
  onClose: () => void;
}

const selectCurrent = (s: AppState) => ({
  world: s.world,
  worldName: s.worldName,
  title: selectScenarioIndex(s)?.find((c) => c.id === s.scenarioId)?.title ?? '',
});

/** A line for the person: what an action did, or why it did nothing. */
type Outcome = { kind: 'ok' | 'error'; text: string } | null;

/**
 * Modal dialog named "My scenarios": a "Name" field with "Save as" (keeps the scenario on screen in
 * this browser; a saved one of that name is replaced, which the field's hint says), "Export
 * scenario" (downloads it as a scenario file), "Import scenario" (a file input; a scenario file
 * may also be dropped anywhere on the app) and "My scenarios" (open, rename, duplicate, delete
 * with undo). Outcomes are announced in a status line.
 */
export function WorkspaceDialog({ onClose }: WorkspaceDialogProps): ReactElement {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const handlers = useModalDialog(ref, onClose);
  const { world, worldName, title } = useAppStore(selectCurrent);
  const { entries, status, error } = useWorkspace((w) => ({
    entries: w.entries,
    status: w.status,
    error: w.error,
  }));
  const [name, setName] = useState(worldName ?? world?.title ?? title);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const replaces = entries.some((e) => e.name === name.trim());

  const save = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    void saveCurrentAs(name).then((saved) => {
      setBusy(false);
      setOutcome(
        saved.ok
          ? { kind: 'ok', text: `Saved as "${saved.value.name}" in My scenarios.` }
          : { kind: 'error', text: saved.message },
      );
    });
  };

  const exportFile = (): void => {
    void currentWorld().then((current) => {
      if (!current.ok) {
        setOutcome({ kind: 'error', text: current.message });
        return;
      }
      const fileName = exportWorldFile(current.world, current.name);
      setOutcome({ kind: 'ok', text: `Exported "${current.name}" as ${fileName}.` });
    });
  };

  const importFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    void importScenarioFile(file, { announceProblems: false }).then((outcome) => {
      setBusy(false);
      input.value = '';
      if (outcome.ok) onClose();
      else setOutcome({ kind: 'error', text: outcome.message });
    });
  };

  return (
    <dialog
      ref={ref}
      className="panel-dialog workspace-dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      {...handlers}
    >
      <div className="panel-dialog-head">
        <h2 id={`${id}-title`}>My scenarios</h2>
        <button type="button" className="panel-dialog-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="panel-dialog-intro">
        Keep the scenario on screen{worldName ? ` ("${worldName}")` : ''} in this browser, or as a
        file to share. Saved scenarios stay in this browser only; nothing is sent anywhere.
      </p>
      <form className="workspace-row" onSubmit={save}>
        <label className="workspace-field" htmlFor={`${id}-name`}>
          Name
          <input
            id={`${id}-name`}
            value={name}
            maxLength={MAX_NAME_LENGTH}
            autoComplete="off"
            aria-describedby={`${id}-name-hint`}
            data-autofocus
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <button
          type="submit"
          className="workspace-button workspace-primary"
          disabled={busy || status === 'unavailable'}
        >
          Save as
        </button>
      </form>
      <p id={`${id}-name-hint`} className="workspace-hint">
        {status === 'unavailable'
          ? error
          : replaces
            ? `Replaces the saved scenario named "${name.trim()}".`
            : 'Saved under this name in My scenarios (in the Scenario picker too).'}
      </p>
      <div className="workspace-row workspace-files">
        <button type="button" className="workspace-button" onClick={exportFile}>
          Export scenario
        </button>
        <label className="workspace-file">
          <span>Import scenario</span>
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={importFile}
          />
        </label>
      </div>
      <p className="workspace-hint">
        A scenario file (.scenario.json) can also be dropped anywhere on the app.
      </p>
      <p
        className={`workspace-outcome${outcome?.kind === 'error' ? ' workspace-error' : ''}`}
        role="status"
      >
        {outcome?.text}
      </p>
      <SavedScenarios onOpened={onClose} onOutcome={setOutcome} />
    </dialog>
  );
}
