// The app's one store instance wired to the real engine and catalogue, and its React hook.
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { runScenario } from '../engine/index';
import { getScenario } from '../scenarios/index';
import { createAppStore } from './store';
import type { AppState } from './types';

/** The application store (one per page). */
export const appStore = createAppStore({
  run: (scenario, variants, seed) => runScenario(scenario, { variants, seed }),
  getScenario,
});

/**
 * Reads the store through a module-level selector, compared shallowly, so a component
 * re-renders only when one of the selected fields changes.
 */
export function useAppStore<T extends object>(selector: (state: AppState) => T): T {
  return useStore(appStore, useShallow(selector));
}
