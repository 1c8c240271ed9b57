// The canvas as a hydration island: React Flow and the canvas's components load in a chunk of
// their own, so the rest of the first screen (the controls, the inspector, "Play") is live before
// that code has even been compiled. While the chunk loads, the prerendered canvas stays on screen
// as it was painted, and React hydrates it once its code arrives. Input on the canvas before then
// (zoom buttons, dragging) does nothing, as on any page before its script has run.
import {
  Component,
  lazy,
  memo,
  Suspense,
  type ErrorInfo,
  type ReactElement,
  type ReactNode,
} from 'react';
import type * as FlowCanvasModule from './FlowCanvas';
import type { FlowCanvasProps } from './FlowCanvas';

/**
 * Loads the canvas chunk (React Flow and the canvas's components). Every call shares the one
 * module; it rejects when the chunk cannot load.
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
 * Catches a canvas chunk that cannot load (the network, a deployment replaced meanwhile): the
 * diagram says so, and the rest of the app (controls, timeline, inspector) keeps working. A browser
 * remembers a module that failed to load for the page's life, so only a reload tries again.
 */
class CanvasErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('The diagram could not load', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="diagram-loading" role="alert">
        <p>The diagram could not load. The steps, the timeline and the inspector still work.</p>
        <button type="button" className="link-button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}

/**
 * {@link FlowCanvas} behind a Suspense boundary of its own. It is memoised on its props (the run
 * and the parties, which stepping does not change), so that a step or a press elsewhere in the app
 * before the canvas has hydrated never reaches a boundary still waiting for its code: React would
 * drop the prerendered canvas and draw the fallback. A new run (a what-if, another scenario) does
 * reach it; the engine that makes one loads after the canvas chunk, so the canvas is drawn by then.
 */
export const CanvasIsland = memo(function CanvasIsland(props: FlowCanvasProps): ReactElement {
  return (
    <CanvasErrorBoundary>
      <Suspense fallback={<CanvasLoading />}>
        <LazyFlowCanvas {...props} />
      </Suspense>
    </CanvasErrorBoundary>
  );
});
