// The main view: setView, the remembered choice (read at start, a link wins) and storage failures.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runScenario } from '../engine/index';
import { SCENARIOS } from '../scenarios/index';
import { DEFAULT_EMBED, DEFAULT_LINK_STATE } from './link/defaults';
import { createAppStore } from './store';
import type { MainView, StoreDeps } from './types';
import { VIEW_STORAGE_KEY, localViewPreference } from './view-preference';

function deps(remembered: MainView | null, written: MainView[]): StoreDeps {
  return {
    loadCatalogue: () => Promise.resolve(SCENARIOS),
    run: (scenario, variants, seed, decisions) =>
      runScenario(scenario, { variants, seed, decisions }),
    viewPreference: { read: () => remembered, write: (view) => written.push(view) },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('view', () => {
  it('starts with the remembered view, canvas when none', () => {
    expect(createAppStore(deps('sequence', [])).getState().view).toBe('sequence');
    expect(createAppStore(deps(null, [])).getState().view).toBe('canvas');
  });

  it('setView shows and remembers the choice', () => {
    const written: MainView[] = [];
    const store = createAppStore(deps(null, written));
    store.getState().setView('sequence');
    expect(store.getState().view).toBe('sequence');
    store.getState().setView('canvas');
    expect(written).toEqual(['sequence', 'canvas']);
  });

  it('a link names the view over the remembered one; an embed does not change the choice', async () => {
    const written: MainView[] = [];
    const store = createAppStore(deps('sequence', written));
    await store.getState().restoreState({ ...DEFAULT_LINK_STATE, view: 'canvas' });
    expect(store.getState().view).toBe('canvas');
    await store.getState().restoreState({
      ...DEFAULT_LINK_STATE,
      view: 'canvas',
      embed: DEFAULT_EMBED,
    });
    store.getState().setView('sequence');
    expect(store.getState().view).toBe('sequence');
    expect(written).toEqual([]);
  });
});

describe('localViewPreference', () => {
  it('reads and writes localStorage under ofs.view, ignoring other values', () => {
    const data = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => data.get(key) ?? null,
      setItem: (key: string, value: string) => data.set(key, value),
    });
    const preference = localViewPreference();
    expect(preference.read()).toBeNull();
    preference.write('sequence');
    expect(data.get(VIEW_STORAGE_KEY)).toBe('sequence');
    expect(preference.read()).toBe('sequence');
    data.set(VIEW_STORAGE_KEY, 'timeline');
    expect(preference.read()).toBeNull();
  });

  it('never throws when storage is missing or refuses access', () => {
    vi.stubGlobal('localStorage', undefined);
    expect(localViewPreference().read()).toBeNull();
    expect(() => localViewPreference().write('canvas')).not.toThrow();
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    expect(localViewPreference().read()).toBeNull();
    expect(() => localViewPreference().write('sequence')).not.toThrow();
  });
});
