// The app's one store instance wired to the real engine (loaded lazily) and its React hook.
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { loadCatalogue, loadEngine } from './engine-loader';
import { createAppStore } from './store';
import type { AppState } from './types';
import { localPresenterPreference } from './presenter-preference';
import { localViewPreference } from './view-preference';

/** The application store (one per page). */
export const appStore = createAppStore({
  loadCatalogue: async () => {
    // The engine downloads alongside: the first run needs it right after the parties are drawn.
    loadEngine().catch(() => undefined);
    return (await loadCatalogue()).SCENARIOS;
  },
  run: async (scenario, variants, seed, decisions) =>
    (await loadEngine()).engine.runScenario(scenario, { variants, seed, decisions }),
  // One task: React renders the parties; React Flow measures them while the run awaits crypto.
  yieldToPaint: () => new Promise((resolve) => setTimeout(resolve, 0)),
  viewPreference: localViewPreference(),
  presenterPreference: localPresenterPreference(),
});

/**
 * Loads the scenario catalogue into the store when it is not there yet (the prerendered first
 * screen opens without it). Resolves once it is there; rejects when its chunk cannot load.
 */
export async function ensureCatalogue(): Promise<void> {
  if (appStore.getState().catalogue) return;
  const { SCENARIOS } = await loadCatalogue();
  if (!appStore.getState().catalogue) appStore.setState({ catalogue: SCENARIOS });
}

/** Tells the person, in the app's notices, that the scenario catalogue could not load. */
export function sayCatalogueFailed(): void {
  appStore
    .getState()
    .notify('The scenarios could not be loaded: check the connection and reload the page.');
}

/** The state the prerendered first screen shows, once the page has put it in the store. */
let hydrationState: AppState | null = null;

/**
 * Keeps the store's current state (the prerendered first screen's, just opened from the page) as
 * the state React hydrates with, however the store changes afterwards: a part of the screen that
 * hydrates later (the canvas, once its chunk has loaded) must first render what its HTML shows,
 * and React then re-renders it with the current state.
 */
export function keepHydrationState(): void {
  hydrationState = appStore.getState();
}

/**
 * The store as React reads it. zustand's `useStore` takes the snapshot of server rendering and
 * hydration from `getInitialState`; here it is the state the prerendered first screen
 * (scripts/prerender.mjs) was rendered from ({@link keepHydrationState}; at build time, the current
 * state), not the empty state the store was created with.
 */
const hydratableStore: typeof appStore = {
  ...appStore,
  getInitialState: () => hydrationState ?? appStore.getState(),
};

/**
 * Reads the store through a module-level selector, compared shallowly (a plain value by
 * `Object.is`), so a component re-renders only when one of the selected fields changes.
 */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(hydratableStore, useShallow(selector));
}
