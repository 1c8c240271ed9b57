import { IDBFactory } from 'fake-indexeddb';
import { createStore as createIdbStore, get as idbGet, set as idbSet } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readWorkspaceRecord } from './record';
import {
  idbWorkspaceStorage,
  WORKSPACE_ASIDE_KEY,
  WORKSPACE_DB,
  WORKSPACE_KEY,
  WORKSPACE_OBJECT_STORE,
  type WorkspaceStorage,
} from './storage';
import { toWorkspaceRecord, WORKSPACE_FORMAT } from './types';
import { createWorkspaceStore } from './workspace-store';
import { parseToyWorld, toyWorld, type ToyWorld } from './workspace.test-helpers';

let ids = 0;
const make = (storage: WorkspaceStorage = idbWorkspaceStorage()) => {
  const loadReader = vi.fn(() =>
    Promise.resolve((raw: unknown) => readWorkspaceRecord(raw, parseToyWorld)),
  );
  const store = createWorkspaceStore<ToyWorld>({
    storage,
    loadReader,
    now: () => 1_700_000_000_000,
    newId: () => `id-${(ids += 1)}`,
  });
  return { store, state: () => store.getState(), loadReader };
};

/** The raw idb-keyval store the app uses, for reading and writing it behind the app's back. */
const raw = () => createIdbStore(WORKSPACE_DB, WORKSPACE_OBJECT_STORE);
const names = (s: { getState: () => { entries: { name: string }[] } }) =>
  s.getState().entries.map((e) => e.name);

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});

describe('workspace store over IndexedDB (fake-indexeddb)', () => {
  it('starts empty without loading the reader when nothing was saved', async () => {
    const { state, loadReader } = make();
    expect(await state().load()).toBeNull();
    expect(state().status).toBe('ready');
    expect(state().entries).toEqual([]);
    expect(loadReader).not.toHaveBeenCalled();
  });

  it('keeps saved scenarios across a reload (a new store over the same database)', async () => {
    const first = make();
    const saved = await first.state().saveAs('  My chain  ', toyWorld(3));
    expect(saved).toMatchObject({ ok: true, value: { name: 'My chain' } });
    const stored: unknown = await idbGet(WORKSPACE_KEY, raw());
    expect(stored).toMatchObject({ format: WORKSPACE_FORMAT, version: 1 });
    const second = make();
    expect(await second.state().load()).toBeNull();
    if (!saved.ok) throw new Error('save failed');
    expect(second.state().entries).toEqual([
      { id: saved.value.id, name: 'My chain', savedAt: 1_700_000_000_000, world: toyWorld(3) },
    ]);
  });

  it('replaces a saved scenario of the same name in place; rejects empty and long names', async () => {
    const { state, store } = make();
    await state().saveAs('A', toyWorld(1));
    await state().saveAs('B', toyWorld(1));
    const again = await state().saveAs('A', toyWorld(4));
    expect(names(store)).toEqual(['A', 'B']);
    expect(state().entries[0]?.world.parties).toHaveLength(4);
    expect(again.ok && again.value.id).toBe(state().entries[0]?.id);
    expect(await state().saveAs('   ', toyWorld())).toEqual({
      ok: false,
      message: 'Give the scenario a name.',
    });
    const long = await state().saveAs('x'.repeat(101), toyWorld());
    expect(long.ok).toBe(false);
    expect(names(store)).toEqual(['A', 'B']);
  });

  it('renames, refusing a name another saved scenario has', async () => {
    const { state, store } = make();
    const a = await state().saveAs('A', toyWorld());
    await state().saveAs('B', toyWorld());
    if (!a.ok) throw new Error('save failed');
    expect(await state().rename(a.value.id, 'B')).toEqual({
      ok: false,
      message: 'Another saved scenario is already named "B".',
    });
    expect((await state().rename(a.value.id, 'Renamed')).ok).toBe(true);
    expect(names(store)).toEqual(['Renamed', 'B']);
    expect((await state().rename('nope', 'X')).ok).toBe(false);
    const reloaded = make();
    await reloaded.state().load();
    expect(names(reloaded.store)).toEqual(['Renamed', 'B']);
  });

  it('duplicates right after the original with a free "(copy)" name and its own world', async () => {
    const { state, store } = make();
    const a = await state().saveAs('A', toyWorld());
    await state().saveAs('B', toyWorld());
    if (!a.ok) throw new Error('save failed');
    await state().duplicate(a.value.id);
    await state().duplicate(a.value.id);
    expect(names(store)).toEqual(['A', 'A (copy) (2)', 'A (copy)', 'B']);
    expect(state().entries[1]?.world).not.toBe(state().entries[0]?.world);
    expect(state().entries[1]?.world).toEqual(state().entries[0]?.world);
  });

  it('deletes with undo: back in its place, under a free name if its own was taken', async () => {
    const { state, store } = make();
    await state().saveAs('A', toyWorld());
    const b = await state().saveAs('B', toyWorld());
    await state().saveAs('C', toyWorld());
    if (!b.ok) throw new Error('save failed');
    expect(await state().remove(b.value.id)).toMatchObject({ ok: true, value: { name: 'B' } });
    expect(names(store)).toEqual(['A', 'C']);
    expect(state().deleted?.index).toBe(1);
    await state().saveAs('B', toyWorld(1));
    expect((await state().undoRemove()).ok).toBe(true);
    expect(names(store)).toEqual(['A', 'B (2)', 'C', 'B']);
    expect(state().deleted).toBeNull();
    expect(await state().undoRemove()).toEqual({
      ok: false,
      message: 'There is no deleted scenario to restore.',
    });
    const reloaded = make();
    await reloaded.state().load();
    expect(names(reloaded.store)).toEqual(['A', 'B (2)', 'C', 'B']);
  });

  it('detects a corrupted store at load: keeps what reads, sets the original aside, rewrites it', async () => {
    const junk = {
      ...toWorkspaceRecord([]),
      entries: [
        { id: 'g', name: 'Good', savedAt: 1, world: toyWorld() },
        { id: 'b', name: 'Bad', savedAt: 1, world: { tenant: 7 } },
      ],
    };
    await idbSet(WORKSPACE_KEY, junk, raw());
    const { state, store } = make();
    const message = await state().load();
    expect(message).toContain('"Bad": world.tenant:');
    expect(names(store)).toEqual(['Good']);
    expect(await idbGet(WORKSPACE_ASIDE_KEY, raw())).toEqual(junk);
    expect(await idbGet(WORKSPACE_KEY, raw())).toEqual(toWorkspaceRecord(state().entries));
    // Read once more: the store is clean now.
    expect(await make().state().load()).toBeNull();
  });

  it('detects a store that is nothing like a record and starts empty', async () => {
    await idbSet(WORKSPACE_KEY, 'junk written by something else', raw());
    const { state } = make();
    expect(await state().load()).toMatch(/could not be read/);
    expect(state().entries).toEqual([]);
    expect(await idbGet(WORKSPACE_ASIDE_KEY, raw())).toBe('junk written by something else');
  });

  it('says so when the browser storage cannot be opened, and every action answers', async () => {
    const broken: WorkspaceStorage = {
      read: () => Promise.reject(new Error('The user denied permission')),
      write: () => Promise.reject(new Error('unreachable')),
      setAside: () => Promise.reject(new Error('unreachable')),
    };
    const { state } = make(broken);
    expect(await state().load()).toContain('Saved scenarios are not available in this browser');
    expect(state().status).toBe('unavailable');
    const saved = await state().saveAs('A', toyWorld());
    expect(saved).toMatchObject({ ok: false });
    expect(saved.ok ? '' : saved.message).toContain('The user denied permission');
  });

  it('changes nothing on screen when a write is refused (quota)', async () => {
    let refuse = false;
    const base = idbWorkspaceStorage();
    const flaky: WorkspaceStorage = {
      ...base,
      write: (value) =>
        refuse
          ? Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError'))
          : base.write(value),
    };
    const { state, store } = make(flaky);
    await state().saveAs('A', toyWorld());
    refuse = true;
    const result = await state().saveAs('B', toyWorld());
    expect(result).toEqual({
      ok: false,
      message: 'The browser did not store the change: Quota exceeded.',
    });
    expect(names(store)).toEqual(['A']);
  });

  it('runs actions one after another in the order they were asked', async () => {
    const { state, store } = make();
    await Promise.all([
      state().saveAs('One', toyWorld()),
      state().saveAs('Two', toyWorld()),
      state().saveAs('Three', toyWorld()),
    ]);
    expect(names(store)).toEqual(['One', 'Two', 'Three']);
  });

  it('never overwrites what another tab saved meanwhile', async () => {
    const tabA = make();
    const tabB = make();
    await tabA.state().load();
    await tabB.state().load();
    await tabB.state().saveAs('From B', toyWorld());
    await tabA.state().saveAs('From A', toyWorld());
    expect(names(tabA.store)).toEqual(['From B', 'From A']);
    const reloaded = make();
    await reloaded.state().load();
    expect(names(reloaded.store)).toEqual(['From B', 'From A']);
  });

  it('answers (never rejects) when an action itself fails', async () => {
    const store = createWorkspaceStore<ToyWorld>({
      storage: idbWorkspaceStorage(),
      loadReader: () => Promise.resolve((raw: unknown) => readWorkspaceRecord(raw, parseToyWorld)),
      now: () => 1,
      newId: () => {
        throw new Error('no random source');
      },
    });
    expect(await store.getState().saveAs('A', toyWorld())).toEqual({
      ok: false,
      message: 'Saved scenarios failed: no random source.',
    });
    expect(store.getState().entries).toEqual([]);
  });

  it('refreshes its list when told another tab wrote (as the app does over BroadcastChannel)', async () => {
    const tabA = make();
    const tabB = make();
    await tabA.state().load();
    await tabB.state().load();
    await tabB.state().saveAs('From B', toyWorld());
    expect(names(tabA.store)).toEqual([]);
    await tabA.state().refresh();
    expect(names(tabA.store)).toEqual(['From B']);
  });
});
