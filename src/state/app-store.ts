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
 * The store as React reads it. zustand's `useStore` takes the snapshot of server rendering and
 * hydration from `getInitialState`; here it is the current state, because the prerendered first
 * screen (scripts/prerender.mjs) is rendered from, and hydrated with, the state the store holds by
 * then (state/first-screen.ts), not the empty state it was created with.
 */
const hydratableStore: typeof appStore = { ...appStore, getInitialState: appStore.getState };

/**
 * Reads the store through a module-level selector, compared shallowly (a plain value by
 * `Object.is`), so a component re-renders only when one of the selected fields changes.
 */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(hydratableStore, useShallow(selector));
}
