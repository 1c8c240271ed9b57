// The workspace's shared types: a saved scenario, the injected world parser, and the record format's name.

/** The `format` field of the workspace record kept in IndexedDB. */
export const WORKSPACE_FORMAT = 'oauth-flow-simulator/workspace';

/** The version of the workspace record this code writes and reads natively. */
export const WORKSPACE_VERSION = 1;

/** Longest name a saved scenario may have, in characters. */
export const MAX_NAME_LENGTH = 100;

/** One problem a parser found: where (a dotted path or the path's keys) and what. */
export interface ParseIssue {
  path: string | readonly PropertyKey[];
  message: string;
}

/**
 * Validates an unknown value as a world (the scenario editor's `parseWorld`): never throws, gives
 * the world or the problems it found, each with its path.
 */
export type ParseWorld<W> = (
  input: unknown,
) => { ok: true; world: W } | { ok: false; issues: readonly ParseIssue[] };

/**
 * A saved scenario: `id` (stable, opaque), the person's `name` (1 to {@link MAX_NAME_LENGTH}
 * characters, unique in the workspace), `savedAt` (wall-clock milliseconds since the epoch) and
 * the world it keeps.
 */
export interface SavedScenario<W> {
  id: string;
  name: string;
  savedAt: number;
  world: W;
}

/**
 * The record kept under one key in IndexedDB, version 1:
 * `{ format: 'oauth-flow-simulator/workspace', version: 1, entries: SavedScenario[] }`.
 */
export interface WorkspaceRecord<W> {
  format: typeof WORKSPACE_FORMAT;
  version: typeof WORKSPACE_VERSION;
  entries: SavedScenario<W>[];
}

/** Builds the record to store for `entries` (in their order). */
export function toWorkspaceRecord<W>(entries: readonly SavedScenario<W>[]): WorkspaceRecord<W> {
  return { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, entries: [...entries] };
}

/**
 * Writes a parser issue's path the way people read it in a message: `world.apps[2].name`, with
 * `prefix` in front (e.g. `world`); an empty path is the prefix itself (or `(top level)`).
 */
export function formatIssuePath(path: ParseIssue['path'], prefix = ''): string {
  const keys: readonly PropertyKey[] =
    typeof path === 'string' ? (path === '' ? [] : path.split('.')) : path;
  let text = prefix;
  for (const key of keys) {
    if (typeof key === 'number' || (typeof key === 'string' && /^\d+$/.test(key)))
      text += `[${String(key)}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(top level)' : text;
}

/** One sentence per issue, `path: message`, at most `limit` of them and a count of the rest. */
export function describeIssues(issues: readonly ParseIssue[], prefix = '', limit = 3): string {
  const shown = issues
    .slice(0, limit)
    .map((i) => `${formatIssuePath(i.path, prefix)}: ${i.message}`);
  const more = issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}

/** `name`, or `name (2)`, `name (3)`... whichever is not in `taken` (cut to fit the length limit). */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Whether two JSON-like values are equal (objects compared key by key, in any key order). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) =>
    sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/**
 * The saved scenario on screen, if any: the one whose name the open world carries (names are
 * unique), else one whose world is the open world (a reload restores the world from the link).
 */
export function findOpenSaved<W>(
  entries: readonly SavedScenario<W>[],
  world: W | null,
  worldName: string | null,
): SavedScenario<W> | undefined {
  if (!world) return undefined;
  return (
    entries.find((e) => e.name === worldName && sameData(e.world, world)) ??
    entries.find((e) => e.name === worldName) ??
    entries.find((e) => sameData(e.world, world))
  );
}
