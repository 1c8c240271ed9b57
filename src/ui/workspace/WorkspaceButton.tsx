// The header's "My scenarios" button: opens the workspace dialog (lazy) and takes scenario files dropped on the app.
import { lazy, Suspense, useState, type ReactElement } from 'react';
import {
  ensureCatalogue,
  sayCatalogueFailed,
  selectScenarioIndex,
  useAppStore,
  type AppState,
} from '../../state/index';
import { useScenarioFileDrop } from './use-file-drop';
import './file-drop.css';

const WorkspaceDialog = lazy(() =>
  import('./WorkspaceDialog').then((m) => ({ default: m.WorkspaceDialog })),
);

const selectReady = (s: AppState) => ({ ready: selectScenarioIndex(s) !== null });

/**
 * A header button named "My scenarios" (not "Scenario": that is the picker's name) that opens the dialog with "Save as", "Export scenario",
 * "Import scenario" and the "My scenarios" list; while files are dragged over the page, a hint
 * says a scenario file can be dropped.
 */
export function WorkspaceButton(): ReactElement {
  const { ready } = useAppStore(selectReady);
  const [open, setOpen] = useState(false);
  const dragging = useScenarioFileDrop();
  return (
    <>
      <button
        type="button"
        className="header-button"
        aria-haspopup="dialog"
        disabled={!ready}
        onClick={() => {
          // Saving and exporting start from the scenario's definition: load it if it has not.
          ensureCatalogue().catch(sayCatalogueFailed);
          setOpen(true);
        }}
      >
        My scenarios
      </button>
      {open ? (
        <Suspense fallback={null}>
          <WorkspaceDialog onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
      {dragging ? (
        <div className="file-drop-hint" aria-hidden="true">
          <span>Drop a scenario file to open it</span>
        </div>
      ) : null}
    </>
  );
}
