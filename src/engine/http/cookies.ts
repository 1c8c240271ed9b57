// Cookies: the session cookie a party sets, reading a request's cookies, and the browser's jar.
import type { HttpRequest, HttpResponse } from './message';
import { getHeader } from './message';

/**
 * A `Set-Cookie` value for a session cookie: site-wide path, `secure`, `HttpOnly` and
 * `SameSite=None` (the cookie must come back on the cross-site form posts of sign-in).
 * @see https://www.rfc-editor.org/rfc/rfc6265#section-4.1
 */
export function sessionCookie(name: string, value: string): string {
  return `${name}=${value}; path=/; secure; HttpOnly; SameSite=None`;
}

/** The value of cookie `name` in the request's `Cookie` header (RFC 6265 section 5.4), or `undefined`. */
export function readCookie(request: HttpRequest, name: string): string | undefined {
  for (const part of (getHeader(request.headers, 'Cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * The name and value of a `Set-Cookie` header (its attributes ignored), or `undefined` when it has
 * no `name=` pair (RFC 6265 section 5.2).
 */
export function parseSetCookie(header: string): { name: string; value: string } | undefined {
  const [pair = ''] = header.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() };
}

/** A user agent's cookies by origin: stores `Set-Cookie` of responses, writes `Cookie` of requests. */
export class CookieJar {
  private readonly jar = new Map<string, Map<string, string>>();

  /** The `Cookie` header value for a request to `url`, or `undefined` when there is none. */
  header(url: URL): string | undefined {
    const cookies = this.jar.get(url.origin);
    if (!cookies || cookies.size === 0) return undefined;
    return [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Keeps the cookie a response from `url` sets, if any. */
  store(url: URL, response: HttpResponse): void {
    const setCookie = getHeader(response.headers, 'Set-Cookie');
    const cookie = setCookie ? parseSetCookie(setCookie) : undefined;
    if (!cookie) return;
    const cookies = this.jar.get(url.origin) ?? new Map<string, string>();
    cookies.set(cookie.name, cookie.value);
    this.jar.set(url.origin, cookies);
  }
}
