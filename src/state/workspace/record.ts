// Reads the workspace record from IndexedDB: versioned, validated entry by entry, so one bad entry never loses the others.
import { z } from 'zod';
import {
  describeIssues,
  MAX_NAME_LENGTH,
  WORKSPACE_FORMAT,
  WORKSPACE_VERSION,
  type ParseWorld,
  type SavedScenario,
  uniqueName,
} from './types';

// zod compiles parsers with `new Function` unless told not to; the Content-Security-Policy
// forbids eval, so the schemas run interpreted (as in state/link/schema.ts).
z.config({ jitless: true });

/** The envelope, read loosely: what is wrong with it is reported, not fatal. */
const envelopeSchema = z.object({
  format: z.unknown().optional(),
  version: z.unknown().optional(),
  entries: z.unknown().optional(),
});

/** One entry of version 1, its world still unchecked (the injected parser checks it). */
const entrySchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  // Milliseconds since the epoch, within what a Date can hold.
  savedAt: z.number().finite().min(0).max(8.64e15),
  world: z.unknown().optional(),
});

/** What {@link readWorkspaceRecord} found. */
export interface WorkspaceReadResult<W> {
  /** The readable saved scenarios, in stored order (names made unique, ids unique). */
  entries: SavedScenario<W>[];
  /** One phrase per thing left out, naming it (`"My chain": world.apps[0].id: expected string`). */
  dropped: string[];
  /**
   * True when the stored value is not exactly the record of `entries` (something was dropped or
   * repaired, or the version was another): the caller keeps the original aside and rewrites it.
   */
  changed: boolean;
  /** One message for the person when something was dropped or converted, else null. */
  message: string | null;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** A readable label for entry `index` (0-based) of the raw list. */
function labelOf(raw: unknown, index: number): string {
  const name = (raw as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() !== ''
    ? `"${name.trim().slice(0, MAX_NAME_LENGTH)}"`
    : `entry ${index + 1} (no readable name)`;
}

/**
 * Reads what IndexedDB holds under the workspace key. `undefined` (nothing saved yet) is an empty
 * workspace. A value that is not a version-1 record is detected: an older or newer `version`, a
 * wrong `format` or a missing `entries` list are reported, and every entry that still reads as a
 * version-1 entry with a valid world (checked by `parse`) is kept. Never throws.
 *
 * @returns the kept entries, a phrase per dropped thing, and one message for the person
 *   (e.g. `Saved scenarios: 1 of 3 could not be read and was dropped: "Old": world.apps: Required.`).
 */
export function readWorkspaceRecord<W>(raw: unknown, parse: ParseWorld<W>): WorkspaceReadResult<W> {
  if (raw === undefined) return { entries: [], dropped: [], changed: false, message: null };
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success)
    return {
      entries: [],
      dropped: ['the whole store (it is not a saved-scenarios record)'],
      changed: true,
      message:
        'Your saved scenarios could not be read: the browser storage holds something that is not a saved-scenarios record, so nothing in it could be kept. It is set aside in this browser and My scenarios starts empty.',
    };
  const { format, version, entries: rawEntries } = envelope.data;
  const notes: string[] = [];
  if (format !== WORKSPACE_FORMAT)
    notes.push(
      `the store is not marked as saved scenarios (format ${JSON.stringify(format) ?? 'missing'})`,
    );
  if (version !== WORKSPACE_VERSION)
    notes.push(
      typeof version === 'number' && version < WORKSPACE_VERSION
        ? `it was written in the older format version ${version} (this version reads ${WORKSPACE_VERSION})`
        : typeof version === 'number'
          ? `it was written by a newer version of the app (format version ${version}; this version reads ${WORKSPACE_VERSION})`
          : `its format version is ${JSON.stringify(version) ?? 'missing'} (this version reads ${WORKSPACE_VERSION})`,
    );
  if (!Array.isArray(rawEntries)) {
    return {
      entries: [],
      dropped: ['the whole store (no list of saved scenarios)'],
      changed: true,
      message: `Your saved scenarios could not be read: ${[...notes, 'it holds no list of saved scenarios'].join('; ')}. It is set aside in this browser and My scenarios starts empty.`,
    };
  }
  const entries: SavedScenario<W>[] = [];
  const dropped: string[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  let repaired = false;
  rawEntries.forEach((rawEntry, index) => {
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) {
      dropped.push(
        `${labelOf(rawEntry, index)}: ${describeIssues(
          entry.error.issues.map((i) => ({ path: i.path, message: i.message })),
        )}`,
      );
      return;
    }
    const world = parse(entry.data.world);
    if (!world.ok) {
      dropped.push(`${labelOf(rawEntry, index)}: ${describeIssues(world.issues, 'world')}`);
      return;
    }
    let { id, name } = entry.data;
    if (ids.has(id)) {
      id = `${id}-${index}`;
      repaired = true;
    }
    if (names.has(name)) {
      name = uniqueName(name, names);
      repaired = true;
    }
    ids.add(id);
    names.add(name);
    entries.push({ id, name, savedAt: entry.data.savedAt, world: world.world });
  });
  const changed = notes.length > 0 || dropped.length > 0 || repaired;
  const parts: string[] = [];
  if (notes.length > 0) parts.push(`Your saved scenarios: ${notes.join('; ')}.`);
  if (dropped.length > 0)
    parts.push(
      `${notes.length > 0 ? 'Of' : 'Saved scenarios:'} ${rawEntries.length === 1 ? 'the 1 saved scenario' : `${rawEntries.length} saved scenarios`}, ${plural(dropped.length, 'could not be read and was dropped', 'could not be read and were dropped')}: ${dropped.join('; ')}.`,
    );
  if (notes.length > 0 || dropped.length > 0)
    parts.push(
      `${plural(entries.length, 'saved scenario was', 'saved scenarios were')} kept${dropped.length > 0 ? '; the unreadable data is set aside in this browser' : ''}.`,
    );
  return { entries, dropped, changed, message: parts.length > 0 ? parts.join(' ') : null };
}
