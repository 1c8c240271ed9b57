// Redirect (reply) URI matching as the platform documents it, on the exact string the response goes to.
import type { AppRegistration } from '../../directory/model';

/** Which platform list a redirect URI was registered under (`web`, `spa`, `publicClient`). */
export type RedirectPlatform = 'web' | 'spa' | 'publicClient';

/** Why a requested `redirect_uri` did not match (every reason but `not-absolute` is AADSTS50011). */
export type ReplyUrlRefusal =
  | 'not-absolute'
  | 'not-registered'
  | 'insecure-scheme'
  | 'wildcard-not-allowed'
  /** Control characters, whitespace (ASCII or Unicode), invisible or other non-ASCII characters. */
  | 'unsafe-characters'
  /** `user@host`: userinfo would make the host look like something else. */
  | 'userinfo'
  /** A redirection endpoint must not include a fragment (RFC 6749 section 3.1.2). */
  | 'fragment'
  /** Full-width, zero-width or other non-ASCII characters in the host (IDNA would fold them). */
  | 'non-ascii-host';

/** Outcome of matching a requested `redirect_uri` against an app's registrations. */
export type ReplyUrlMatch =
  | {
      ok: true;
      platform: RedirectPlatform;
      registered: string;
      /**
       * The URI the response goes to: the requested string itself (printable ASCII, no userinfo,
       * no fragment), with `/` added when it has no path; for a wildcard match, the request's
       * scheme, host, port and path with the query stripped.
       */
      redirectTo: string;
      wildcard: boolean;
    }
  | { ok: false; reason: ReplyUrlRefusal };

const LOOPBACK = new Set(['localhost', '127.0.0.1']);
const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

/** A URI split lexically (RFC 3986 appendix B), without any of the WHATWG URL parser's repairs. */
interface UriParts {
  /** Lower-cased scheme, e.g. `https`. */
  scheme: string;
  /** Host as written (compare lower-cased). */
  host: string;
  /** Port as written, `''` when absent or the scheme's default. */
  port: string;
  /** Path as written (`''` when absent); compared case-sensitively. */
  path: string;
  /** Query with its `?` (`''` when absent). */
  query: string;
}

/** Printable ASCII only: no control characters, no spaces, no Unicode (RFC 3986 section 2). */
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const HIERARCHICAL = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/;
const HOST = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const WILDCARD_HOST = /^\*\.(.+)$/;
const PORT = /^(0|[1-9][0-9]{0,4})$/;

/** Format characters that render as nothing (soft hyphen, zero-width, bidi controls, BOM). */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;

/** Control characters (C0, DEL, C1), ASCII or Unicode whitespace, and invisible characters. */
function isUnsafeCharacter(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  return code <= 0x20 || (code >= 0x7f && code <= 0x9f) || /\s/.test(c) || INVISIBLE.test(c);
}

/**
 * Splits `uri` into its parts, or says why it cannot be a redirect URI. `allowWildcard` accepts a
 * `*.` host (registrations only).
 */
function split(uri: string, allowWildcard: boolean): UriParts | { refused: ReplyUrlRefusal } {
  if (!PRINTABLE_ASCII.test(uri)) {
    // Non-ASCII inside the authority is a look-alike host; anything else unprintable is unsafe.
    const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(uri)?.[1] ?? '';
    const hostOnly = authority.replace(/^.*@/, '').replace(/:[0-9]*$/, '');
    return {
      refused:
        ![...uri].some(isUnsafeCharacter) && !PRINTABLE_ASCII.test(hostOnly)
          ? 'non-ascii-host'
          : 'unsafe-characters',
    };
  }
  if (!SCHEME.test(uri)) return { refused: 'not-absolute' };
  const parts = HIERARCHICAL.exec(uri);
  if (!parts) {
    const scheme = (SCHEME.exec(uri)?.[0] ?? '').slice(0, -1).toLowerCase();
    return {
      refused: scheme === 'http' || scheme === 'https' ? 'not-registered' : 'insecure-scheme',
    };
  }
  const [, rawScheme = '', authority = '', path = '', query = '', fragment] = parts;
  if (fragment !== undefined) return { refused: 'fragment' };
  if (authority.includes('@')) return { refused: 'userinfo' };
  const scheme = rawScheme.toLowerCase();
  const colon = authority.indexOf(':');
  const host = colon < 0 ? authority : authority.slice(0, colon);
  const port = colon < 0 ? '' : authority.slice(colon + 1);
  const wildcard = allowWildcard ? WILDCARD_HOST.exec(host)?.[1] : undefined;
  if (!HOST.test(wildcard ?? host)) return { refused: 'not-registered' };
  if (colon >= 0 && (!PORT.test(port) || Number(port) > 65535))
    return { refused: 'not-registered' };
  return {
    scheme,
    host,
    port: port === DEFAULT_PORT[scheme] ? '' : port,
    path,
    query,
  };
}

/** `https`, or `http`/`https` for loopback (`localhost`, `127.0.0.1`) hosts (reply-url doc). */
function isAllowedScheme(uri: UriParts): boolean {
  return uri.scheme === 'https' || (uri.scheme === 'http' && LOOPBACK.has(uri.host.toLowerCase()));
}

/** Paths compare as written; a URI without a path is the same as one with `/`. */
const samePath = (a: string, b: string) => (a || '/') === (b || '/');

/** Exact match: scheme, host (case-insensitive), port (ignored for loopback), path and query as written. */
function exactMatch(registered: UriParts, requested: UriParts): boolean {
  if (registered.scheme !== requested.scheme) return false;
  if (registered.host.toLowerCase() !== requested.host.toLowerCase()) return false;
  // Loopback: the port is ignored when matching (reply-url doc, RFC 8252 section 7.3).
  if (!LOOPBACK.has(registered.host.toLowerCase()) && registered.port !== requested.port)
    return false;
  return samePath(registered.path, requested.path) && registered.query === requested.query;
}

/** Wildcard match: `*` stands for one or more whole ASCII labels; scheme, port and path must equal. */
function wildcardMatch(registered: UriParts, requested: UriParts): boolean {
  const suffix = registered.host.slice(1).toLowerCase();
  const host = requested.host.toLowerCase();
  return (
    registered.scheme === requested.scheme &&
    host.endsWith(suffix) &&
    host.length > suffix.length &&
    registered.port === requested.port &&
    samePath(registered.path, requested.path)
  );
}

/** `uri` with `/` inserted when it has no path (the platform returns such URIs with a trailing slash). */
function withTrailingSlash(uri: string, parts: UriParts): string {
  if (parts.path) return uri;
  const afterAuthority = uri.length - parts.query.length;
  return `${uri.slice(0, afterAuthority)}/${uri.slice(afterAuthority)}`;
}

/**
 * Matches the `requested` redirect URI against the app's `web`, `spa` and `publicClient` redirect
 * URIs, on the exact string the response will be sent to (never on a parser's repaired form):
 * - refused before matching: control characters, whitespace or other non-ASCII characters
 *   (`unsafe-characters`), a non-ASCII host (`non-ascii-host`: full-width or zero-width look-alikes),
 *   userinfo (`user@host`), a fragment (RFC 6749 section 3.1.2), a relative URI (`not-absolute`,
 *   AADSTS90102 in the platform);
 * - `https` required except for loopback (`localhost`, `127.0.0.1`), whose port is ignored;
 * - scheme and host case-insensitive, default ports equal to none, path and query as written
 *   (case-sensitive, no dot-segment or percent-decoding); a URI without a path equals one with `/`
 *   and is returned with the trailing slash;
 * - a wildcard host (`https://*.contoso.com/path`) matches whole ASCII labels on the same port and
 *   path, only for work/school-only apps (`AzureADMyOrg`, `AzureADMultipleOrgs`); the request's
 *   query is stripped.
 * On a match, `redirectTo` is the requested string itself (or, for a wildcard, its scheme, host,
 * port and path), so the string compared is the string redirected to. Never throws.
 * @see https://learn.microsoft.com/entra/identity-platform/reply-url
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2
 */
export function matchRedirectUri(app: AppRegistration, requested: string): ReplyUrlMatch {
  const wanted = split(requested, false);
  if ('refused' in wanted) return { ok: false, reason: wanted.refused };
  if (!isAllowedScheme(wanted)) return { ok: false, reason: 'insecure-scheme' };
  const lists: [RedirectPlatform, string[]][] = [
    ['web', app.web.redirectUris],
    ['spa', app.spa.redirectUris],
    ['publicClient', app.publicClient.redirectUris],
  ];
  const workOrSchoolOnly =
    app.signInAudience === 'AzureADMyOrg' || app.signInAudience === 'AzureADMultipleOrgs';
  let wildcardRefused = false;
  for (const [platform, uris] of lists) {
    for (const registered of uris) {
      const candidate = split(registered, true);
      if ('refused' in candidate) continue;
      if (candidate.host.startsWith('*.')) {
        if (!wildcardMatch(candidate, wanted)) continue;
        if (!workOrSchoolOnly) {
          wildcardRefused = true;
          continue;
        }
        const port = wanted.port ? `:${wanted.port}` : '';
        return {
          ok: true,
          platform,
          registered,
          redirectTo: `${wanted.scheme}://${wanted.host}${port}${wanted.path || '/'}`,
          wildcard: true,
        };
      }
      if (exactMatch(candidate, wanted)) {
        return {
          ok: true,
          platform,
          registered,
          redirectTo: withTrailingSlash(requested, wanted),
          wildcard: false,
        };
      }
    }
  }
  return { ok: false, reason: wildcardRefused ? 'wildcard-not-allowed' : 'not-registered' };
}
