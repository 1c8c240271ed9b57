// The authority's signing key, issuers and published JWKS.
import { publicJwkFor } from '../../crypto';
import type { Jwks } from '../../crypto';

/** The authority's origin: the real host name, so tokens and URLs read as they do in production. */
export const AUTHORITY_ORIGIN = 'https://login.microsoftonline.com';

/** v2.0 token issuer of a tenant: `https://login.microsoftonline.com/{tid}/v2.0` (access-tokens doc). */
export function issuerV2(tenantId: string): string {
  return `${AUTHORITY_ORIGIN}/${tenantId}/v2.0`;
}

/** v1.0 token issuer of a tenant: `https://sts.windows.net/{tid}/` (trailing slash included). */
export function issuerV1(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

/** Both issuers a tenant's tokens may carry. */
export function issuersFor(tenantId: string): string[] {
  return [issuerV2(tenantId), issuerV1(tenantId)];
}

let jwksPromise: Promise<Jwks> | undefined;

/**
 * The JWKS served at `/{tenant}/discovery/v2.0/keys`: one RSA key with `kid` = `x5t`, `x5c`,
 * and the templated `issuer` (JWKS section of the reference, RFC 7517).
 */
export function publishedJwks(): Promise<Jwks> {
  jwksPromise ??= publicJwkFor('authority', `${AUTHORITY_ORIGIN}/{tenantid}/v2.0`).then((jwk) => ({
    keys: [jwk],
  }));
  return jwksPromise;
}
