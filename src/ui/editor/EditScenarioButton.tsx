// The header's "Edit scenario" button; the editor (forms, CodeMirror, the world schema) loads on
// first use, so the first screen does not carry it.
import { lazy, Suspense, useState, type ReactElement } from 'react';
import {
  ensureCatalogue,
  sayCatalogueFailed,
  selectScenarioIndex,
  useAppStore,
  type AppState,
} from '../../state/index';

const EditorPanel = lazy(() => import('./EditorPanel').then((m) => ({ default: m.EditorPanel })));

const selectButton = (s: AppState) => ({
  ready: selectScenarioIndex(s) !== null,
  edited: s.world !== null,
});

/** "Edit scenario" (pressed while the editor is open); marks an edited scenario with a dot. */
export function EditScenarioButton(): ReactElement {
  const { ready, edited } = useAppStore(selectButton);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="header-button"
        aria-expanded={open}
        disabled={!ready}
        onClick={() => {
          // The editor starts from the scenario's definition: the catalogue loads if it has not.
          if (!open) ensureCatalogue().catch(sayCatalogueFailed);
          setOpen(!open);
        }}
        title={edited ? 'The scenario on screen is an edited one' : undefined}
      >
        Edit scenario{edited ? ' •' : ''}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <EditorPanel onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
