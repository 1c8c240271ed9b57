// The canvas as a hydration island: React Flow and the canvas's components load in a chunk of
// their own, so the rest of the first screen (the controls, the inspector, "Play") is live before
// that code has even been compiled. While the chunk loads, the prerendered canvas stays on screen
// as it was painted: React hydrates it once its code arrives (a click on it is replayed then).
import { lazy, memo, Suspense, type ReactElement } from 'react';
import type * as FlowCanvasModule from './FlowCanvas';
import type { FlowCanvasProps } from './FlowCanvas';

/**
 * Loads the canvas chunk (React Flow and the canvas's components). Idempotent: the module
 * system returns the same promise. Resolves with the module; rejects when the chunk cannot load.
 */
export const loadFlowCanvas = (): Promise<typeof FlowCanvasModule> => import('./FlowCanvas');

const LazyFlowCanvas = lazy(() => loadFlowCanvas().then((m) => ({ default: m.FlowCanvas })));

/** Shown only when the canvas is drawn on the client before its chunk has loaded. */
function CanvasLoading(): ReactElement {
  return (
    <p className="diagram-loading muted" role="status">
      Drawing the diagram…
    </p>
  );
}

/**
 * {@link FlowCanvas} behind a Suspense boundary of its own. It is memoised on its props (the run
 * and the parties, which stepping does not change), so that a change elsewhere in the app, such as
 * "Play" pressed before the canvas has hydrated, never reaches a boundary still waiting for its
 * code: React would otherwise drop the prerendered canvas and draw the fallback.
 */
export const CanvasIsland = memo(function CanvasIsland(props: FlowCanvasProps): ReactElement {
  return (
    <Suspense fallback={<CanvasLoading />}>
      <LazyFlowCanvas {...props} />
    </Suspense>
  );
});
