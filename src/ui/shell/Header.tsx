// The header: product name, scenario picker (grouped by flow) and, on narrow screens, the What-if toggle.
import { lazy, Suspense, useState, type ReactElement } from 'react';
import { selectScenarioPicker, useAppStore } from '../../state/index';
import { ScenarioPicker } from './ScenarioPicker';
import { ThemePicker } from './ThemePicker';
import { PresenterToggle } from '../presenter/PresenterToggle';
import { HarImportButton } from '../har/HarImportButton';
import { selectReplayMode } from '../../state/har/har-slice';
import { WorkspaceButton } from '../workspace/WorkspaceButton';
import { EditScenarioButton } from '../editor/EditScenarioButton';

// The Share dialog and the Export menu load on demand: the first screen does not need them.
const ShareDialog = lazy(() =>
  import('../share/ShareDialog').then((m) => ({ default: m.ShareDialog })),
);

const ExportMenu = lazy(() =>
  import('../export/ExportMenu').then((m) => ({ default: m.ExportMenu })),
);

const DecodeTokenDialog = lazy(() =>
  import('../decode/DecodeTokenDialog').then((m) => ({ default: m.DecodeTokenDialog })),
);

/** The top bar. */
export function Header(): ReactElement {
  const { scenarios, whatIfOpen, setWhatIfOpen, variantCount } = useAppStore(selectScenarioPicker);
  const [sharing, setSharing] = useState(false);
  const [decoding, setDecoding] = useState(false);
  // Share links carry scenarios; a HAR replay stays in the page (its bar says so).
  const { replaying } = useAppStore(selectReplayMode);
  return (
    <header className="app-header">
      <h1 className="brand">
        <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
          <circle cx="5" cy="12" r="3" />
          <circle cx="19" cy="6" r="3" />
          <circle cx="19" cy="18" r="3" />
          <path d="M8 11l8-4M8 13l8 4" strokeWidth="2" />
        </svg>
        OAuth Flow Simulator
      </h1>
      <ScenarioPicker />
      <button
        type="button"
        className="whatif-toggle"
        aria-expanded={whatIfOpen}
        aria-controls="whatif-panel"
        onClick={() => setWhatIfOpen(!whatIfOpen)}
      >
        What if…{variantCount > 0 ? ` (${variantCount} on)` : ''}
      </button>
      <div className="header-actions">
        <EditScenarioButton />
        <WorkspaceButton />
        <Suspense
          fallback={
            <button type="button" className="header-button" aria-haspopup="menu" disabled>
              Export
            </button>
          }
        >
          <ExportMenu />
        </Suspense>
        <button
          type="button"
          className="header-button"
          aria-haspopup="dialog"
          disabled={!scenarios || replaying}
          onClick={() => setSharing(true)}
        >
          Share
        </button>
        <button
          type="button"
          className="header-button"
          aria-haspopup="dialog"
          onClick={() => setDecoding(true)}
        >
          Decode a token
        </button>
        <HarImportButton />
        <PresenterToggle />
        {/* In the same wrapping row as the actions: alone after them it took a row of its own. */}
        <ThemePicker />
      </div>
      {sharing ? (
        <Suspense fallback={null}>
          <ShareDialog onClose={() => setSharing(false)} />
        </Suspense>
      ) : null}
      {decoding ? (
        <Suspense fallback={null}>
          <DecodeTokenDialog onClose={() => setDecoding(false)} />
        </Suspense>
      ) : null}
    </header>
  );
}
