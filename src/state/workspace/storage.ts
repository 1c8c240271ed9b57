// Where the workspace lives: one IndexedDB object store through idb-keyval, behind a small port tests can replace.
import { createStore, get, set, type UseStore } from 'idb-keyval';

/** IndexedDB database and object store names of the workspace. */
export const WORKSPACE_DB = 'oauth-flow-simulator';
export const WORKSPACE_OBJECT_STORE = 'workspace';
/** Key of the workspace record (see `WorkspaceRecord`). */
export const WORKSPACE_KEY = 'workspace';
/** Key under which a value that could not be fully read is kept aside (the last one only). */
export const WORKSPACE_ASIDE_KEY = 'workspace-unreadable';

/** Reads and writes the workspace record; every method may reject (storage off, quota, blocked). */
export interface WorkspaceStorage {
  /** The stored value under the workspace key, `undefined` when nothing was saved yet. */
  read: () => Promise<unknown>;
  /** Replaces the stored value. */
  write: (value: unknown) => Promise<void>;
  /** Keeps a value that could not be fully read under a key of its own, for recovery by hand. */
  setAside: (value: unknown) => Promise<void>;
}

/**
 * The browser's workspace storage: database `oauth-flow-simulator`, object store `workspace`,
 * key `workspace` (and `workspace-unreadable` for what was set aside), through idb-keyval.
 * The database is opened on first use, so creating this costs nothing.
 */
export function idbWorkspaceStorage(): WorkspaceStorage {
  let store: UseStore | null = null;
  const db = (): UseStore => (store ??= createStore(WORKSPACE_DB, WORKSPACE_OBJECT_STORE));
  return {
    read: () => get(WORKSPACE_KEY, db()),
    write: (value) => set(WORKSPACE_KEY, value, db()),
    setAside: (value) => set(WORKSPACE_ASIDE_KEY, value, db()),
  };
}
