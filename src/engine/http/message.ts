// HTTP messages as plain, serialisable values, plus the codecs the parties use to read and write them.

/** HTTP methods the simulated parties use. */
export type HttpMethod = 'GET' | 'POST';

/**
 * An HTTP request as a value. `url` is absolute (`https://host/path?query`); `headers` keep the
 * spelling they were sent with (look them up with {@link getHeader}); `body` keeps its wire form
 * (an `application/x-www-form-urlencoded` string or JSON text), so what the inspector shows is
 * exactly what travelled.
 */
export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** An HTTP response as a value; `body` is the wire text (JSON, HTML or empty). */
export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  302: 'Found',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

/** The standard reason phrase for a status code (RFC 9110 section 15), or `''` when unknown. */
export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? '';
}

/** Case-insensitive header lookup (RFC 9110 section 5.1); `undefined` when absent. */
export function getHeader(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/**
 * Encodes parameters as `application/x-www-form-urlencoded` (WHATWG URL standard, as RFC 6749
 * appendix B requires for token requests). Entries with an `undefined` value are left out.
 */
export function encodeForm(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.append(key, value);
  }
  return search.toString();
}

/**
 * Decodes an `application/x-www-form-urlencoded` body into ordered `[name, value]` pairs. Never
 * throws: malformed percent-escapes are decoded leniently, as browsers do.
 */
export function decodeForm(body: string | undefined): [string, string][] {
  return [...new URLSearchParams(body ?? '').entries()];
}

/**
 * A JSON response. By default it carries the no-store caching headers token responses need
 * (RFC 6749 section 5.1); pass `cacheControl` for cacheable documents (discovery, JWKS).
 */
export function jsonResponse(
  status: number,
  value: unknown,
  extraHeaders: Record<string, string> = {},
  cacheControl?: string,
): HttpResponse {
  const caching: Record<string, string> = cacheControl
    ? { 'Cache-Control': cacheControl }
    : { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' };
  return {
    status,
    statusText: statusText(status),
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...caching, ...extraHeaders },
    body: JSON.stringify(value),
  };
}

/** Parses a JSON response body; returns `undefined` for an empty or non-JSON body instead of throwing. */
export function parseJsonBody(response: HttpResponse): unknown {
  if (!response.body) return undefined;
  try {
    return JSON.parse(response.body) as unknown;
  } catch {
    return undefined;
  }
}

/** The request line as written on the wire, e.g. `POST /tenant/oauth2/v2.0/token HTTP/1.1`. */
export function requestLine(request: HttpRequest): string {
  const url = new URL(request.url);
  return `${request.method} ${url.pathname}${url.search} HTTP/1.1`;
}

/**
 * The raw request as text: request line, `Host`, the headers, a blank line and the body.
 * Used by the inspector and by golden traces.
 */
export function formatRawRequest(request: HttpRequest): string {
  const url = new URL(request.url);
  const lines = [requestLine(request), `Host: ${url.host}`];
  for (const [key, value] of Object.entries(request.headers)) lines.push(`${key}: ${value}`);
  return lines.join('\n') + '\n\n' + (request.body ?? '');
}

/** The raw response as text: status line, headers, a blank line and the body. */
export function formatRawResponse(response: HttpResponse): string {
  const lines = [`HTTP/1.1 ${response.status} ${response.statusText}`];
  for (const [key, value] of Object.entries(response.headers)) lines.push(`${key}: ${value}`);
  return lines.join('\n') + '\n\n' + response.body;
}

/** `decodeURIComponent` that returns its input unchanged instead of throwing on a malformed escape. */
export function safeDecodeURIComponent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Makes text safe inside a quoted HTTP header parameter (RFC 9110 section 5.6.4): characters
 * outside printable ASCII, quotes and backslashes become `?`.
 */
export function toHeaderSafeText(value: string): string {
  return value.replace(/[^\x20-\x7e]|["\\]/g, '?');
}
