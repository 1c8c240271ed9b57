// The share-link codec: the state value <-> the URL fragment `#s1=<base64url(deflate-raw(JSON))>`.
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { fromUint8Array, isValid, toUint8Array } from 'js-base64';
import type { z } from 'zod';
import { DEFAULT_EMBED, DEFAULT_LINK_STATE } from './defaults';
import { decisionSchema, embedSchema, linkStateSchema, type LinkState } from './schema';

/** The fragment key of version 1 links: `#s1=...`. */
export const LINK_KEY = 's1';

/** Longest encoded value a link may carry (characters), before anything is decompressed. */
export const MAX_ENCODED_LENGTH = 200_000;

/** Largest JSON a link may inflate to (bytes): a guard against decompression bombs. */
export const MAX_JSON_BYTES = 1_000_000;

/** What {@link decodeLinkFragment} made of a fragment. */
export interface DecodedLink {
  /** The nearest valid state: every field the link got right, defaults for the rest. */
  state: LinkState;
  /** What could not be restored and why, one readable sentence each (empty when all was fine). */
  problems: string[];
}

/**
 * Encodes `state` as the fragment value `s1=...` (no leading `#`): the JSON, compressed with
 * raw DEFLATE (RFC 1951, fflate) and written in base64url without padding (RFC 4648 section 5,
 * js-base64). Deterministic for equal states.
 */
export function encodeLinkState(state: LinkState): string {
  const bytes = deflateSync(strToU8(JSON.stringify(state)), { level: 9 });
  return `${LINK_KEY}=${fromUint8Array(bytes, true)}`;
}

/** Inflates raw DEFLATE data, refusing output over {@link MAX_JSON_BYTES}. Throws on bad data. */
function inflateLimited(data: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) throw new Error('too large');
    chunks.push(chunk);
  });
  inflate.push(data, true);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? issue.message : 'not valid';
}

/** Keeps what can be kept of a value that failed the whole schema, field by field. */
function nearestValid(value: unknown, problems: string[]): LinkState {
  const state: LinkState = { ...DEFAULT_LINK_STATE };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push('The link does not hold a simulator state; the default scenario opened.');
    return state;
  }
  const input = value as Record<string, unknown>;
  if (input.v !== 1) {
    problems.push(
      typeof input.v === 'number' && input.v > 1
        ? `The link was made by a newer version of the simulator (format ${input.v}); what this version understands of it was restored.`
        : 'The link has no known format version; what could be read of it was restored.',
    );
  }
  const shape = linkStateSchema.shape;
  const take = <K extends keyof LinkState>(key: K, label: string): void => {
    if (!(key in input)) return;
    const parsed = shape[key].safeParse(input[key]);
    if (parsed.success) (state as Record<K, unknown>)[key] = parsed.data;
    else
      problems.push(
        `The link's ${label} could not be used (${describeIssue(parsed.error)}); the default was kept.`,
      );
  };
  take('scenario', 'scenario');
  take('seed', 'seed');
  take('step', 'step');
  take('tab', 'inspector tab');
  take('view', 'view');
  if ('world' in input) state.world = input.world;
  if (Array.isArray(input.variants)) {
    const kept = input.variants.filter(
      (v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 100,
    );
    state.variants = kept.slice(0, 50);
    if (kept.length !== input.variants.length)
      problems.push('Some what-if switches in the link were not readable and were left off.');
  } else if ('variants' in input) {
    problems.push("The link's what-if switches were not readable and were left off.");
  }
  if (Array.isArray(input.decisions)) {
    // Answers are consumed in order: keep the readable ones up to the first that is not.
    const kept: LinkState['decisions'] = [];
    for (const item of input.decisions.slice(0, 50)) {
      const parsed = decisionSchema.safeParse(item);
      if (!parsed.success) break;
      kept.push(parsed.data);
    }
    state.decisions = kept;
    if (kept.length !== input.decisions.length)
      problems.push(
        `Only the first ${kept.length} of the ${input.decisions.length} answers to prompts in the link were readable; the flow stops at the next prompt.`,
      );
  } else if ('decisions' in input) {
    problems.push(
      "The link's answers to prompts were not readable; the flow stops at the first prompt.",
    );
  }
  if ('embed' in input) {
    const parsed = embedSchema.safeParse(input.embed);
    if (parsed.success) state.embed = parsed.data;
    else {
      state.embed = { ...DEFAULT_EMBED };
      problems.push(
        `The link's embed options could not be used (${describeIssue(parsed.error)}); defaults were used.`,
      );
    }
  }
  return state;
}

/**
 * Decodes a URL fragment (with or without its `#`). Returns `null` when the fragment holds no
 * simulator state (empty, or an anchor of another kind); otherwise always a usable state, never
 * an exception: a truncated, corrupted, hand-edited or newer-version link gives the nearest valid
 * state and a sentence per thing it could not restore. Scenario and what-if ids are checked
 * against the catalogue later, by the store, which adds its own messages.
 */
export function decodeLinkFragment(fragment: string): DecodedLink | null {
  const raw = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const match = /^s(\d+)=(.*)$/s.exec(raw);
  if (!match) return null;
  const version = Number(match[1]);
  const encoded = match[2] ?? '';
  const fallback = (problem: string): DecodedLink => ({
    state: { ...DEFAULT_LINK_STATE },
    problems: [problem],
  });
  if (version !== 1) {
    return fallback(
      version > 1
        ? `This link was made by a newer version of the simulator (s${version}); the default scenario opened instead.`
        : `This link's format (s${version}) is not known; the default scenario opened instead.`,
    );
  }
  if (encoded.length === 0) return fallback('The link is empty; the default scenario opened.');
  if (encoded.length > MAX_ENCODED_LENGTH)
    return fallback('The link is too long to be a simulator link; the default scenario opened.');
  if (!/^[A-Za-z0-9_-]+$/.test(encoded))
    return fallback(
      'The link contains characters a simulator link never has (was it edited or cut?); the default scenario opened.',
    );
  let json: string;
  try {
    // A cut link can leave a length no base64url text has: that is damage too.
    if (!isValid(encoded)) throw new Error('not base64url');
    json = strFromU8(inflateLimited(toUint8Array(encoded)));
  } catch {
    return fallback(
      'The link is incomplete or damaged (it may have been cut when it was copied); the default scenario opened.',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fallback(
      'The link is damaged (its content is not readable); the default scenario opened.',
    );
  }
  const parsed = linkStateSchema.safeParse(value);
  if (parsed.success) return { state: parsed.data, problems: [] };
  const problems: string[] = [];
  const state = nearestValid(value, problems);
  if (problems.length === 0)
    problems.push('The link had settings this version does not know; they were ignored.');
  return { state, problems };
}
