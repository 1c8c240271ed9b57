// Redirect (reply) URI matching as the platform documents it, including wildcards and loopback ports.
import type { AppRegistration } from '../../directory/model';

/** Which platform list a redirect URI was registered under (`web`, `spa`, `publicClient`). */
export type RedirectPlatform = 'web' | 'spa' | 'publicClient';

/** Outcome of matching a requested `redirect_uri` against an app's registrations. */
export type ReplyUrlMatch =
  | {
      ok: true;
      platform: RedirectPlatform;
      registered: string;
      /** The URI the response goes to (for a wildcard match: the request's, query and fragment stripped). */
      redirectTo: string;
      wildcard: boolean;
    }
  | {
      ok: false;
      reason: 'not-absolute' | 'not-registered' | 'insecure-scheme' | 'wildcard-not-allowed';
    };

const LOOPBACK = new Set(['localhost', '127.0.0.1']);

function parse(uri: string): URL | undefined {
  try {
    return new URL(uri);
  } catch {
    return undefined;
  }
}

/** Whether `host` matches a wildcard host pattern like `*.contoso.com` (one or more labels). */
function wildcardHostMatches(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return false;
  const suffix = pattern.slice(1).toLowerCase();
  return host.toLowerCase().endsWith(suffix) && host.length > suffix.length;
}

function exactMatch(registered: URL, requested: URL): boolean {
  if (registered.protocol !== requested.protocol) return false;
  if (registered.hostname.toLowerCase() !== requested.hostname.toLowerCase()) return false;
  // Loopback: the port is ignored when matching (reply-url doc).
  if (!LOOPBACK.has(registered.hostname) && registered.port !== requested.port) return false;
  // Paths are case-sensitive; a registered URI without a path matches "/".
  return registered.pathname === requested.pathname && registered.search === requested.search;
}

/**
 * Matches `requested` against the app's `web`, `spa` and `publicClient` redirect URIs:
 * - absolute URIs only (AADSTS90102 in the platform; here `not-absolute`);
 * - `https` required except for loopback (`localhost`, `127.0.0.1`), whose port is ignored;
 * - path case-sensitive, host case-insensitive;
 * - a wildcard host (`https://*.contoso.com/path`) matches only for work/school-only apps
 *   (`AzureADMyOrg`, `AzureADMultipleOrgs`); on a match, query and fragment are stripped.
 * @see https://learn.microsoft.com/entra/identity-platform/reply-url
 */
export function matchRedirectUri(app: AppRegistration, requested: string): ReplyUrlMatch {
  const wanted = parse(requested);
  if (!wanted) return { ok: false, reason: 'not-absolute' };
  if (
    wanted.protocol !== 'https:' &&
    !(wanted.protocol === 'http:' && LOOPBACK.has(wanted.hostname))
  ) {
    return { ok: false, reason: 'insecure-scheme' };
  }
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
      if (registered.includes('*')) {
        const pattern = parse(registered.replace('*.', 'wildcard-placeholder.'));
        if (!pattern) continue;
        const hostPattern = `*.${pattern.hostname.slice('wildcard-placeholder.'.length)}`;
        const matches =
          pattern.protocol === wanted.protocol &&
          wildcardHostMatches(hostPattern, wanted.hostname) &&
          pattern.pathname === wanted.pathname;
        if (!matches) continue;
        if (!workOrSchoolOnly) {
          wildcardRefused = true;
          continue;
        }
        return {
          ok: true,
          platform,
          registered,
          redirectTo: `${wanted.origin}${wanted.pathname}`,
          wildcard: true,
        };
      }
      const candidate = parse(registered);
      if (candidate && exactMatch(candidate, wanted)) {
        return { ok: true, platform, registered, redirectTo: requested, wildcard: false };
      }
    }
  }
  return { ok: false, reason: wildcardRefused ? 'wildcard-not-allowed' : 'not-registered' };
}
