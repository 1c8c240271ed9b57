// The state layer's public entry: the store, its hook, selectors and the pure view builders.
export {
  appStore,
  ensureCatalogue,
  keepHydrationState,
  sayCatalogueFailed,
  useAppStore,
} from './app-store';
export { createAppStore, stepDurationMs, describeError, BASE_STEP_MS } from './store';
export * from './selectors';
export * from './views';
export * from './events';
export * from './format';
export {
  groupScenarios,
  findScenario,
  selectScenarioIndex,
  summariseCatalogue,
  variantsOf,
} from './catalogue';
export { loadCatalogue, loadEngine } from './engine-loader';
export {
  FIRST_SCREEN_DATA_ID,
  firstScreenOf,
  matchesFirstScreen,
  openFirstScreen,
  readFirstScreen,
  serialiseFirstScreen,
} from './first-screen';
export type { FirstScreenData } from './first-screen';
export type { ScenarioGroup, ScenarioSummary, VariantSummary } from './catalogue';
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
export {
  browserHistory,
  isLinkFragment,
  linkFieldsOf,
  pageBase,
  selectLinkState,
  startUrlSync,
} from './link/url-sync';
export type { HistoryPort, LinkFields } from './link/url-sync';
export { DEFAULT_EMBED, DEFAULT_LINK_STATE } from './link/defaults';
export type { EmbedOptions, LinkState } from './link/schema';
export type { MainView, Notice, SessionSlice, ViewPreference } from './types';
export { VIEW_STORAGE_KEY, localViewPreference } from './view-preference';
export type { PresenterPreference } from './types';
export { PRESENTER_STORAGE_KEY, localPresenterPreference } from './presenter-preference';
export type { EmbedSize } from './link/share';
export type { HostMessage, PlayerMessage } from './link/embed-messages';
