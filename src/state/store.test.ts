// Store behaviour with the real engine: stepping, variants, playback timing, prompts, races and failures.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runScenario } from '../engine/index';
import type { ScenarioDefinition, SimulationRun } from '../engine/index';
import { SCENARIOS, getScenario } from '../scenarios/index';
import { selectPendingPrompt } from './selectors';
import { createAppStore, stepDurationMs } from './store';
import type { StoreDeps } from './types';

const realDeps: StoreDeps = {
  loadCatalogue: () => Promise.resolve(SCENARIOS),
  run: (scenario, variants, seed, decisions) =>
    runScenario(scenario, { variants, seed, decisions }),
};

/** Lets pending promise callbacks run. */
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function loadedStore(
  id: 'obo-secret' | 'cc-secret' | 'full-chain' | 'refresh-token' | 'auth-code-pkce' = 'obo-secret',
) {
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

describe('prompts', () => {
  type Store = Awaited<ReturnType<typeof loadedStore>>;
  const stepToEnd = (store: Store): void => {
    const last = (store.getState().run?.steps.length ?? 0) - 1;
    while (store.getState().cursor < last) store.getState().stepForward();
  };
  const fingerprint = (run: SimulationRun | null, count: number): string[] =>
    (run?.steps ?? [])
      .slice(0, count)
      .map((s) => `${s.from}>${s.to} ${s.label} ${s.request.url} ${s.response?.status ?? ''}`);

  it('stops at the sign-in prompt and shows it only once every step before it is revealed', async () => {
    const store = await loadedStore('full-chain');
    const run = store.getState().run;
    expect(run?.pendingPrompt).toMatchObject({
      prompt: 'sign-in',
      appName: 'Contoso Todo web app',
      userPrincipalName: 'ada@contoso.onmicrosoft.com',
    });
    expect(store.getState().decisions).toEqual([]);
    expect(selectPendingPrompt(store.getState())).toBeNull();
    store.getState().stepForward();
    expect(selectPendingPrompt(store.getState())).toBeNull();
    stepToEnd(store);
    expect(selectPendingPrompt(store.getState())?.prompt).toBe('sign-in');
  });

  it('an answer re-runs with the same prefix and reveals the next new step', async () => {
    const store = await loadedStore('full-chain');
    stepToEnd(store);
    const before = store.getState().run;
    const cursor = store.getState().cursor;
    await store.getState().answerPrompt({ prompt: 'sign-in' });
    const state = store.getState();
    expect(state.decisions).toEqual([{ prompt: 'sign-in' }]);
    expect(state.run).not.toBe(before);
    expect(fingerprint(state.run, cursor + 1)).toEqual(fingerprint(before, cursor + 1));
    expect(state.cursor).toBe(cursor + 1);
    expect(state.run?.steps[state.cursor]?.events).toContainEqual(
      expect.objectContaining({ type: 'user.decided', decision: { prompt: 'sign-in' } }),
    );
    expect(selectPendingPrompt(state)).toBeNull();
    stepToEnd(store);
    const consent = selectPendingPrompt(store.getState());
    expect(consent?.prompt).toBe('consent');
    if (consent?.prompt !== 'consent') throw new Error('no consent prompt');
    expect(consent.items.map((i) => i.resourceName)).toEqual([
      'Orders API',
      'Todo API',
      'Reports API',
    ]);

    await store.getState().answerPrompt({ prompt: 'consent', accept: true });
    stepToEnd(store);
    const done = store.getState();
    expect(done.run?.pendingPrompt).toBeUndefined();
    expect(done.run?.result.ok).toBe(true);
    expect(done.decisions).toHaveLength(2);
    expect(selectPendingPrompt(done)).toBeNull();
  });

  it('ignores an answer for another prompt, or when no prompt is showing', async () => {
    const store = await loadedStore('full-chain');
    const run = store.getState().run;
    await store.getState().answerPrompt({ prompt: 'sign-in' });
    expect(store.getState().run).toBe(run);
    stepToEnd(store);
    await store.getState().answerPrompt({ prompt: 'consent', accept: true });
    expect(store.getState().run).toBe(run);
    expect(store.getState().decisions).toEqual([]);
  });

  it('cancelling consent takes the error path (AADSTS65004)', async () => {
    const store = await loadedStore('full-chain');
    stepToEnd(store);
    await store.getState().answerPrompt({ prompt: 'sign-in' });
    stepToEnd(store);
    await store.getState().answerPrompt({ prompt: 'consent', accept: false });
    stepToEnd(store);
    const run = store.getState().run;
    expect(run?.pendingPrompt).toBeUndefined();
    expect(run?.result.ok).toBe(false);
    expect(run?.result.summary).toContain('AADSTS65004');
    expect(run?.steps.some((s) => s.error?.code === 65004)).toBe(true);
  });

  it('Reset forgets the answers and runs again up to the first prompt', async () => {
    const store = await loadedStore('full-chain');
    stepToEnd(store);
    await store.getState().answerPrompt({ prompt: 'sign-in' });
    expect(store.getState().decisions).toHaveLength(1);
    store.getState().reset();
    expect(store.getState().cursor).toBe(-1);
    expect(store.getState().decisions).toEqual([]);
    await vi.waitFor(() => expect(store.getState().status).toBe('ready'));
    expect(store.getState().run?.pendingPrompt?.prompt).toBe('sign-in');
    expect(store.getState().cursor).toBe(-1);
  });

  it('a what-if switch or another scenario forgets the answers', async () => {
    const store = await loadedStore('full-chain');
    stepToEnd(store);
    await store.getState().answerPrompt({ prompt: 'sign-in' });
    await store.getState().toggleVariant('user-cancels-consent');
    expect(store.getState().decisions).toEqual([]);
    expect(store.getState().run?.pendingPrompt?.prompt).toBe('sign-in');
    stepToEnd(store);
    await store.getState().answerPrompt({ prompt: 'sign-in' });
    await store.getState().loadScenario('refresh-token');
    expect(store.getState().decisions).toEqual([]);
  });

  it('the clock prompt moves simulated time: the API answers 401, the app refreshes, then 200', async () => {
    const store = await loadedStore('refresh-token');
    stepToEnd(store);
    await store.getState().answerPrompt({ prompt: 'sign-in' });
    stepToEnd(store);
    const clock = selectPendingPrompt(store.getState());
    if (clock?.prompt !== 'clock') throw new Error('no clock prompt');
    const expiry = clock.choices.find((c) => c.label.includes('expiry'));
    if (!expiry) throw new Error('no expiry choice');
    const cursor = store.getState().cursor;
    await store.getState().answerPrompt({ prompt: 'clock', seconds: expiry.seconds });
    const run = store.getState().run;
    const next = run?.steps[cursor + 1];
    expect(next?.time).toBeGreaterThanOrEqual(clock.now + expiry.seconds);
    const later = run?.steps.slice(cursor + 1) ?? [];
    const statuses = later.filter((s) => s.kind === 'response').map((s) => s.response?.status);
    expect(statuses).toContain(401);
    expect(later.some((s) => s.tag === 'refresh')).toBe(true);
    expect(statuses.at(-1)).toBe(200);
  });

  it('play waits at a prompt without a timer and goes on after the answer', async () => {
    const store = await loadedStore('full-chain');
    vi.useFakeTimers();
    const total = store.getState().run?.steps.length ?? 0;
    store.getState().play();
    vi.advanceTimersByTime(stepDurationMs(1) * (total + 5));
    expect(store.getState().cursor).toBe(total - 1);
    expect(store.getState().playing).toBe(true);
    expect(selectPendingPrompt(store.getState())?.prompt).toBe('sign-in');
    expect(vi.getTimerCount()).toBe(0);

    await store.getState().answerPrompt({ prompt: 'sign-in' });
    expect(store.getState().cursor).toBe(total);
    expect(store.getState().playing).toBe(true);
    vi.advanceTimersByTime(stepDurationMs(1));
    expect(store.getState().cursor).toBe(total + 1);
    vi.advanceTimersByTime(stepDurationMs(1) * 20);
    expect(selectPendingPrompt(store.getState())?.prompt).toBe('consent');
    expect(store.getState().playing).toBe(true);

    store.getState().pause();
    await store.getState().answerPrompt({ prompt: 'consent', accept: true });
    expect(store.getState().playing).toBe(false);
    const cursor = store.getState().cursor;
    vi.advanceTimersByTime(stepDurationMs(1) * 3);
    expect(store.getState().cursor).toBe(cursor);
  });

  it('a what-if that makes the answer wins over the one clicked, and Next gives it', async () => {
    const store = await loadedStore('auth-code-pkce');
    await store.getState().toggleVariant('user-cancels-consent');
    stepToEnd(store);
    await store.getState().answerPrompt({ prompt: 'sign-in' });
    stepToEnd(store);
    const prompt = selectPendingPrompt(store.getState());
    expect(prompt?.prompt).toBe('consent');
    expect(prompt?.preset?.whatIf).toBe('User cancels consent');
    await store.getState().answerPrompt({ prompt: 'consent', accept: true });
    expect(store.getState().decisions.at(-1)).toEqual({ prompt: 'consent', accept: false });
    expect(store.getState().run?.result.summary).toContain('AADSTS65004');

    // Stepping: Next at the preset prompt answers it.
    store.getState().reset();
    await vi.waitFor(() => expect(store.getState().decisions).toEqual([]));
    await vi.waitFor(() => expect(store.getState().status).toBe('ready'));
    stepToEnd(store);
    await store.getState().answerPrompt({ prompt: 'sign-in' });
    stepToEnd(store);
    expect(selectPendingPrompt(store.getState())?.preset).toBeDefined();
    const cursor = store.getState().cursor;
    store.getState().stepForward();
    await vi.waitFor(() => expect(store.getState().run?.pendingPrompt).toBeUndefined());
    expect(store.getState().cursor).toBe(cursor + 1);
    expect(store.getState().run?.result.summary).toContain('AADSTS65004');
  });

  it('play answers a prompt the what-if decides by itself, after one step', async () => {
    const store = await loadedStore('refresh-token');
    await store.getState().toggleVariant('refresh-token-expired');
    stepToEnd(store);
    await store.getState().answerPrompt({ prompt: 'sign-in' });
    vi.useFakeTimers();
    store.getState().play();
    const last = (store.getState().run?.steps.length ?? 0) - 1;
    while (store.getState().cursor < last) vi.advanceTimersByTime(stepDurationMs(1));
    expect(selectPendingPrompt(store.getState())?.prompt).toBe('clock');
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(stepDurationMs(1));
    vi.useRealTimers();
    await vi.waitFor(() => expect(store.getState().run?.pendingPrompt).toBeUndefined());
    expect(store.getState().decisions.at(-1)).toEqual({ prompt: 'clock', seconds: 91 * 86400 });
    expect(store.getState().playing).toBe(true);
    expect(store.getState().run?.result.summary).toContain('AADSTS700082');
  });

  it('Play at a prompt turns play mode on and waits for the answer', async () => {
    const store = await loadedStore('full-chain');
    stepToEnd(store);
    store.getState().play();
    expect(store.getState().playing).toBe(true);
    expect(store.getState().cursor).toBe((store.getState().run?.steps.length ?? 0) - 1);
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
  let chain: SimulationRun;
  let chainSignedIn: SimulationRun;
  beforeAll(async () => {
    cc = await runScenario(getScenario('cc-secret'), { variants: [], seed: 1 });
    obo = await runScenario(getScenario('obo-secret'), { variants: [], seed: 1 });
    chain = await runScenario(getScenario('full-chain'), { seed: 1 });
    chainSignedIn = await runScenario(getScenario('full-chain'), {
      seed: 1,
      decisions: [{ prompt: 'sign-in' }],
    });
  });

  it('takes one answer at a time and drops it when the scenario changed meanwhile', async () => {
    const { deps, pending } = deferredDeps();
    const store = createAppStore(deps);
    const load = store.getState().loadScenario('full-chain');
    await flush();
    pending[0]?.resolve(chain);
    await load;
    while (store.getState().cursor < chain.steps.length - 1) store.getState().stepForward();

    const answer = store.getState().answerPrompt({ prompt: 'sign-in' });
    await flush();
    expect(store.getState().status).toBe('loading');
    expect(store.getState().run).toBe(chain);
    expect(selectPendingPrompt(store.getState())).toBeNull();
    void store.getState().answerPrompt({ prompt: 'sign-in' });
    await flush();
    expect(pending).toHaveLength(2);

    const other = store.getState().loadScenario('cc-secret');
    await flush();
    pending[2]?.resolve(cc);
    await other;
    pending[1]?.resolve(chainSignedIn);
    await answer;
    expect(store.getState().run).toBe(cc);
    expect(store.getState().decisions).toEqual([]);
    expect(store.getState().cursor).toBe(-1);
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

  it('publishes the catalogue and yields to paint before the first run, so parties can be drawn', async () => {
    const seen: string[] = [];
    const store = createAppStore({
      loadCatalogue: () => Promise.resolve(SCENARIOS),
      run: (scenario) => {
        seen.push(`run ${scenario.id}`);
        return Promise.resolve(obo);
      },
      yieldToPaint: () => {
        const state = store.getState();
        seen.push(`paint catalogue=${state.catalogue?.length ?? 0} run=${String(state.run)}`);
        return Promise.resolve();
      },
    });
    await store.getState().loadScenario('obo-secret');
    expect(seen).toEqual([`paint catalogue=${SCENARIOS.length} run=null`, 'run obo-secret']);
    await store.getState().loadScenario('cc-secret');
    expect(seen.filter((s) => s.startsWith('paint'))).toHaveLength(1);
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
