// The workspace store: saved scenarios kept in IndexedDB (save as, rename, duplicate, delete with undo), loaded and checked at start-up.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WorkspaceReadResult } from './record';
import type { WorkspaceStorage } from './storage';
import { MAX_NAME_LENGTH, toWorkspaceRecord, uniqueName, type SavedScenario } from './types';

/** An action's answer: its value, or one sentence for the person saying why nothing changed. */
export type WorkspaceResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** `idle` before {@link WorkspaceState.load}; `unavailable` when the browser storage cannot be used. */
export type WorkspaceStatus = 'idle' | 'loading' | 'ready' | 'unavailable';

/** The workspace's state and actions. Every action resolves (never rejects). */
export interface WorkspaceState<W> {
  status: WorkspaceStatus;
  /** Why the workspace is unavailable (status `unavailable`), else null. */
  error: string | null;
  /** Saved scenarios in the order the person made them. */
  entries: SavedScenario<W>[];
  /** The last deleted entry and the index it had, until it is restored or another is deleted. */
  deleted: { entry: SavedScenario<W>; index: number } | null;
  /**
   * Reads the stored record (once; later calls return the first call's answer). A corrupted or
   * other-version store is read entry by entry: the readable ones are kept, the original is set
   * aside and the cleaned record written back. Resolves to the message for the person (what was
   * dropped, or why saving is unavailable), or null when everything was read.
   */
  load: () => Promise<string | null>;
  /**
   * Saves `world` under `name` (trimmed, 1 to 100 characters). A saved scenario of the same name is
   * replaced (same id and place); otherwise the new one goes last.
   */
  saveAs: (name: string, world: W) => Promise<WorkspaceResult<SavedScenario<W>>>;
  /** Renames a saved scenario; fails when another one already has that name. */
  rename: (id: string, name: string) => Promise<WorkspaceResult<SavedScenario<W>>>;
  /** Saves a copy named `<name> (copy)` (or `(copy) (2)`...) right after the original. */
  duplicate: (id: string) => Promise<WorkspaceResult<SavedScenario<W>>>;
  /** Deletes a saved scenario and remembers it for {@link WorkspaceState.undoRemove}. */
  remove: (id: string) => Promise<WorkspaceResult<SavedScenario<W>>>;
  /** Puts the last deleted scenario back where it was (renamed if its name was taken meanwhile). */
  undoRemove: () => Promise<WorkspaceResult<SavedScenario<W>>>;
  /** Reads the stored list again if another tab changed it (after the queued writes). */
  refresh: () => Promise<void>;
}

/** What {@link createWorkspaceStore} needs. */
export interface WorkspaceDeps<W> {
  storage: WorkspaceStorage;
  /**
   * Loads the record reader (zod and the world schema: loaded on demand, only when something was
   * stored), e.g. `raw => readWorkspaceRecord(raw, parseWorld)`.
   */
  loadReader: () => Promise<(raw: unknown) => WorkspaceReadResult<W>>;
  /** Wall-clock milliseconds since the epoch (for `savedAt`). */
  now: () => number;
  /** A new unique id. */
  newId: () => string;
  /** Called after each write this store made (e.g. to tell other tabs to refresh). */
  onWritten?: () => void;
}

/** Checks a name a person typed: trimmed, not empty, at most {@link MAX_NAME_LENGTH} characters. */
export function checkScenarioName(name: string): WorkspaceResult<string> {
  const trimmed = name.trim();
  if (trimmed === '') return { ok: false, message: 'Give the scenario a name.' };
  if (trimmed.length > MAX_NAME_LENGTH)
    return {
      ok: false,
      message: `The name is ${trimmed.length} characters long; ${MAX_NAME_LENGTH} at most.`,
    };
  return { ok: true, value: trimmed };
}

const describeFailure = (error: unknown): string =>
  error instanceof Error ? error.message || error.name : String(error);

/**
 * Creates a workspace store over `deps.storage`. Writes are queued one after another, and state
 * changes only once the browser storage has accepted the write, so the list on screen is what a
 * reload shows. Actions before {@link WorkspaceState.load} wait for it.
 */
export function createWorkspaceStore<W>(deps: WorkspaceDeps<W>): StoreApi<WorkspaceState<W>> {
  let loading: Promise<string | null> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  /** JSON of the stored value as this store last read or wrote it (to notice another tab's writes). */
  let synced: string | undefined;

  return createStore<WorkspaceState<W>>()((set, get) => {
    const unavailable = (reason: string): string => {
      const message = `Saved scenarios are not available in this browser (${reason}). The app works without them; Export scenario still saves a file.`;
      set({ status: 'unavailable', error: message });
      return message;
    };

    const doLoad = async (): Promise<string | null> => {
      set({ status: 'loading' });
      let raw: unknown;
      try {
        raw = await deps.storage.read();
      } catch (error) {
        return unavailable(`the storage could not be opened: ${describeFailure(error)}`);
      }
      synced = JSON.stringify(raw);
      if (raw === undefined) {
        set({ status: 'ready', entries: [] });
        return null;
      }
      let result: WorkspaceReadResult<W>;
      try {
        result = (await deps.loadReader())(raw);
      } catch (error) {
        return unavailable(`the code that reads them could not load: ${describeFailure(error)}`);
      }
      set({ status: 'ready', entries: result.entries });
      if (result.changed) {
        try {
          await deps.storage.setAside(raw);
          const record = toWorkspaceRecord(result.entries);
          await deps.storage.write(record);
          synced = JSON.stringify(record);
          deps.onWritten?.();
        } catch (error) {
          // The readable entries are on screen; the stored value stays as it was.
          return `${result.message ?? ''} (The cleaned list could not be written back: ${describeFailure(error)}.)`.trim();
        }
      }
      return result.message;
    };

    /**
     * Reads the stored list again when another tab has written it since this store last read or
     * wrote it, so a change here never overwrites what was saved there.
     */
    const catchUp = async (): Promise<void> => {
      try {
        const raw = await deps.storage.read();
        if (JSON.stringify(raw) === synced) return;
        const entries = raw === undefined ? [] : (await deps.loadReader())(raw).entries;
        synced = JSON.stringify(raw);
        set({ entries });
      } catch {
        // Unreadable now: the write below reports whether the storage works at all.
      }
    };

    /** Runs `change` after earlier writes, once loaded; it returns the new list and its answer. */
    const mutate = <T>(
      change: (
        entries: SavedScenario<W>[],
      ) => WorkspaceResult<{ entries: SavedScenario<W>[]; value: T }>,
      after?: (value: T) => Partial<WorkspaceState<W>>,
    ): Promise<WorkspaceResult<T>> => {
      const apply = async (): Promise<WorkspaceResult<T>> => {
        await get().load();
        const { status, error } = get();
        if (status !== 'ready')
          return { ok: false, message: error ?? 'Saved scenarios are not available.' };
        await catchUp();
        const changed = change(get().entries);
        if (!changed.ok) return changed;
        try {
          const record = toWorkspaceRecord(changed.value.entries);
          await deps.storage.write(record);
          synced = JSON.stringify(record);
          deps.onWritten?.();
        } catch (failure) {
          return {
            ok: false,
            message: `The browser did not store the change: ${describeFailure(failure)}.`,
          };
        }
        set({ entries: changed.value.entries, ...after?.(changed.value.value) });
        return { ok: true, value: changed.value.value };
      };
      const step = queue.then(async (): Promise<WorkspaceResult<T>> => {
        try {
          return await apply();
        } catch (failure) {
          return { ok: false, message: `Saved scenarios failed: ${describeFailure(failure)}.` };
        }
      });
      queue = step;
      return step;
    };

    /** The entry with `id` and its index, or null. */
    const locate = (
      entries: SavedScenario<W>[],
      id: string,
    ): { entry: SavedScenario<W>; index: number } | null => {
      const index = entries.findIndex((e) => e.id === id);
      const entry = entries[index];
      return entry ? { entry, index } : null;
    };
    const missing = { ok: false as const, message: 'That saved scenario no longer exists.' };

    return {
      status: 'idle',
      error: null,
      entries: [],
      deleted: null,
      load: () => (loading ??= doLoad()),
      refresh: () => {
        if (get().status !== 'ready') return Promise.resolve();
        const step = queue.then(catchUp);
        queue = step;
        return step;
      },
      saveAs: (name, world) =>
        mutate((entries) => {
          const checked = checkScenarioName(name);
          if (!checked.ok) return checked;
          const index = entries.findIndex((e) => e.name === checked.value);
          const entry: SavedScenario<W> = {
            id: entries[index]?.id ?? deps.newId(),
            name: checked.value,
            savedAt: deps.now(),
            world,
          };
          const next =
            index >= 0 ? entries.map((e, i) => (i === index ? entry : e)) : [...entries, entry];
          return { ok: true, value: { entries: next, value: entry } };
        }),
      rename: (id, name) =>
        mutate((entries) => {
          const found = locate(entries, id);
          if (!found) return missing;
          const { index } = found;
          const checked = checkScenarioName(name);
          if (!checked.ok) return checked;
          if (entries.some((e) => e.id !== id && e.name === checked.value))
            return {
              ok: false,
              message: `Another saved scenario is already named "${checked.value}".`,
            };
          const entry = { ...found.entry, name: checked.value };
          return {
            ok: true,
            value: { entries: entries.map((e, i) => (i === index ? entry : e)), value: entry },
          };
        }),
      duplicate: (id) =>
        mutate((entries) => {
          const found = locate(entries, id);
          if (!found) return missing;
          const { entry: original, index } = found;
          const taken = new Set(entries.map((e) => e.name));
          const copy: SavedScenario<W> = {
            id: deps.newId(),
            name: uniqueName(`${original.name.slice(0, MAX_NAME_LENGTH - 7)} (copy)`, taken),
            savedAt: deps.now(),
            world: structuredClone(original.world),
          };
          const next = [...entries.slice(0, index + 1), copy, ...entries.slice(index + 1)];
          return { ok: true, value: { entries: next, value: copy } };
        }),
      remove: (id) =>
        mutate(
          (entries) => {
            const found = locate(entries, id);
            if (!found) return missing;
            return {
              ok: true,
              value: { entries: entries.filter((e) => e.id !== id), value: found },
            };
          },
          (deleted) => ({ deleted }),
        ).then((r) => (r.ok ? { ok: true, value: r.value.entry } : r)),
      undoRemove: () =>
        mutate(
          (entries) => {
            const deleted = get().deleted;
            if (!deleted) return { ok: false, message: 'There is no deleted scenario to restore.' };
            const taken = new Set(entries.map((e) => e.name));
            const entry = {
              ...deleted.entry,
              id: entries.some((e) => e.id === deleted.entry.id) ? deps.newId() : deleted.entry.id,
              name: uniqueName(deleted.entry.name, taken),
            };
            const at = Math.min(deleted.index, entries.length);
            return {
              ok: true,
              value: {
                entries: [...entries.slice(0, at), entry, ...entries.slice(at)],
                value: entry,
              },
            };
          },
          () => ({ deleted: null }),
        ),
    };
  });
}
