// What the bench's init scripts (scripts/bench/page.mjs) add to the pages it measures.
export {};

/** "Step N of M". */
interface BenchStep {
  n: number;
  total: number;
}

declare global {
  interface Window {
    /** performance.now() when a party node was first visible. */
    __benchFirstNode?: number;
    /** performance.now() when the canvas became interactive. */
    __benchReady?: number;
    /** When React Flow had hydrated the canvas and that frame was painted (the app only). */
    __benchLive?: number;
    __bench: {
      /** "Step N of M" in an element's text. */
      stepOf(element: Element | null | undefined): BenchStep | undefined;
      /** "Step N of M" of the inspector's heading. */
      inspectorStep(inspector: Element): BenchStep | undefined;
      /** Resolves when `predicate()` holds (checked now and on every DOM mutation). */
      until(predicate: () => boolean, timeoutMs?: number): Promise<void>;
      /** Resolves after the next frame has been produced (rAF, then a task after it). */
      nextFrame(): Promise<void>;
    };
  }
}
