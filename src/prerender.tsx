// Build time only: renders the default scenario's first screen to HTML in Node, with the data the
// page hydrates it from. scripts/prerender.mjs loads this module through Vite at the end of
// `vite build` and writes both into index.html; it is never part of the app's bundle.
import { prerender } from 'react-dom/static';
import {
  appStore,
  firstScreenOf,
  openFirstScreen,
  serialiseFirstScreen,
  type FirstScreenData,
} from './state/index';
import { appElement } from './ui/Root';
import { keepEarlyInput } from './ui/early-input';

/** The prerendered first screen: `html` goes inside `#root`, `data` into its JSON data element. */
export interface PrerenderedFirstScreen {
  html: string;
  /** {@link FirstScreenData} as JSON, safe inside a `<script type="application/json">` element. */
  data: string;
  /**
   * The inline head script that keeps presses made before the app has started
   * ({@link keepEarlyInput}), as JavaScript source.
   */
  script: string;
}

/**
 * Runs the store's initial scenario with the real engine (WebCrypto in Node), then renders the
 * app's tree from the data exactly as the page will read it back (a JSON round trip), so the
 * hydrated render sees the same values. `prerender` waits for the lazy parts of the first screen
 * (the Export menu, the canvas), so no Suspense boundary is left for the client to render: the page
 * hydrates each one once its chunk has loaded. Throws when the run does not complete or rendering fails.
 */
export async function renderFirstScreen(): Promise<PrerenderedFirstScreen> {
  const initial = appStore.getState();
  await initial.loadScenario(initial.scenarioId);
  const state = appStore.getState();
  const first = firstScreenOf(state);
  if (!first) throw new Error(`The first run did not complete: ${state.error ?? state.status}`);
  const data = serialiseFirstScreen(first);
  openFirstScreen(appStore, JSON.parse(data) as FirstScreenData);
  const { prelude } = await prerender(appElement(), {
    // Every boundary inline, however large (the canvas's is over React's 12,800-byte default): an
    // outlined one would need React's inline `$RC` script, which the page's policy refuses.
    progressiveChunkSize: Number.POSITIVE_INFINITY,
    onError: (error) => {
      throw error;
    },
  });
  const script = `(${keepEarlyInput.toString()})();`;
  return { html: await new Response(prelude).text(), data, script };
}
