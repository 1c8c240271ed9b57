// The first screen built into index.html: the default scenario's first run, embedded as JSON data
// beside its prerendered HTML, so the page hydrates that HTML without waiting for the engine chunk
// or WebCrypto (scripts/prerender.mjs writes both at build time).
import type { StoreApi } from 'zustand/vanilla';
import type { ScenarioId, SimulationRun } from '../engine/index';
import { summariseCatalogue, type ScenarioSummary } from './catalogue';
import type { AppState } from './types';

/**
 * The id of the `<script type="application/json">` element holding {@link FirstScreenData}. A JSON
 * data block is never executed, so the Content-Security-Policy's `script-src 'self'` allows it.
 */
export const FIRST_SCREEN_DATA_ID = 'first-screen-data';

/** What the prerendered first screen shows, as embedded in index.html (version 2). */
export interface FirstScreenData {
  v: 2;
  /** The scenario of the first screen (the store's initial scenario). */
  scenarioId: ScenarioId;
  /** The seed the run was computed with. */
  seed: number;
  /** The scenario's run without variants or decisions, cursor before step 1. */
  run: SimulationRun;
  /**
   * Every scenario as the picker, the "What if..." panel and the inspector's introduction show it,
   * so that hydrating waits for no scenario code: the catalogue loads once the page is live.
   */
  scenarios: ScenarioSummary[];
}

/** Whether a parsed value has the shape of {@link FirstScreenData} (as far as hydration relies on it). */
function isFirstScreenData(value: unknown): value is FirstScreenData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<Record<keyof FirstScreenData, unknown>>;
  const run = data.run as Partial<Record<keyof SimulationRun, unknown>> | null | undefined;
  return (
    data.v === 2 &&
    Array.isArray(data.scenarios) &&
    data.scenarios.some((s: unknown) => (s as ScenarioSummary | null)?.id === data.scenarioId) &&
    typeof data.scenarioId === 'string' &&
    typeof data.seed === 'number' &&
    typeof run === 'object' &&
    run !== null &&
    run.scenarioId === data.scenarioId &&
    Array.isArray(run.steps) &&
    Array.isArray(run.parties) &&
    Array.isArray(run.decisions) &&
    Array.isArray(run.variants) &&
    run.variants.length === 0
  );
}

/**
 * The first screen's data embedded in `doc`, or `null` when there is none or it cannot be read
 * (then the app renders on the client as before). Never throws.
 */
export function readFirstScreen(doc: Document): FirstScreenData | null {
  const text = doc.getElementById(FIRST_SCREEN_DATA_ID)?.textContent;
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isFirstScreenData(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Whether the store, as created for this page, would draw what the prerendered HTML shows: the
 * same scenario and seed, the canvas view and Presenter mode off (a person's remembered choices
 * may differ; the page then renders on the client instead of hydrating).
 */
export function matchesFirstScreen(state: AppState, data: FirstScreenData): boolean {
  return (
    state.scenarioId === data.scenarioId &&
    state.seed === data.seed &&
    state.view === 'canvas' &&
    !state.presenter &&
    state.embed === null &&
    state.run === null
  );
}

/**
 * Puts the first screen's run into the store as if it had just been computed: the scenarios'
 * summaries (the catalogue itself is not loaded), the run, status `ready`, the cursor before
 * step 1. Neither the catalogue nor the engine is needed until the person changes something (a
 * what-if, an answer, another scenario); the store loads them then, if the page has not already.
 */
export function openFirstScreen(store: StoreApi<AppState>, data: FirstScreenData): void {
  store.setState({
    catalogue: null,
    scenarioIndex: data.scenarios,
    scenarioId: data.scenarioId,
    seed: data.seed,
    variants: [],
    decisions: data.run.decisions,
    run: data.run,
    status: 'ready',
    error: null,
    cursor: -1,
  });
}

/** The store's current first screen as {@link FirstScreenData} (build time), or `null` when not ready. */
export function firstScreenOf(state: AppState): FirstScreenData | null {
  if (state.status !== 'ready' || !state.run || !state.catalogue || state.variants.length > 0)
    return null;
  return {
    v: 2,
    scenarioId: state.scenarioId,
    seed: state.seed,
    run: state.run,
    scenarios: [...summariseCatalogue(state.catalogue)],
  };
}

/**
 * Serialises the data for a `<script type="application/json">` element: `<` is escaped so that no
 * string in a run can close the element.
 */
export function serialiseFirstScreen(data: FirstScreenData): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
