// The app shell: header, What-if column, diagram with prompts, controls and timeline, inspector.
import { lazy, Suspense, type ReactElement } from 'react';
import { findScenario, scenarioParties, selectCanvas, useAppStore } from '../state/index';
import './shell/shell.css';
import { StepControls } from './controls/StepControls';
import { useKeyboardShortcuts } from './controls/use-keyboard-shortcuts';
import { Inspector } from './inspector/Inspector';
import { Header } from './shell/Header';
import { LiveAnnouncer } from './shell/LiveAnnouncer';
import { Notices } from './shell/Notices';
import { WhatIfPanel } from './shell/WhatIfPanel';
import { DiagramArea } from './sequence/DiagramArea';
import { Timeline } from './timeline/Timeline';
import { usePresenterMode } from './presenter/PresenterToggle';
import { selectReplayMode } from '../state/har/har-slice';

// Presenter mode's speaker notes and keys load when it is switched on.
const presenterMode = () => import('./presenter/PresenterMode');
const PresenterSide = lazy(() => presenterMode().then((m) => ({ default: m.PresenterSide })));
const PresenterLayer = lazy(() => presenterMode().then((m) => ({ default: m.PresenterLayer })));
const ReplayBar = lazy(() => import('./har/ReplayBar').then((m) => ({ default: m.ReplayBar })));

/** The whole screen. */
export function App(): ReactElement {
  useKeyboardShortcuts();
  const presenter = usePresenterMode();
  const { run, catalogue, scenarioId } = useAppStore(selectCanvas);
  const scenario = findScenario(catalogue, scenarioId);
  // A HAR replay (lazy bar above the diagram; the canvas is drawn afresh for its parties).
  const { replaying } = useAppStore(selectReplayMode);
  // Draw the parties from the scenario definition while the first run still computes.
  const parties = run?.parties ?? (scenario ? scenarioParties(scenario) : null);
  return (
    <div className="app" data-presenter={presenter ? 'true' : undefined}>
      <Header />
      <div className="app-messages">
        <Notices />
        {replaying ? (
          <Suspense fallback={null}>
            <ReplayBar />
          </Suspense>
        ) : null}
      </div>
      <div className="workspace">
        <WhatIfPanel />
        <main className="stage">
          <DiagramArea run={run} parties={parties} scenarioId={replaying ? 'har' : scenarioId} />
          <StepControls />
          <Timeline />
        </main>
        {presenter ? (
          <Suspense fallback={<Inspector />}>
            <PresenterSide />
          </Suspense>
        ) : (
          <Inspector />
        )}
      </div>
      <LiveAnnouncer />
      {presenter ? (
        <Suspense fallback={null}>
          <PresenterLayer />
        </Suspense>
      ) : null}
    </div>
  );
}
