// The right column: the scenario intro before step 1, else the inspected step.
import { useEffect, useRef, type ReactElement } from 'react';
import { buildStepDetail, selectInspector, selectStepRange, useAppStore } from '../../state/index';
import { selectReplayMode } from '../../state/har/har-slice';
import { selectShownScenario } from '../../state/world/world-slice';
import { ScenarioIntro } from './ScenarioIntro';
import { StepInspector } from './StepInspector';
import './inspector.css';
import './inspector-tables.css';

/** The inspector panel. */
export function Inspector(): ReactElement {
  const { run, inspected, following, tab, focusedToken, selectTab, selectStep, showToken } =
    useAppStore(selectInspector);
  // An edited world's own summary and docs, not its base scenario's.
  const { shown } = useAppStore(selectShownScenario);
  // An embed's step range ends the count where the controls end it ("Step 2 of 6" in both places).
  const lastShown = useAppStore((s) => selectStepRange(s).last);
  const { replaying } = useAppStore(selectReplayMode);
  const detail = run && inspected >= 0 ? buildStepDetail(run, inspected) : null;
  const panel = useRef<HTMLElement>(null);
  // Whether the person scrolled the panel away from its top, read in its own scroll events (when
  // the layout is clean), so that a new step scrolls back without forcing a synchronous layout on
  // start-up or on every step.
  const scrolled = useRef(false);
  useEffect(() => {
    if (!scrolled.current) return;
    scrolled.current = false;
    panel.current?.scrollTo?.({ top: 0 });
  }, [run, inspected]);
  return (
    <aside
      className="inspector"
      aria-label="Inspector"
      ref={panel}
      onScroll={(event) => {
        scrolled.current = event.currentTarget.scrollTop > 0;
      }}
    >
      {!run ? (
        <p className="muted">The inspector shows each message once the flow has run.</p>
      ) : detail ? (
        <StepInspector
          detail={detail}
          total={Math.min(run.steps.length, lastShown + 1)}
          following={following}
          tab={tab}
          focusedToken={focusedToken}
          onSelectTab={selectTab}
          onShowToken={showToken}
          onFollow={() => selectStep(null)}
        />
      ) : (
        <ScenarioIntro
          run={run}
          // A HAR replay is no scenario: its intro is its title and message count.
          scenario={replaying ? undefined : shown}
        />
      )}
    </aside>
  );
}
