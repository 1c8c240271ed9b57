// The HAR replay's lazily loaded entry: read, recognise and decode a HAR file into a replay input.
import type { ReplayInput } from './har-slice';
import { prepareReplay, renderReplay, type ReplayEngine } from './build';
import { readHar, type HarProblem } from './read';

export { readHar, MAX_HAR_CHARACTERS, MAX_HAR_ENTRIES } from './read';
export type { HarProblem, HarProblemKind, HarLog, HarMessage, HarReadResult } from './read';
export { prepareReplay, renderReplay, MAX_REPLAY_EXCHANGES } from './build';
export type { ReplayEngine, ReplaySource, ReplayView } from './build';

/** The result of {@link importHar}: a replay to start, or the reason the file cannot be one. */
export type HarImport = { ok: true; input: ReplayInput } | { ok: false; problem: HarProblem };

/**
 * Reads a HAR file's text and prepares it for replay with the engine's token decoder and AADSTS
 * catalogue: {@link readHar}, then {@link prepareReplay}. Everything happens in the page; nothing
 * is sent anywhere. Never rejects: every failure, expected or not, is a {@link HarProblem}.
 */
export async function importHar(
  text: string,
  fileName: string,
  engine: ReplayEngine,
): Promise<HarImport> {
  try {
    const read = readHar(text);
    if (!read.ok) return read;
    const prepared = await prepareReplay(read.log, fileName, engine);
    if (!prepared.ok) return prepared;
    const { source } = prepared;
    return {
      ok: true,
      input: {
        fileName,
        notes: source.notes,
        parties: source.parties.map(({ id, label }) => ({ id, label })),
        render: (view) => renderReplay(source, view),
      },
    };
  } catch (error) {
    return {
      ok: false,
      problem: {
        kind: 'not-har',
        message: `The file could not be read as a HAR (${error instanceof Error ? error.message : 'unknown error'}).`,
      },
    };
  }
}
