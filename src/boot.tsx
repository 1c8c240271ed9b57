// The app's start (loaded by main.tsx): hydrates the prerendered first screen (or renders the
// app) into #root, and opens the linked (or first) state.
import { createRoot, hydrateRoot } from 'react-dom/client';
import {
  appStore,
  browserHistory,
  ensureCatalogue,
  isLinkFragment,
  keepHydrationState,
  loadEngine,
  matchesFirstScreen,
  openFirstScreen,
  readFirstScreen,
  startUrlSync,
  type FirstScreenData,
} from './state/index';
import { appElement } from './ui/Root';
import { loadFlowCanvas } from './ui/canvas/CanvasIsland';
import { applyThemeChoice, readThemeChoice } from './ui/shell/theme-choice';
import { dropEarlyInput, replayEarlyInput } from './ui/early-input';

// User Timing marks: `npm run bench` reports where the start-up time goes from them.
performance.mark('ofs:boot');
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The remembered theme before anything is drawn, so a dark screen never flashes light first.
applyThemeChoice(readThemeChoice());

/** Resolves once no run is being computed (the store's status is not `loading`). */
function runSettled(): Promise<void> {
  return new Promise((resolve) => {
    if (appStore.getState().status !== 'loading') return resolve();
    const unsubscribe = appStore.subscribe((state) => {
      if (state.status === 'loading') return;
      unsubscribe();
      resolve();
    });
  });
}

/** Renders on the client: anything the build prerendered is replaced. */
function render(container: HTMLElement): void {
  // The prerendered controls go: what was done on them belongs to a screen that is not drawn.
  dropEarlyInput();
  container.replaceChildren();
  // Opens the state the link names (or the default scenario) and keeps the URL in step. It runs
  // first so that an embed link is known (and its player drawn) from the first render.
  startUrlSync(appStore, browserHistory());
  createRoot(container).render(appElement());
}

/**
 * Hydrates the prerendered first screen from the page's data alone: the run and the scenarios'
 * summaries come from the page, the canvas hydrates once its chunk lands (ui/canvas/CanvasIsland),
 * and nothing else is waited for. Once the page is live and idle, the catalogue and the engine
 * load, for the person's first change (a change made sooner loads them itself).
 */
function hydrate(container: HTMLElement, data: FirstScreenData): void {
  // The canvas's chunk (React Flow) downloads alongside; the canvas hydrates once it lands. (A
  // screen rendered anew requests it when it draws the canvas: not at all in the Sequence view.)
  loadFlowCanvas().catch(() => undefined);
  openFirstScreen(appStore, data);
  keepHydrationState();
  const whenIdle = (work: () => void): void => {
    if (typeof window.requestIdleCallback === 'function')
      window.requestIdleCallback(work, { timeout: 1000 });
    else setTimeout(work, 50);
  };
  hydrateRoot(
    container,
    appElement(() => {
      performance.mark('ofs:hydrated');
      // In a task of its own: by then the controls' first update (enabled, live) has committed.
      setTimeout(() => void replayEarlyInput(runSettled), 0);
      whenIdle(() => {
        ensureCatalogue().catch(() => undefined);
        loadEngine().catch(() => undefined);
      });
    }),
  );
  // Listening from the start (a change made right away is an entry of its own); its first write,
  // which loads the codec chunk, waits until the page is idle.
  startUrlSync(appStore, browserHistory(), { opened: true });
}

const firstScreen = readFirstScreen(document);
// A link, the audience window or a remembered view other than the prerendered one: render anew.
if (
  firstScreen &&
  !isLinkFragment(window.location.hash) &&
  !new URLSearchParams(window.location.search).has('audience') &&
  matchesFirstScreen(appStore.getState(), firstScreen)
) {
  hydrate(root, firstScreen);
} else {
  render(root);
}
