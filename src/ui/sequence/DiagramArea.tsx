// The diagram area: the Canvas / Sequence switch, the chosen view (the sequence view loads on
// demand), the run status and the prompts. Shared by the app and the embedded player.
import { lazy, Suspense, type ReactElement } from 'react';
import type { PartyView, SimulationRun } from '../../engine/index';
import { useAppStore, type AppState } from '../../state/index';
import { CanvasIsland } from '../canvas/CanvasIsland';
import { PromptLayer } from '../dialogs/PromptLayer';
import { RunStatus } from '../shell/RunStatus';
import { ViewSwitch, viewTabId } from './ViewSwitch';
import './view-switch.css';

// Only people who open the sequence view download it: the first screen stays as light as before.
const SequenceView = lazy(() =>
  import('./SequenceView').then((m) => ({ default: m.SequenceView })),
);

const PANEL_ID = 'diagram-panel';

const selectView = (s: AppState) => ({ view: s.view, setView: s.setView });

/** Props of {@link DiagramArea}. */
export interface DiagramAreaProps {
  run: SimulationRun | null;
  /** Parties to draw (from the run, or the scenario while the first run computes). */
  parties: readonly PartyView[] | null;
  /** Remounts the canvas on a scenario change. */
  scenarioId: string;
}

/** View switch above the canvas or the sequence diagram. */
export function DiagramArea({ run, parties, scenarioId }: DiagramAreaProps): ReactElement {
  const { view, setView } = useAppStore(selectView);
  return (
    <div className="diagram">
      <ViewSwitch view={view} onChange={setView} panelId={PANEL_ID} />
      <section className="canvas-area" aria-label="Flow diagram">
        <div
          className="diagram-panel"
          id={PANEL_ID}
          role="tabpanel"
          aria-labelledby={viewTabId(view)}
        >
          {view === 'sequence' ? (
            <Suspense
              fallback={<p className="diagram-loading muted">Drawing the sequence diagram…</p>}
            >
              <SequenceView run={run} />
            </Suspense>
          ) : parties ? (
            <CanvasIsland key={scenarioId} run={run} parties={parties} />
          ) : null}
        </div>
        <RunStatus />
        <PromptLayer />
      </section>
    </div>
  );
}
