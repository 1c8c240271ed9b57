// Bearer rejections of the resource APIs: the `WWW-Authenticate` challenges they send (built and read here) and the text of each rejection.
import { fromBase64, toBase64 } from '../crypto';
import type { JwtFailureReason } from '../crypto';
import { toHeaderSafeText } from '../http/message';
import { AUTHORITY_ORIGIN } from '../model/authority';
import type { ErrorCard } from '../model/trace';
import { DOCS } from './docs';

/**
 * Why an API refused a bearer token: a jose verification failure (RFC 7519 section 7.2), no token
 * at all, or one of the API's own rules (scope or role missing, app-only caller, `exp` missing,
 * `iat` in the future).
 */
export type BearerRejectionReason =
  | JwtFailureReason
  | 'missing'
  | 'insufficient_scope'
  | 'app_only_not_allowed'
  | 'exp_missing'
  | 'issued_in_future';

/** The `error` of a bearer challenge (RFC 6750 section 3.1): 401 `invalid_token`, 403 `insufficient_scope`. */
export type BearerError = 'invalid_token' | 'insufficient_scope';

/** Why each bearer rejection happened and how to fix it. */
export const BEARER_REJECTIONS: Readonly<
  Record<BearerRejectionReason, { why: string; fix: string }>
> = {
  missing: {
    why: 'The request carried no Authorization: Bearer header.',
    fix: 'Acquire an access token for this API and send it as Authorization: Bearer <token>.',
  },
  malformed: {
    why: 'The bearer value is not a well-formed JWT.',
    fix: 'Send the access_token value from the token response, unchanged.',
  },
  signature_invalid: {
    why: "The token's signature does not verify with the authority's published keys: it was altered or forged.",
    fix: 'Only accept tokens signed by your tenant; the client must send a token issued by the authority.',
  },
  key_not_found: {
    why: "No key in the authority's JWKS has the token's kid: it was signed by someone else (or the API's key cache is stale).",
    fix: 'Refresh the JWKS; reject tokens from other issuers.',
  },
  expired: {
    why: "The token's exp is in the past, beyond the API's clock-skew allowance.",
    fix: 'The client acquires a fresh token (MSAL does this silently) and retries.',
  },
  not_yet_valid: {
    why: "The token's nbf is in the future.",
    fix: 'Check the clocks of the parties.',
  },
  issuer_mismatch: {
    why: "The token's iss is not this tenant's issuer.",
    fix: "Accept only your tenant's v1.0 and v2.0 issuers.",
  },
  audience_mismatch: {
    why: "The token's aud is not this API: it was issued for another resource.",
    fix: "The client must request a token with this API's scope (its App ID URI or app id).",
  },
  algorithm_not_allowed: {
    why: 'The token is signed with an algorithm the API does not accept.',
    fix: 'Accept RS256 only, as the authority signs.',
  },
  claim_invalid: {
    why: 'A registered claim has an invalid value.',
    fix: 'Inspect the claims and the API validation settings.',
  },
  insufficient_scope: {
    why: 'The token is valid but does not carry a scope or app role this API requires.',
    fix: 'Grant the permission to the client (consent for scp, admin-assigned app role for roles) and request a new token.',
  },
  app_only_not_allowed: {
    why: 'This API serves users only and the token is app-only (no scp).',
    fix: 'Call it with a delegated token, or allow app-only callers with an app role.',
  },
  exp_missing: {
    why: 'The token is signed by the authority but has no numeric exp: a token without an expiry would be valid forever, so access tokens must carry exp (RFC 9068 section 2.2).',
    fix: 'Reject tokens without exp (jose: requiredClaims ["exp"]); the client acquires a normal access token.',
  },
  issued_in_future: {
    why: "The token's iat is later than now plus the API's clock-skew allowance: it claims to be issued in the future, so either a clock is badly wrong or the token was minted to outlive its real lifetime.",
    fix: 'Check the clocks of the parties; reject tokens whose iat is beyond the allowed skew.',
  },
};

/** Documentation of the API-side error cards: scope and role checks, and RFC 6750's challenge. */
export const BEARER_DOCS = [DOCS.protectedApi, DOCS.rfc6750Challenge];

/**
 * The head of every `Bearer` challenge an API sends: the tenant in `realm` and that tenant's
 * authorize endpoint in `authorization_uri`. The claims-challenge doc pairs an empty realm with the
 * common endpoint only; a realm needs a tenant-specific `authorization_uri`.
 * @see https://learn.microsoft.com/entra/identity-platform/claims-challenge#claims-challenge-header-format
 */
export function bearerChallengeHead(tenantId: string): string {
  return `Bearer realm="${tenantId}", authorization_uri="${AUTHORITY_ORIGIN}/${tenantId}/oauth2/v2.0/authorize"`;
}

/**
 * The `WWW-Authenticate` value of a bearer rejection in `tenantId`: the bare head when no token
 * was sent (RFC 6750 section 3.1: no error code then), else the head with `error`,
 * `error_description` (made header-safe) and, for a missing scope, the `scope` the API requires.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export function buildBearerChallenge(
  tenantId: string,
  rejection?: { error: BearerError; description: string; scope?: string },
): string {
  const head = bearerChallengeHead(tenantId);
  if (!rejection) return head;
  const scope = rejection.scope === undefined ? '' : `, scope="${rejection.scope}"`;
  return `${head}, error="${rejection.error}", error_description="${toHeaderSafeText(rejection.description)}"${scope}`;
}

/**
 * The `WWW-Authenticate` value a middle tier relays when the authority answered its OBO request
 * with a claims challenge: `error="insufficient_claims"` and the claims JSON base64-encoded
 * (UTF-8), read back by {@link parseClaimsChallenge}.
 * @see https://learn.microsoft.com/entra/identity-platform/claims-challenge#claims-challenge-header-format
 */
export function buildClaimsChallenge(tenantId: string, claims: string): string {
  const encoded = toBase64(new TextEncoder().encode(claims));
  return `${bearerChallengeHead(tenantId)}, error="insufficient_claims", claims="${encoded}"`;
}

/**
 * The decoded claims JSON of a `WWW-Authenticate: Bearer error="insufficient_claims"` value, or
 * `undefined` for any other challenge, a missing header or claims that are not base64. Never throws.
 */
export function parseClaimsChallenge(header: string | undefined): string | undefined {
  if (!header?.includes('error="insufficient_claims"')) return undefined;
  const encoded = /claims="([^"]+)"/.exec(header)?.[1];
  if (!encoded) return undefined;
  try {
    return new TextDecoder().decode(fromBase64(encoded));
  } catch {
    return undefined;
  }
}

/** The error card of a bearer rejection by the API named `apiLabel`. */
export function bearerRejectionCard(
  error: BearerError,
  reason: BearerRejectionReason,
  apiLabel: string,
): ErrorCard {
  const text = BEARER_REJECTIONS[reason];
  return {
    error,
    title: `${apiLabel} rejected the token`,
    why: text.why,
    fix: text.fix,
    docs: BEARER_DOCS,
  };
}
