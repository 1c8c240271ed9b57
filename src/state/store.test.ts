// Store behaviour with the real engine: stepping, variants, playback timing, races and failures.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runScenario } from '../engine/index';
import type { ScenarioDefinition, SimulationRun } from '../engine/index';
import { SCENARIOS, getScenario } from '../scenarios/index';
import { createAppStore, stepDurationMs } from './store';
import type { StoreDeps } from './types';

const realDeps: StoreDeps = {
  loadCatalogue: () => Promise.resolve(SCENARIOS),
  run: (scenario, variants, seed) => runScenario(scenario, { variants, seed }),
};

/** Lets pending promise callbacks run. */
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function loadedStore(id: 'obo-secret' | 'cc-secret' = 'obo-secret') {
  const store = createAppStore(realDeps);
  await store.getState().loadScenario(id);
  return store;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('loadScenario', () => {
  it('runs the scenario and starts before step 1', async () => {
    const store = await loadedStore('cc-secret');
    const state = store.getState();
    expect(state.status).toBe('ready');
    expect(state.error).toBeNull();
    expect(state.run?.scenarioId).toBe('cc-secret');
    expect(state.run?.steps.length).toBeGreaterThan(1);
    expect(state.cursor).toBe(-1);
    expect(state.variants).toEqual([]);
  });
});

describe('stepping', () => {
  it('moves the cursor forward and back and clamps at both ends', async () => {
    const store = await loadedStore();
    const { stepForward, stepBack } = store.getState();
    const last = (store.getState().run?.steps.length ?? 0) - 1;
    stepBack();
    expect(store.getState().cursor).toBe(-1);
    stepForward();
    stepForward();
    expect(store.getState().cursor).toBe(1);
    stepBack();
    expect(store.getState().cursor).toBe(0);
    for (let i = 0; i < last + 5; i += 1) stepForward();
    expect(store.getState().cursor).toBe(last);
    store.getState().reset();
    expect(store.getState().cursor).toBe(-1);
  });

  it('selects only revealed steps and follows the cursor again after a step', async () => {
    const store = await loadedStore();
    const { stepForward, selectStep } = store.getState();
    stepForward();
    stepForward();
    stepForward();
    selectStep(1);
    expect(store.getState().selectedStep).toBe(1);
    selectStep(5);
    expect(store.getState().selectedStep).toBeNull();
    selectStep(0);
    stepForward();
    expect(store.getState().selectedStep).toBeNull();
  });
});

describe('toggleVariant', () => {
  it('re-runs the flow with the switch on, resets playback, and switches it off again', async () => {
    const store = await loadedStore();
    const variant = getScenario('obo-secret').variants[0];
    if (!variant) throw new Error('obo-secret has no variants');
    const before = store.getState().run;
    store.getState().stepForward();
    store.getState().stepForward();
    store.getState().selectStep(0);

    await store.getState().toggleVariant(variant.id);
    const on = store.getState();
    expect(on.variants).toEqual([variant.id]);
    expect(on.run).not.toBe(before);
    expect(on.run?.variants).toEqual([variant.id]);
    expect(on.cursor).toBe(-1);
    expect(on.selectedStep).toBeNull();

    await store.getState().toggleVariant(variant.id);
    expect(store.getState().variants).toEqual([]);
    expect(store.getState().run?.variants).toEqual([]);
  });

  it('ignores ids the scenario does not define', async () => {
    const store = await loadedStore();
    const run = store.getState().run;
    await store.getState().toggleVariant('no-such-switch');
    expect(store.getState().run).toBe(run);
    expect(store.getState().variants).toEqual([]);
  });
});

describe('playback', () => {
  it('reveals a step at once, then one per step duration, and stops at the end', async () => {
    const store = await loadedStore();
    vi.useFakeTimers();
    const total = store.getState().run?.steps.length ?? 0;
    store.getState().play();
    expect(store.getState().cursor).toBe(0);
    expect(store.getState().playing).toBe(true);
    vi.advanceTimersByTime(stepDurationMs(1) - 1);
    expect(store.getState().cursor).toBe(0);
    vi.advanceTimersByTime(1);
    expect(store.getState().cursor).toBe(1);
    vi.advanceTimersByTime(stepDurationMs(1) * (total + 3));
    expect(store.getState().cursor).toBe(total - 1);
    expect(store.getState().playing).toBe(false);
  });

  it('pauses, honours the speed, and replays from the start when at the end', async () => {
    const store = await loadedStore();
    vi.useFakeTimers();
    store.getState().setSpeed(2);
    store.getState().play();
    vi.advanceTimersByTime(stepDurationMs(2));
    expect(store.getState().cursor).toBe(1);
    store.getState().pause();
    vi.advanceTimersByTime(stepDurationMs(2) * 5);
    expect(store.getState().cursor).toBe(1);
    expect(store.getState().playing).toBe(false);

    const last = (store.getState().run?.steps.length ?? 0) - 1;
    while (store.getState().cursor < last) store.getState().stepForward();
    store.getState().togglePlay();
    expect(store.getState().cursor).toBe(0);
    expect(store.getState().playing).toBe(true);
    store.getState().stepBack();
    expect(store.getState().playing).toBe(false);
  });
});

describe('races and failures', () => {
  interface Pending {
    scenario: ScenarioDefinition;
    resolve: (run: SimulationRun) => void;
    reject: (error: unknown) => void;
  }

  function deferredDeps(): { deps: StoreDeps; pending: Pending[] } {
    const pending: Pending[] = [];
    return {
      pending,
      deps: {
        loadCatalogue: () => Promise.resolve(SCENARIOS),
        run: (scenario) =>
          new Promise<SimulationRun>((resolve, reject) => {
            pending.push({ scenario, resolve, reject });
          }),
      },
    };
  }

  let cc: SimulationRun;
  let obo: SimulationRun;
  beforeAll(async () => {
    cc = await runScenario(getScenario('cc-secret'), { variants: [], seed: 1 });
    obo = await runScenario(getScenario('obo-secret'), { variants: [], seed: 1 });
  });

  it('keeps the newest run when an older one finishes last', async () => {
    const { deps, pending } = deferredDeps();
    const store = createAppStore(deps);
    const first = store.getState().loadScenario('cc-secret');
    await flush();
    const second = store.getState().loadScenario('obo-secret');
    await flush();
    expect(pending.map((p) => p.scenario.id)).toEqual(['cc-secret', 'obo-secret']);
    pending[1]?.resolve(obo);
    await second;
    pending[0]?.resolve(cc);
    await first;
    expect(store.getState().scenarioId).toBe('obo-secret');
    expect(store.getState().run).toBe(obo);
    expect(store.getState().status).toBe('ready');
  });

  it('does not let an older run land while a newer one is still running', async () => {
    const { deps, pending } = deferredDeps();
    const store = createAppStore(deps);
    const first = store.getState().loadScenario('cc-secret');
    await flush();
    void store.getState().loadScenario('obo-secret');
    await flush();
    pending[0]?.resolve(cc);
    await first;
    expect(store.getState().run).toBeNull();
    expect(store.getState().status).toBe('loading');
    expect(store.getState().scenarioId).toBe('obo-secret');
  });

  it('ignores a stale failure and shows a current one as a readable error', async () => {
    const { deps, pending } = deferredDeps();
    const store = createAppStore(deps);
    const first = store.getState().loadScenario('cc-secret');
    await flush();
    const second = store.getState().loadScenario('obo-secret');
    await flush();
    pending[0]?.reject(new Error('stale failure'));
    await first;
    expect(store.getState().status).toBe('loading');
    pending[1]?.reject(new Error('JWKS fetch failed'));
    await second;
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toBe('JWKS fetch failed');
    expect(store.getState().run).toBeNull();

    const retry = store.getState().rerun();
    await flush();
    pending[2]?.resolve(obo);
    await retry;
    expect(store.getState().status).toBe('ready');
    expect(store.getState().error).toBeNull();
    expect(store.getState().run).toBe(obo);
  });

  it('shows an error when the engine chunk cannot load', async () => {
    const store = createAppStore({
      loadCatalogue: () =>
        Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
      run: () => Promise.reject(new Error('not reached')),
    });
    await store.getState().loadScenario('obo-secret');
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toBe('Failed to fetch dynamically imported module');
  });

  it('does nothing on play or step while there is no run', () => {
    const { deps } = deferredDeps();
    const store = createAppStore(deps);
    store.getState().play();
    store.getState().stepForward();
    expect(store.getState().playing).toBe(false);
    expect(store.getState().cursor).toBe(-1);
  });
});
