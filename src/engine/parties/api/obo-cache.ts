// A middle tier's OBO token cache (MSAL's acquireTokenOnBehalfOf): token B kept per incoming token A until shortly before exp.
import { sha256Base64Url } from '../../crypto';
import type { OboCall } from '../../model/scenario';
import type { PartyEnv } from '../shared/env';

/** A cached token B and its expiry (epoch seconds). */
export interface OboCacheEntry {
  token: string;
  expiresAt: number;
}

/** The middle tier's cache, keyed by {@link oboCacheKey}. */
export type OboCache = Map<string, OboCacheEntry>;

/**
 * The cache key of an OBO request: the SHA-256 of the incoming assertion (token A, base64url,
 * first 16 characters shown) plus the scope or resource asked for. MSAL keys its OBO cache by the
 * assertion's hash, so a different token A (another user, or the same user's renewed token)
 * never finds another's token B.
 * @see https://learn.microsoft.com/entra/msal/dotnet/acquiring-tokens/web-apps-apis/on-behalf-of-flow
 */
export async function oboCacheKey(assertion: string, obo: OboCall): Promise<string> {
  const hash = await sha256Base64Url(assertion);
  return `sha256(token A)=${hash.slice(0, 16)}… ${obo.scope ?? obo.resource ?? ''}`;
}

/**
 * Looks token B up for `key` when the middle tier keeps a cache (`obo.tokenCache`): served while
 * more than `refreshBeforeExpirySeconds` remain before `exp`. Emits a `token.cache` event (hit,
 * miss or expired), attached to the next message. Returns the cached token on a hit.
 */
export function lookUpOboCache(
  partyId: string,
  obo: OboCall,
  cache: OboCache,
  key: string,
  env: PartyEnv,
): string | undefined {
  if (!obo.tokenCache) return undefined;
  const entry = cache.get(key);
  const refreshAt = entry ? entry.expiresAt - obo.tokenCache.refreshBeforeExpirySeconds : 0;
  const hit = entry !== undefined && env.clock.now < refreshAt;
  env.network.emit({
    type: 'token.cache',
    party: partyId,
    key,
    outcome: hit ? 'hit' : entry ? 'expired' : 'miss',
    now: env.clock.now,
    ...(entry ? { expiresAt: entry.expiresAt, refreshAt } : {}),
  });
  return hit ? entry.token : undefined;
}

/** Keeps token B from a successful OBO response body (`expires_in` in seconds, number or string). */
export function storeOboToken(
  obo: OboCall,
  cache: OboCache,
  key: string,
  body: Record<string, unknown>,
  env: PartyEnv,
): void {
  if (!obo.tokenCache || typeof body.access_token !== 'string') return;
  const expiresIn = Number(body.expires_in);
  cache.set(key, {
    token: body.access_token,
    expiresAt: env.clock.now + (Number.isFinite(expiresIn) ? expiresIn : 0),
  });
}
