// Messages over the canvas while the flow runs, and a clear error (with Try again) if the engine failed.
import type { ReactElement } from 'react';
import { selectRunStatus, useAppStore } from '../../state/index';

/** Loading note or engine error; nothing once the run is ready. */
export function RunStatus(): ReactElement | null {
  const { status, error, hasRun, rerun } = useAppStore(selectRunStatus);
  if (status === 'error') {
    return (
      <div className="run-error" role="alert">
        <h2>The simulation could not run</h2>
        <p>The protocol engine stopped with this message:</p>
        <pre className="raw">{error}</pre>
        <button type="button" className="control control-primary" onClick={() => void rerun()}>
          Try again
        </button>
      </div>
    );
  }
  if ((status === 'loading' || status === 'idle') && !hasRun) {
    return (
      <p className="run-loading" role="status">
        Running the flow with real signed tokens…
      </p>
    );
  }
  return null;
}
