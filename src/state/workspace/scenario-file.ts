// The scenario file: a saved world as JSON for export and import, versioned and checked with precise messages.
import { z } from 'zod';
import { describeIssues, MAX_NAME_LENGTH, type ParseWorld } from './types';

// Interpreted parsers only: the Content-Security-Policy forbids eval (see state/link/schema.ts).
z.config({ jitless: true });

/** The `format` field of a scenario file. */
export const SCENARIO_FILE_FORMAT = 'oauth-flow-simulator/scenario';
/** The version of the scenario file this code writes and reads. */
export const SCENARIO_FILE_VERSION = 1;
/** Largest scenario file read, in bytes (2 MiB; a 40-party world is far smaller). */
export const MAX_SCENARIO_FILE_BYTES = 2 * 1024 * 1024;
/** File name extension of exported scenarios. */
export const SCENARIO_FILE_EXTENSION = '.scenario.json';

/**
 * A scenario file, version 1:
 * `{ "format": "oauth-flow-simulator/scenario", "version": 1, "name": "...", "world": { ... } }`.
 */
export interface ScenarioFile<W> {
  format: typeof SCENARIO_FILE_FORMAT;
  version: typeof SCENARIO_FILE_VERSION;
  name: string;
  world: W;
}

/** What reading a file gave: its name and world, or the problems, each a sentence for the person. */
export type ScenarioFileResult<W> =
  { ok: true; name: string; world: W } | { ok: false; problems: string[] };

const headerSchema = z.object({
  format: z.unknown().optional(),
  version: z.unknown().optional(),
  name: z.unknown().optional(),
  world: z.unknown().optional(),
});

const nameSchema = z.string().trim().min(1).max(MAX_NAME_LENGTH);

/** The text of a scenario file for `world` named `name` (pretty-printed JSON, two-space indent). */
export function encodeScenarioFile<W>(name: string, world: W): string {
  const file: ScenarioFile<W> = {
    format: SCENARIO_FILE_FORMAT,
    version: SCENARIO_FILE_VERSION,
    name,
    world,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file name for a scenario named `name`: `my-chain.scenario.json` (`scenario` when nothing is left). */
export function scenarioFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'scenario'}${SCENARIO_FILE_EXTENSION}`;
}

const fail = <W>(...problems: string[]): ScenarioFileResult<W> => ({ ok: false, problems });

/** Line and column of character `offset` in `text` (both 1-based). */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** Where JSON.parse stopped, when its message says so (V8: "at position 12", SpiderMonkey: "line 1 column 3"). */
function whereJsonFailed(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message);
  if (position) return ` (at ${lineAndColumn(text, Number(position[1]))})`;
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return ` (at line ${lineCol[1]}, column ${lineCol[2]})`;
  const start = text.trimStart().slice(0, 24);
  return ` (it starts with ${JSON.stringify(start)}${text.trimStart().length > 24 ? '…' : ''})`;
}

/**
 * Reads a scenario file's text (`byteLength` is the file's size, checked before anything else).
 * Each kind of bad file gets its own message: empty, over {@link MAX_SCENARIO_FILE_BYTES}, not
 * JSON (with line and column), not an object, another format (a HAR file is named as one), another
 * version (older or newer), a missing or bad name, and the world's schema errors with their paths
 * (`world.apps[2].redirectUris[0]: ...`), checked by `parse`. Never throws.
 */
export function decodeScenarioFile<W>(
  text: string,
  parse: ParseWorld<W>,
  byteLength = new TextEncoder().encode(text).length,
): ScenarioFileResult<W> {
  if (byteLength > MAX_SCENARIO_FILE_BYTES)
    return fail(
      `The file is too large (${(byteLength / 1024 / 1024).toFixed(1)} MB); a scenario file is at most ${MAX_SCENARIO_FILE_BYTES / 1024 / 1024} MB.`,
    );
  if (text.trim() === '') return fail('The file is empty.');
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(
      `The file is not JSON${whereJsonFailed(text, error)}; a scenario file is the JSON that Export scenario saves.`,
    );
  }
  const header = headerSchema.safeParse(json);
  if (!header.success || Array.isArray(json))
    return fail(
      `The file holds ${Array.isArray(json) ? 'a JSON array' : `a JSON ${json === null ? 'null' : typeof json}`}, not a scenario file (an object with "format": "${SCENARIO_FILE_FORMAT}").`,
    );
  const { format, version, name, world } = header.data;
  if (format !== SCENARIO_FILE_FORMAT) {
    if (format === undefined && typeof (json as { log?: unknown }).log === 'object')
      return fail(
        'This is a HAR file, not a scenario file: use Import HAR file for recorded traffic.',
      );
    return fail(
      format === undefined
        ? `The file is not a scenario file: it has no "format" field (expected "${SCENARIO_FILE_FORMAT}").`
        : `The file is not a scenario file: its "format" is ${JSON.stringify(format)} (expected "${SCENARIO_FILE_FORMAT}").`,
    );
  }
  if (version !== SCENARIO_FILE_VERSION)
    return fail(
      typeof version === 'number' && Number.isInteger(version) && version > SCENARIO_FILE_VERSION
        ? `The file was written by a newer version of the app (scenario file version ${version}); this version reads version ${SCENARIO_FILE_VERSION}.`
        : typeof version === 'number' && Number.isInteger(version) && version >= 0
          ? `The file is in the older scenario file version ${version}, which this version cannot read (it reads version ${SCENARIO_FILE_VERSION}).`
          : `The file's "version" is ${JSON.stringify(version) ?? 'missing'}; expected ${SCENARIO_FILE_VERSION}.`,
    );
  const problems: string[] = [];
  const checkedName = nameSchema.safeParse(name);
  if (!checkedName.success)
    problems.push(
      typeof name === 'string'
        ? `name: must be 1 to ${MAX_NAME_LENGTH} characters (it has ${name.trim().length}).`
        : `name: expected a string, got ${name === undefined ? 'nothing' : JSON.stringify(name)}.`,
    );
  const parsed = parse(world);
  if (!parsed.ok)
    problems.push(
      world === undefined
        ? 'world: missing; the file has no scenario in it.'
        : `The scenario in the file is not valid: ${describeIssues(parsed.issues, 'world', 5)}.`,
    );
  if (problems.length > 0 || !checkedName.success || !parsed.ok) return { ok: false, problems };
  return { ok: true, name: checkedName.data, world: parsed.world };
}
