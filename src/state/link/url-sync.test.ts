// The URL mirrors the store: restoring a link gives the same screen, history entries, bad links.
import { describe, expect, it, vi } from 'vitest';
import { runScenario } from '../../engine/index';
import { SCENARIOS } from '../../scenarios/index';
import { createAppStore } from '../store';
import type { StoreDeps } from '../types';
import { decodeLinkFragment, encodeLinkState } from './codec';
import { DEFAULT_LINK_STATE } from './defaults';
import { startUrlSync, type HistoryPort } from './url-sync';

const deps: StoreDeps = {
  loadCatalogue: () => Promise.resolve(SCENARIOS),
  run: (scenario, variants, seed, decisions) =>
    runScenario(scenario, { variants, seed, decisions }),
};

/** An in-memory history: entries of fragments, a cursor, and popstate listeners. */
function fakeHistory(initial = '') {
  const entries = [initial];
  let index = 0;
  const listeners = new Set<() => void>();
  const port: HistoryPort = {
    readHash: () => (entries[index] ? `#${entries[index]}` : ''),
    push: (fragment) => {
      entries.splice(index + 1, entries.length, fragment);
      index = entries.length - 1;
    },
    replace: (fragment) => {
      entries[index] = fragment;
    },
    onPop: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const go = (delta: number): void => {
    index += delta;
    for (const listener of listeners) listener();
  };
  return { port, entries, go, current: () => entries[index] ?? '' };
}

async function settled(store: ReturnType<typeof createAppStore>): Promise<void> {
  await vi.waitFor(() => expect(store.getState().status).toBe('ready'));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('URL sync', () => {
  it('opening a link restores the same run, step and tab, with byte-identical tokens', async () => {
    // Make a state by hand: the full chain with consent accepted, at step 12 on the Tokens tab.
    const a = createAppStore(deps);
    const historyA = fakeHistory();
    startUrlSync(a, historyA.port);
    await settled(a);
    await a.getState().loadScenario('full-chain');
    a.setState({ cursor: (a.getState().run?.steps.length ?? 0) - 1 });
    await a.getState().answerPrompt({ prompt: 'sign-in' });
    a.setState({ cursor: (a.getState().run?.steps.length ?? 0) - 1 });
    await a.getState().answerPrompt({ prompt: 'consent', accept: true });
    a.setState({ cursor: 12 });
    a.getState().selectTab('tokens');
    await settled(a);
    const link = historyA.current();
    expect(link).toMatch(/^s1=/);

    const b = createAppStore(deps);
    startUrlSync(b, fakeHistory(link).port);
    await settled(b);
    expect(b.getState().scenarioId).toBe('full-chain');
    expect(b.getState().cursor).toBe(12);
    expect(b.getState().tab).toBe('tokens');
    expect(b.getState().decisions).toEqual(a.getState().decisions);
    expect(Object.keys(b.getState().run?.tokens ?? {})).toEqual(
      Object.keys(a.getState().run?.tokens ?? {}),
    );
    expect(b.getState().notices).toEqual([]);
  });

  it('a scenario, switch or answer adds a history entry; steps replace it; back restores', async () => {
    const store = createAppStore(deps);
    const history = fakeHistory();
    startUrlSync(store, history.port);
    await settled(store);
    expect(history.entries).toHaveLength(1);
    store.getState().stepForward();
    store.getState().stepForward();
    await settled(store);
    expect(history.entries).toHaveLength(1);
    expect(decodeLinkFragment(history.current())?.state.step).toBe(1);
    await store.getState().toggleVariant('consent-missing');
    await settled(store);
    expect(history.entries).toHaveLength(2);
    expect(decodeLinkFragment(history.current())?.state.variants).toEqual(['consent-missing']);

    history.go(-1);
    await vi.waitFor(() => expect(store.getState().variants).toEqual([]));
    await settled(store);
    expect(store.getState().cursor).toBe(1);
    expect(history.entries).toHaveLength(2);
    history.go(1);
    await vi.waitFor(() => expect(store.getState().variants).toEqual(['consent-missing']));
  });

  it('a bad link opens the nearest valid state and says what it could not restore', async () => {
    const link = encodeLinkState({
      ...DEFAULT_LINK_STATE,
      scenario: 'obo-secret',
      variants: ['consent-missing', 'no-such-switch'],
      step: 400,
    });
    const store = createAppStore(deps);
    startUrlSync(store, fakeHistory(link).port);
    await settled(store);
    expect(store.getState().scenarioId).toBe('obo-secret');
    expect(store.getState().variants).toEqual(['consent-missing']);
    const notices = store.getState().notices.map((n) => n.text);
    expect(notices.join(' ')).toMatch(/"no-such-switch" does not exist/);

    const unknown = createAppStore(deps);
    startUrlSync(
      unknown,
      fakeHistory(encodeLinkState({ ...DEFAULT_LINK_STATE, scenario: 'saml-everything', step: 3 }))
        .port,
    );
    await settled(unknown);
    expect(unknown.getState().scenarioId).toBe('obo-secret');
    expect(unknown.getState().cursor).toBe(-1);
    expect(unknown.getState().notices[0]?.text).toMatch(/"saml-everything"/);

    const cut = createAppStore(deps);
    startUrlSync(cut, fakeHistory(link.slice(0, 20)).port);
    await settled(cut);
    expect(cut.getState().run).not.toBeNull();
    expect(cut.getState().notices[0]?.text).toMatch(/incomplete or damaged/);
    cut.getState().dismissNotice(cut.getState().notices[0]?.id ?? -1);
    expect(cut.getState().notices).toEqual([]);
  });

  it('a step past the end of the run is clamped, with a message', async () => {
    const store = createAppStore(deps);
    startUrlSync(store, fakeHistory(encodeLinkState({ ...DEFAULT_LINK_STATE, step: 400 })).port);
    await settled(store);
    expect(store.getState().cursor).toBe((store.getState().run?.steps.length ?? 0) - 1);
    expect(store.getState().notices[0]?.text).toMatch(/step 401/);
  });
});
