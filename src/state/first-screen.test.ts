// The prerendered first screen's data: written at build time, read back by the page, and opened in
// the store without running the engine again.
import { describe, expect, it, vi, type Mock } from 'vitest';
import { runScenario } from '../engine/index';
import { SCENARIOS } from '../scenarios/index';
import {
  FIRST_SCREEN_DATA_ID,
  firstScreenOf,
  matchesFirstScreen,
  openFirstScreen,
  readFirstScreen,
  serialiseFirstScreen,
  type FirstScreenData,
} from './first-screen';
import { startUrlSync, type HistoryPort } from './link/url-sync';
import { createAppStore } from './store';
import { selectScenarioIndex } from './catalogue';
import { selectShownScenario, selectWhatIfs } from './world/world-slice';
import type { StoreDeps } from './types';

const deps: StoreDeps = {
  loadCatalogue: () => Promise.resolve(SCENARIOS),
  run: (scenario, variants, seed, decisions) =>
    runScenario(scenario, { variants, seed, decisions }),
};

/** A document holding `text` in the data element (all readFirstScreen looks at). */
function documentWith(text: string | null): Document {
  return {
    getElementById: (id: string) => (id === FIRST_SCREEN_DATA_ID ? { textContent: text } : null),
  } as unknown as Document;
}

/** A history port on an empty hash whose writes are recorded. */
function stubHistory(): HistoryPort & { push: Mock; replace: Mock } {
  return { readHash: () => '', push: vi.fn(), replace: vi.fn(), onPop: () => () => undefined };
}

async function builtFirstScreen(): Promise<FirstScreenData> {
  const store = createAppStore(deps);
  await store.getState().loadScenario(store.getState().scenarioId);
  const data = firstScreenOf(store.getState());
  if (!data) throw new Error('no first screen');
  return data;
}

describe('first screen data', () => {
  it('survives the trip through the page: the run read back equals the run computed', async () => {
    const data = await builtFirstScreen();
    const text = serialiseFirstScreen(data);
    expect(text).not.toMatch(/<\/script/i);
    expect(readFirstScreen(documentWith(text))).toEqual(JSON.parse(JSON.stringify(data)));
  });

  it('escapes < so that no string in a run can close the data element', () => {
    const data = { v: 1, scenarioId: 'obo-secret', seed: 1, run: { x: '</script><b>' } };
    const text = serialiseFirstScreen(data as unknown as FirstScreenData);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(data);
  });

  it('reads nothing from a missing, malformed or foreign data element', async () => {
    const data = await builtFirstScreen();
    expect(readFirstScreen(documentWith(null))).toBeNull();
    expect(readFirstScreen(documentWith('{'))).toBeNull();
    expect(readFirstScreen(documentWith('{"v":2}'))).toBeNull();
    const otherScenario = { ...data, scenarioId: 'cc-secret' };
    expect(readFirstScreen(documentWith(JSON.stringify(otherScenario)))).toBeNull();
    const withVariant = { ...data, run: { ...data.run, variants: ['wrong-secret'] } };
    expect(readFirstScreen(documentWith(JSON.stringify(withVariant)))).toBeNull();
  });

  it('matches a fresh store only when it would draw the same screen', async () => {
    const data = await builtFirstScreen();
    const store = createAppStore(deps);
    expect(matchesFirstScreen(store.getState(), data)).toBe(true);
    expect(matchesFirstScreen({ ...store.getState(), view: 'sequence' }, data)).toBe(false);
    expect(matchesFirstScreen({ ...store.getState(), presenter: true }, data)).toBe(false);
    expect(matchesFirstScreen({ ...store.getState(), seed: 2 }, data)).toBe(false);
    expect(
      matchesFirstScreen(createAppStore(deps, { initialScenario: 'cc-secret' }).getState(), data),
    ).toBe(false);
  });

  it('opens in the store without running the engine, which runs for the next change', async () => {
    const data = await builtFirstScreen();
    const run = vi.fn(deps.run);
    const store = createAppStore({ ...deps, run });
    openFirstScreen(store, data);
    const history = stubHistory();
    startUrlSync(store, history, { opened: true });
    expect(store.getState()).toMatchObject({ status: 'ready', cursor: -1, run: data.run });
    expect(run).not.toHaveBeenCalled();
    // The URL gets the state as a link (once the codec has loaded), as after a first run.
    await vi.waitFor(() => expect(history.replace).toHaveBeenCalled());
    store.getState().stepForward();
    expect(store.getState().cursor).toBe(0);
    await store
      .getState()
      .toggleVariant(SCENARIOS.find((s) => s.id === data.scenarioId)?.variants[0]?.id ?? '');
    expect(run).toHaveBeenCalledTimes(1);
    expect(store.getState().run?.variants.length).toBe(1);
    await vi.waitFor(() => expect(history.push).toHaveBeenCalled());
  });

  it('lists every scenario and the what-ifs without the catalogue, which a change loads', async () => {
    const data = await builtFirstScreen();
    expect(data.scenarios.map((s) => s.id)).toEqual(SCENARIOS.map((s) => s.id));
    // Plain data: the `apply` functions of the what-ifs stay in the catalogue.
    expect(JSON.parse(JSON.stringify(data.scenarios))).toEqual(data.scenarios);
    const loadCatalogue = vi.fn(deps.loadCatalogue);
    const store = createAppStore({ ...deps, loadCatalogue });
    openFirstScreen(store, data);
    const state = store.getState();
    expect(state.catalogue).toBeNull();
    expect(selectScenarioIndex(state)).toEqual(data.scenarios);
    const shown = SCENARIOS.find((s) => s.id === data.scenarioId);
    expect(selectWhatIfs(state).whatIfs.map((v) => v.label)).toEqual(
      shown?.variants.map((v) => v.label),
    );
    expect(selectShownScenario(state).shown?.summary).toBe(shown?.summary);
    await store.getState().toggleVariant(shown?.variants[0]?.id ?? '');
    expect(loadCatalogue).toHaveBeenCalledTimes(1);
    expect(store.getState().catalogue).toBe(SCENARIOS);
    expect(store.getState().run?.variants).toEqual([shown?.variants[0]?.id]);
  });

  it('makes a change right after opening an entry of its own, so Back returns to the first screen', async () => {
    const data = await builtFirstScreen();
    const store = createAppStore(deps);
    openFirstScreen(store, data);
    const history = stubHistory();
    startUrlSync(store, history, { opened: true });
    const variant = SCENARIOS.find((s) => s.id === data.scenarioId)?.variants[0]?.id ?? '';
    await store.getState().toggleVariant(variant);
    await vi.waitFor(() => expect(history.push).toHaveBeenCalledTimes(1));
    expect(history.replace).not.toHaveBeenCalled();
  });
});
