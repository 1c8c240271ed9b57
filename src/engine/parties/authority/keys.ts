// The authority's signing key, issuers and published JWKS.
import { publicJwkFor } from '../../crypto';
import type { Jwks } from '../../crypto';

export { AUTHORITY_ORIGIN, issuerV1, issuerV2, issuersFor } from '../../model/authority';
import { AUTHORITY_ORIGIN } from '../../model/authority';

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
