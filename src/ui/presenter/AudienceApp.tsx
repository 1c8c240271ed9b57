// The audience window of Presenter mode: the diagram and the current step, big, in step with the
// presenter's window (BroadcastChannel 'ofs-presenter'). No controls, switches or inspector.
import { lazy, Suspense, useEffect, useLayoutEffect, useState, type ReactElement } from 'react';
import { startAudienceSync } from '../../state/link/presenter-sync';
import {
  appStore,
  findScenario,
  scenarioParties,
  selectStepRange,
  useAppStore,
  type AppState,
} from '../../state/index';
import { CanvasIsland } from '../canvas/CanvasIsland';
import { RunStatus } from '../shell/RunStatus';
import '../shell/shell.css';
import './audience.css';

const SequenceView = lazy(() =>
  import('../sequence/SequenceView').then((m) => ({ default: m.SequenceView })),
);

const selectAudience = (s: AppState) => ({
  run: s.run,
  catalogue: s.catalogue,
  scenarioId: s.scenarioId,
  cursor: s.cursor,
  view: s.view,
  ended:
    s.status === 'ready' &&
    s.run !== null &&
    !s.run.pendingPrompt &&
    s.cursor >= selectStepRange(s).last,
});

/** The audience's screen: title and step count, the diagram, the step's narration, the outcome. */
export function AudienceApp(): ReactElement {
  const { run, catalogue, scenarioId, cursor, view, ended } = useAppStore(selectAudience);
  const [connected, setConnected] = useState(false);
  const [gone, setGone] = useState(false);
  const scenario = findScenario(catalogue, scenarioId);
  const parties = run?.parties ?? (scenario ? scenarioParties(scenario) : null);
  const step = run && cursor >= 0 ? run.steps[cursor] : undefined;
  const total = run?.steps.length ?? 0;

  // The big type scale of Presenter mode, and the window's title.
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.dataset.presenter = 'audience';
    document.title = 'Audience view: OAuth Flow Simulator';
    return () => {
      delete root.dataset.presenter;
    };
  }, []);

  useEffect(() => {
    const stop = startAudienceSync(appStore, {
      onPresenter: () => {
        setConnected(true);
        setGone(false);
      },
      onPresenterGone: () => setGone(true),
    });
    let stopped = false;
    const end = (): void => {
      if (stopped) return;
      stopped = true;
      stop();
    };
    window.addEventListener('pagehide', end);
    return () => {
      window.removeEventListener('pagehide', end);
      end();
    };
  }, []);

  return (
    <div className="audience-app" data-connected={connected}>
      <header className="audience-bar">
        <h1>{run?.title ?? scenario?.title ?? 'OAuth Flow Simulator'}</h1>
        <p className="audience-count">
          {cursor < 0
            ? `Before step 1 of ${String(total)}`
            : `Step ${String(cursor + 1)} of ${String(total)}`}
        </p>
      </header>
      {gone ? (
        <p className="audience-note" role="status">
          The presenter&apos;s window has closed or left Presenter mode; this view keeps the last
          step.
        </p>
      ) : null}
      <div className="audience-main">
        <section className="audience-diagram canvas-area" aria-label="Flow diagram">
          {view === 'sequence' ? (
            <Suspense fallback={<p className="muted">Drawing the sequence diagram…</p>}>
              <SequenceView run={run} />
            </Suspense>
          ) : parties ? (
            <CanvasIsland key={scenarioId} run={run} parties={parties} />
          ) : null}
          <RunStatus />
        </section>
        <section className="audience-narration" aria-label="Current step" aria-live="polite">
          <h2>{step?.narration.title ?? 'Before the first message'}</h2>
          <p>{step?.narration.text ?? run?.steps[0]?.narration.title ?? ''}</p>
        </section>
      </div>
      <p
        className={`audience-outcome${ended && run ? (run.result.ok ? ' is-ok' : ' is-error') : ''}`}
        role="status"
      >
        {ended && run ? (
          <>
            <strong>{run.result.ok ? 'Flow succeeded:' : 'Flow failed:'}</strong>{' '}
            {run.result.summary}
          </>
        ) : null}
      </p>
    </div>
  );
}
