// The app shell: header, What-if column, canvas with controls and timeline, inspector.
import type { ReactElement } from 'react';
import { selectCanvas, useAppStore } from '../state/index';
import { FlowCanvas } from './canvas/FlowCanvas';
import { StepControls } from './controls/StepControls';
import { useKeyboardShortcuts } from './controls/use-keyboard-shortcuts';
import { Inspector } from './inspector/Inspector';
import { Header } from './shell/Header';
import { LiveAnnouncer } from './shell/LiveAnnouncer';
import { RunStatus } from './shell/RunStatus';
import { WhatIfPanel } from './shell/WhatIfPanel';
import { Timeline } from './timeline/Timeline';

/** The whole screen. */
export function App(): ReactElement {
  useKeyboardShortcuts();
  const { run } = useAppStore(selectCanvas);
  return (
    <div className="app">
      <Header />
      <div className="workspace">
        <WhatIfPanel />
        <main className="stage">
          <section className="canvas-area" aria-label="Flow diagram">
            {run ? <FlowCanvas key={run.scenarioId} run={run} /> : null}
            <RunStatus />
          </section>
          <StepControls />
          <Timeline />
        </main>
        <Inspector />
      </div>
      <LiveAnnouncer />
    </div>
  );
}
