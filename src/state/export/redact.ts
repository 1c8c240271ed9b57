// Redaction of credentials in a run's messages, for exports that leave the page (HAR).
import type { HttpRequest, HttpResponse, SimulationRun } from '../../engine/index';

/** What replaces a redacted value, in the encoding of the place it stood. */
export const REDACTION_MARKER = '[redacted by OAuth Flow Simulator]';

/**
 * Form and query parameters whose values are credentials or grants: client secrets and
 * assertions (RFC 6749 section 2.3.1, RFC 7523 section 2.2), the OBO `assertion`, codes and PKCE
 * verifiers (RFC 6749 section 4.1, RFC 7636), refresh, access and ID tokens, passwords, and
 * `session_state` (it names the sign-in session; the simulator uses the session cookie's value).
 */
export const SECRET_PARAMETERS: ReadonlySet<string> = new Set([
  'client_secret',
  'client_assertion',
  'assertion',
  'code',
  'code_verifier',
  'refresh_token',
  'access_token',
  'id_token',
  'password',
  'passwd',
  'session_state',
]);

/** JSON body members holding tokens (RFC 6749 section 5.1, OpenID Connect Core section 3.1.3.3). */
export const SECRET_JSON_MEMBERS: ReadonlySet<string> = new Set([
  'access_token',
  'id_token',
  'refresh_token',
]);

/** Values shorter than this are never treated as secrets: replacing them everywhere would maul the text. */
const MIN_SECRET_LENGTH = 4;

/** The parameters of a query (`?a=b`) or fragment (`#a=b`) of `url`; none when it is not a URL. */
function urlParameters(url: string): [string, string][] {
  try {
    const parsed = new URL(url);
    return [
      ...parsed.searchParams.entries(),
      ...new URLSearchParams(parsed.hash.slice(1)).entries(),
    ];
  } catch {
    return [];
  }
}

/** Cookie values of a `Cookie` header (`a=b; c=d`) or the one value of a `Set-Cookie` header. */
function cookieValues(header: string, isSetCookie: boolean): string[] {
  const pairs = isSetCookie ? header.split(';').slice(0, 1) : header.split(';');
  return pairs.map((pair) => pair.slice(pair.indexOf('=') + 1).trim());
}

/** JSON members named in {@link SECRET_JSON_MEMBERS}, at any depth, as strings. */
function jsonSecrets(body: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return [];
  }
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, member] of Object.entries(node)) {
        if (SECRET_JSON_MEMBERS.has(key) && typeof member === 'string') found.push(member);
        else visit(member);
      }
    }
  };
  visit(value);
  return found;
}

/** Secret values carried by the headers of one message (Authorization credentials, cookies). */
function headerSecrets(headers: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      const space = value.indexOf(' ');
      found.push(space < 0 ? value : value.slice(space + 1).trim());
    } else if (lower === 'cookie' || lower === 'set-cookie') {
      found.push(...cookieValues(value, lower === 'set-cookie'));
    } else if (lower === 'location') {
      found.push(...secretParameters(urlParameters(value)));
    }
  }
  return found;
}

function secretParameters(pairs: [string, string][]): string[] {
  return pairs.filter(([name]) => SECRET_PARAMETERS.has(name)).map(([, value]) => value);
}

/**
 * Every secret value in the messages of `run`: parameters named in {@link SECRET_PARAMETERS}
 * (query, fragment, form body, `Location`), `Authorization` credentials, cookie values, token
 * members of JSON bodies, and every JWT the run decoded. Values shorter than 4 characters are
 * left out.
 */
export function collectSecrets(run: SimulationRun): Set<string> {
  const secrets = new Set<string>(Object.keys(run.tokens));
  const add = (values: string[]): void => {
    for (const value of values) if (value.length >= MIN_SECRET_LENGTH) secrets.add(value);
  };
  for (const step of run.steps) {
    const { request, response } = step;
    add(secretParameters(urlParameters(request.url)));
    add(headerSecrets(request.headers));
    if (request.body) {
      add(secretParameters([...new URLSearchParams(request.body).entries()]));
      add(jsonSecrets(request.body));
    }
    if (response) {
      add(headerSecrets(response.headers));
      add(jsonSecrets(response.body));
      add(secretParameters([...new URLSearchParams(response.body).entries()]));
    }
  }
  return secrets;
}

/** `value` as it appears raw, percent-encoded, form-encoded and inside a JSON string. */
function encodings(value: string): ((text: string) => string)[] {
  const all: ((text: string) => string)[] = [
    (text) => text,
    (text) => encodeURIComponent(text),
    (text) => new URLSearchParams({ v: text }).toString().slice(2),
    (text) => JSON.stringify(text).slice(1, -1),
  ];
  // A lone surrogate cannot be percent-encoded (URIError): such a value only travels raw or in JSON.
  const usable = all.filter((encode) => {
    try {
      encode(value);
      return true;
    } catch {
      return false;
    }
  });
  return usable.filter(
    (encode, i) => usable.findIndex((other) => other(value) === encode(value)) === i,
  );
}

/** Where a scrubbed string stands, which decides how the marker is written. */
export type ScrubContext = 'text' | 'url' | 'form';

/** Replaces secrets in a string; see {@link createScrubber}. */
export type Scrubber = (text: string, context?: ScrubContext) => string;

/**
 * A function that replaces every occurrence of a secret in a string, in each of its encodings
 * (raw, percent-encoded, form-encoded, JSON-escaped), with {@link REDACTION_MARKER}: in a `url` it
 * is percent-encoded and in a `form` body form-encoded, so both stay parseable; in `text` (JSON,
 * HTML, header values) it takes the encoding of what it replaces. Longer secrets go first.
 */
export function createScrubber(secrets: Iterable<string>): Scrubber {
  const replacements: [string, string][] = [];
  for (const secret of secrets) {
    for (const encode of encodings(secret)) {
      replacements.push([encode(secret), encode(REDACTION_MARKER)]);
    }
  }
  replacements.sort(([a], [b]) => b.length - a.length);
  const inUrl = encodeURIComponent(REDACTION_MARKER);
  const inForm = new URLSearchParams({ v: REDACTION_MARKER }).toString().slice(2);
  return (text, context = 'text') => {
    let out = text;
    for (const [from, to] of replacements) {
      if (!out.includes(from)) continue;
      out = out.split(from).join(context === 'url' ? inUrl : context === 'form' ? inForm : to);
    }
    return out;
  };
}

/** `headers` with every value scrubbed. */
function scrubHeaders(headers: Record<string, string>, scrub: Scrubber): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      scrub(value, name.toLowerCase() === 'location' ? 'url' : 'text'),
    ]),
  );
}

/** The context of a body: `form` for `application/x-www-form-urlencoded`, else `text`. */
function bodyContext(headers: Record<string, string>): ScrubContext {
  const type = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type');
  return type && /^application\/x-www-form-urlencoded\b/i.test(type[1]) ? 'form' : 'text';
}

/** A copy of `request` with secrets scrubbed from its URL, header values and body (in their contexts). */
export function redactRequest(request: HttpRequest, scrub: Scrubber): HttpRequest {
  return {
    ...request,
    url: scrub(request.url, 'url'),
    headers: scrubHeaders(request.headers, scrub),
    ...(request.body === undefined
      ? {}
      : { body: scrub(request.body, bodyContext(request.headers)) }),
  };
}

/** A copy of `response` with secrets scrubbed from its header values and body. */
export function redactResponse(response: HttpResponse, scrub: Scrubber): HttpResponse {
  return {
    ...response,
    headers: scrubHeaders(response.headers, scrub),
    body: scrub(response.body, bodyContext(response.headers)),
  };
}
