// Reads a HAR file's text into HTTP message values, or says precisely why it cannot (never throws).
import { decode as decodeBase64, isValid as isBase64 } from 'js-base64';
import type { HttpRequest, HttpResponse } from '../../engine/index';
import { harSchema, type ParsedHar } from './schema';

/** The largest HAR text the importer reads, in characters (about 30 MB of ASCII). */
export const MAX_HAR_CHARACTERS = 30_000_000;

/** The most entries a HAR may hold (a long browsing session); beyond it the file is refused. */
export const MAX_HAR_ENTRIES = 20_000;

/** Longest body kept per message, in characters; the rest is cut with a note in the body. */
export const MAX_BODY_CHARACTERS = 200_000;

/** Why a file is not a HAR the replay can use. */
export type HarProblemKind =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'truncated'
  | 'not-har'
  | 'unsupported-version'
  | 'no-entries'
  | 'no-identity';

/** A refused file: the class of problem and one or two sentences for the person. */
export interface HarProblem {
  kind: HarProblemKind;
  message: string;
}

/**
 * One HAR entry as a request/response pair of the engine's message values. `started` and `ended`
 * are epoch milliseconds (`startedDateTime`, plus `time`); `entry` is its 0-based index in the log.
 */
export interface HarMessage {
  entry: number;
  started: number;
  ended: number;
  request: HttpRequest;
  response: HttpResponse;
}

/** A readable HAR: its messages (GET and POST), and what was left out and why. */
export interface HarLog {
  creator: string;
  messages: HarMessage[];
  /** Sentences about entries left out (CORS preflights, other methods, binary bodies). */
  notes: string[];
}

/** The result of {@link readHar}. */
export type HarReadResult = { ok: true; log: HarLog } | { ok: false; problem: HarProblem };

const fail = (kind: HarProblemKind, message: string): HarReadResult => ({
  ok: false,
  problem: { kind, message },
});

/** Whether a JSON.parse failure happened at the end of the text: a file cut short. */
function endsEarly(error: unknown, text: string): boolean {
  const message = error instanceof Error ? error.message : '';
  if (/end of (json )?(input|data)/i.test(message)) return true;
  const position = /position (\d+)/.exec(message);
  return position ? Number(position[1]) >= text.trimEnd().length - 1 : false;
}

/** The first few schema issues as "path: message" phrases. */
function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`));
      return `${path.join('').replace(/^\./, '') || '(the top level)'}: ${issue.message}`;
    })
    .join('; ');
}

/** Header list to a record; HTTP/2 pseudo-headers dropped, repeated names joined. */
function headerRecord(headers: readonly { name: string; value: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of headers) {
    if (name.startsWith(':')) continue;
    const existing = Object.keys(out).find((key) => key.toLowerCase() === name.toLowerCase());
    if (existing === undefined) out[name] = value;
    else out[existing] += name.toLowerCase() === 'set-cookie' ? `\n${value}` : `, ${value}`;
  }
  return out;
}

function capped(text: string): string {
  if (text.length <= MAX_BODY_CHARACTERS) return text;
  const more = text.length - MAX_BODY_CHARACTERS;
  return `${text.slice(0, MAX_BODY_CHARACTERS)}\n… (${more} more characters not shown)`;
}

const TEXTUAL =
  /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript|[\w.+-]*\+json))/i;

type Entry = ParsedHar['log']['entries'][number];

function requestBody(entry: Entry): string | undefined {
  const data = entry.request.postData;
  if (!data) return undefined;
  if ('text' in data) return capped(data.text);
  const form = new URLSearchParams();
  for (const param of data.params) form.append(param.name, param.value ?? '');
  return capped(form.toString());
}

function responseBody(entry: Entry): { body: string; binary: boolean } {
  const { text, encoding, mimeType } = entry.response.content;
  if (text === undefined) return { body: '', binary: false };
  if (encoding !== 'base64') return { body: capped(text), binary: false };
  if (!TEXTUAL.test(mimeType) || !isBase64(text)) return { body: '', binary: true };
  return { body: capped(decodeBase64(text)), binary: false };
}

/**
 * Reads the text of a HAR file (HAR 1.2, validated by {@link harSchema}) into the requests and
 * responses it recorded, oldest first. Never throws: an empty, oversized (over
 * {@link MAX_HAR_CHARACTERS} or {@link MAX_HAR_ENTRIES}), non-JSON, cut-short, schema-breaking,
 * wrong-version or empty log comes back as a {@link HarProblem}. CORS preflights (`OPTIONS`) and
 * methods other than GET and POST are left out with a note.
 * @see http://www.softwareishard.com/blog/har-12-spec/
 */
export function readHar(text: string): HarReadResult {
  if (text.trim() === '') return fail('empty', 'The file is empty.');
  if (text.length > MAX_HAR_CHARACTERS) {
    return fail(
      'too-large',
      `The file has ${(text.length / 1e6).toFixed(0)} million characters; the importer reads HAR files up to ${MAX_HAR_CHARACTERS / 1e6} million. Record only the sign-in (clear the Network panel first, or filter it to login.microsoftonline.com) and export again.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return endsEarly(error, text)
      ? fail(
          'truncated',
          'The file ends in the middle of its JSON: it was cut short (an interrupted download or copy). Export the HAR again.',
        )
      : fail(
          'not-json',
          `This is not a HAR file: a HAR is JSON, and this text is not (${error instanceof Error ? error.message : 'unreadable'}).`,
        );
  }
  const parsed = harSchema.safeParse(json);
  if (!parsed.success) {
    return fail(
      'not-har',
      `This JSON is not a HAR 1.2 file (${describeIssues(parsed.error.issues)}). In the browser's developer tools, use Network > "Export HAR".`,
    );
  }
  const { log } = parsed.data;
  if (log.version !== '1.2' && log.version !== '1.1') {
    return fail(
      'unsupported-version',
      `This HAR says version "${log.version}"; the importer reads HAR 1.2 (and 1.1).`,
    );
  }
  if (log.entries.length > MAX_HAR_ENTRIES) {
    return fail(
      'too-large',
      `The HAR has ${log.entries.length} requests; the importer reads up to ${MAX_HAR_ENTRIES}. Record only the sign-in and export again.`,
    );
  }
  if (log.entries.length === 0) return fail('no-entries', 'The HAR has no requests in it.');
  const messages: HarMessage[] = [];
  let preflights = 0;
  const otherMethods = new Set<string>();
  let binary = 0;
  let previous = 0;
  log.entries.forEach((entry, index) => {
    const method = entry.request.method.toUpperCase();
    if (method === 'OPTIONS') {
      preflights += 1;
      return;
    }
    if (method !== 'GET' && method !== 'POST') {
      otherMethods.add(method);
      return;
    }
    const parsedTime = Date.parse(entry.startedDateTime);
    const started = Number.isFinite(parsedTime) ? parsedTime : previous;
    previous = started;
    const body = requestBody(entry);
    const response = responseBody(entry);
    if (response.binary) binary += 1;
    messages.push({
      entry: index,
      started,
      ended: started + Math.max(0, Number.isFinite(entry.time) ? entry.time : 0),
      request: {
        method,
        url: entry.request.url,
        headers: headerRecord(entry.request.headers),
        ...(body === undefined ? {} : { body }),
      },
      response: {
        status: entry.response.status,
        statusText: entry.response.statusText,
        headers: headerRecord(entry.response.headers),
        body: response.body,
      },
    });
  });
  const notes: string[] = [];
  if (preflights > 0)
    notes.push(
      `${preflights} CORS preflight request${preflights === 1 ? '' : 's'} (OPTIONS) left out.`,
    );
  if (otherMethods.size > 0)
    notes.push(
      `Requests with the methods ${[...otherMethods].join(', ')} left out: the inspector shows GET and POST messages.`,
    );
  if (binary > 0)
    notes.push(`${binary} binary response bod${binary === 1 ? 'y' : 'ies'} not shown.`);
  return {
    ok: true,
    log: { creator: `${log.creator.name} ${log.creator.version}`.trim(), messages, notes },
  };
}
