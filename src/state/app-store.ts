// The app's one store instance wired to the real engine (loaded lazily) and its React hook.
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { loadEngine } from './engine-loader';
import { createAppStore } from './store';
import type { AppState } from './types';
import { localPresenterPreference } from './presenter-preference';
import { localViewPreference } from './view-preference';

/** The application store (one per page). */
export const appStore = createAppStore({
  loadCatalogue: async () => (await loadEngine()).scenarios.SCENARIOS,
  run: async (scenario, variants, seed, decisions) =>
    (await loadEngine()).engine.runScenario(scenario, { variants, seed, decisions }),
  // One task: React renders the parties; React Flow measures them while the run awaits crypto.
  yieldToPaint: () => new Promise((resolve) => setTimeout(resolve, 0)),
  viewPreference: localViewPreference(),
  presenterPreference: localPresenterPreference(),
});

/**
 * Reads the store through a module-level selector, compared shallowly, so a component
 * re-renders only when one of the selected fields changes.
 */
export function useAppStore<T extends object>(selector: (state: AppState) => T): T {
  return useStore(appStore, useShallow(selector));
}
