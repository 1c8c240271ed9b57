// Redirects: 302 responses, reading them back, and response parameters added to a redirect URI.
import type { HttpResponse } from './message';
import { getHeader, statusText } from './message';

/**
 * A `302 Found` to `location` with an empty body; `headers` follow `Location` (e.g.
 * `Cache-Control`, `Set-Cookie`).
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.4.3
 */
export function redirectResponse(
  location: string,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    status: 302,
    statusText: statusText(302),
    headers: { Location: location, ...headers },
    body: '',
  };
}

/** Whether `response` is a redirection (3xx, RFC 9110 section 15.4). */
export function isRedirect(response: HttpResponse): boolean {
  return response.status >= 300 && response.status < 400;
}

/**
 * Where a redirect sends the user agent: its `Location` resolved against `base` (the URL that was
 * requested), or `undefined` when the header is missing. Throws `TypeError` when `Location` is
 * not a URL reference.
 */
export function redirectTarget(response: HttpResponse, base: URL): string | undefined {
  const location = getHeader(response.headers, 'Location');
  return location ? new URL(location, base).toString() : undefined;
}

/**
 * `redirectTo` with `params` form-encoded in its query (after `?`, or `&` when it has a query
 * already) or in its fragment (after `#`): how an authorization response travels back with
 * `response_mode=query` or `fragment`.
 * @see https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html#ResponseModes
 */
export function withResponseParams(
  redirectTo: string,
  params: Record<string, string>,
  mode: 'query' | 'fragment',
): string {
  const encoded = new URLSearchParams(params).toString();
  const separator = mode === 'fragment' ? '#' : redirectTo.includes('?') ? '&' : '?';
  return `${redirectTo}${separator}${encoded}`;
}
