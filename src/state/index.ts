// The state layer's public entry: the store, its hook, selectors and the pure view builders.
export { appStore, useAppStore } from './app-store';
export { createAppStore, stepDurationMs, describeError, BASE_STEP_MS } from './store';
export * from './selectors';
export * from './views';
export * from './events';
export * from './format';
export { groupScenarios, findScenario, variantsOf } from './catalogue';
export { loadEngine } from './engine-loader';
export type { ScenarioGroup } from './catalogue';
export { SPEEDS } from './types';
export type {
  AppState,
  InspectorTab,
  RunStatus,
  Speed,
  StoreDeps,
  SimulationSlice,
  PlaybackSlice,
  InspectorSlice,
  LayoutSlice,
} from './types';
