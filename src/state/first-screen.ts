// The first screen built into index.html: the default scenario's first run, embedded as JSON data
// beside its prerendered HTML, so the page hydrates that HTML without waiting for the engine chunk
// or WebCrypto (scripts/prerender.mjs writes both at build time).
import type { StoreApi } from 'zustand/vanilla';
import type { ScenarioDefinition, ScenarioId, SimulationRun } from '../engine/index';
import type { AppState } from './types';

/**
 * The id of the `<script type="application/json">` element holding {@link FirstScreenData}. A JSON
 * data block is never executed, so the Content-Security-Policy's `script-src 'self'` allows it.
 */
export const FIRST_SCREEN_DATA_ID = 'first-screen-data';

/** What the prerendered first screen shows, as embedded in index.html (version 1). */
export interface FirstScreenData {
  v: 1;
  /** The scenario of the first screen (the store's initial scenario). */
  scenarioId: ScenarioId;
  /** The seed the run was computed with. */
  seed: number;
  /** The scenario's run without variants or decisions, cursor before step 1. */
  run: SimulationRun;
}

/** Whether a parsed value has the shape of {@link FirstScreenData} (as far as hydration relies on it). */
function isFirstScreenData(value: unknown): value is FirstScreenData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<Record<keyof FirstScreenData, unknown>>;
  const run = data.run as Partial<Record<keyof SimulationRun, unknown>> | null | undefined;
  return (
    data.v === 1 &&
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
 * Puts the first screen's run into the store as if it had just been computed: the catalogue,
 * the run, status `ready`, the cursor before step 1. The engine is not needed until the person
 * changes something (a what-if, an answer, another scenario).
 */
export function openFirstScreen(
  store: StoreApi<AppState>,
  data: FirstScreenData,
  catalogue: readonly ScenarioDefinition[],
): void {
  store.setState({
    catalogue,
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
  if (state.status !== 'ready' || !state.run || state.variants.length > 0) return null;
  return { v: 1, scenarioId: state.scenarioId, seed: state.seed, run: state.run };
}

/**
 * Serialises the data for a `<script type="application/json">` element: `<` is escaped so that no
 * string in a run can close the element.
 */
export function serialiseFirstScreen(data: FirstScreenData): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
