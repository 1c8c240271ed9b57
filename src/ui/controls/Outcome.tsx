// The run's outcome in the controls bar, always in view once the last step is shown.
import type { ReactElement } from 'react';
import { useAppStore, type AppState } from '../../state/index';

const selectOutcome = (s: AppState) => ({
  run: s.run,
  cursor: s.cursor,
  selectStep: s.selectStep,
});

/**
 * A `status` region: "Flow succeeded" or "Flow failed: AADSTS65001 …" once the last step is
 * revealed; for a failure, a button shows the step whose error decided it (its why and fix).
 */
export function Outcome(): ReactElement {
  const { run, cursor, selectStep } = useAppStore(selectOutcome);
  const finished =
    run !== null && run.steps.length > 0 && cursor >= run.steps.length - 1 && !run.pendingPrompt;
  const failedStep = run?.result.failedStep;
  return (
    <p className="outcome" role="status" aria-label="Outcome">
      {finished && run ? (
        <>
          <strong className={run.result.ok ? 'is-ok' : 'is-error'}>
            {run.result.ok ? 'Flow succeeded:' : 'Flow failed:'}
          </strong>{' '}
          {run.result.summary}
          {!run.result.ok && failedStep !== undefined ? (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => selectStep(failedStep)}>
                Why: step {failedStep + 1}
              </button>
            </>
          ) : null}
        </>
      ) : null}
    </p>
  );
}
