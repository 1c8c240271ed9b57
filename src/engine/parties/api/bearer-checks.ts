// BEARER_CHECKS: how a resource API validates a bearer token, as one ordered table of named rules.
import { verifyJwtSignature } from '../../crypto/jws';
import type { BearerRejectionReason, DocRef } from '../../errors';
import { getHeader } from '../../http/message';
import type { HttpRequest } from '../../http/message';
import type { ApiCheckName } from '../../model/checks';
import type { ApiParty } from '../../model/scenario';
import type { Rule } from '../authority/checks/check';
import { issuersFor } from '../authority/keys';
import type { PartyEnv } from '../shared/env';
import { fetchJwksOnce } from '../shared/token-request';
import type { ApiState } from './resource-api';

/** Mutable context of one bearer validation: the request, then what each passed rule established. */
export interface BearerContext {
  readonly party: ApiParty;
  readonly state: ApiState;
  readonly env: PartyEnv;
  readonly request: HttpRequest;
  /** The compact JWT from `Authorization: Bearer`. */
  token?: string;
  /** Set by `signature`: the verified JOSE header and claims. */
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
}

/**
 * A failed bearer rule: a 401 `invalid_token` or 403 `insufficient_scope` rejection (RFC 6750
 * section 3.1) with its reason and `error_description` (and the `scope` a 403 asks for), or the
 * JWKS could not be fetched (the API answers 500).
 */
export type BearerFailure =
  | { status: 401 | 403; reason: BearerRejectionReason; description: string; scope?: string }
  | { status: 500; reason: 'jwks_unavailable'; description: string };

/** One row of {@link BEARER_CHECKS}: nothing when the rule holds. */
export interface BearerCheck extends Rule<ApiCheckName> {
  source: DocRef;
  run(ctx: BearerContext): BearerFailure | undefined | Promise<BearerFailure | undefined>;
}

const SOURCES = {
  rfc6750: {
    label: 'RFC 6750 section 2.1 (Authorization: Bearer)',
    url: 'https://www.rfc-editor.org/rfc/rfc6750#section-2.1',
  },
  validate: {
    label: 'Access tokens: validate tokens',
    url: 'https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-tokens',
  },
  rfc7519: {
    label: 'RFC 7519 section 4.1 (registered claims)',
    url: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1',
  },
  rfc9068: {
    label: 'RFC 9068 section 4 (validating JWT access tokens)',
    url: 'https://www.rfc-editor.org/rfc/rfc9068#section-4',
  },
  scopes: {
    label: 'Protected web API: verify scopes and app roles',
    url: 'https://learn.microsoft.com/entra/identity-platform/scenario-protected-web-api-verification-scope-app-roles',
  },
} as const satisfies Record<string, DocRef>;

const invalid = (reason: BearerRejectionReason, description: string): BearerFailure => ({
  status: 401,
  reason,
  description,
});

function claimsOf(ctx: BearerContext): Record<string, unknown> {
  if (!ctx.claims) throw new Error('A claim rule ran before the signature was verified.');
  return ctx.claims;
}

/** `Authorization: Bearer <token>` is present (401 without an error code otherwise). */
export const bearerPresent: BearerCheck = {
  name: 'bearer-present',
  rule: 'The request carries an access token as Authorization: Bearer <token>.',
  source: SOURCES.rfc6750,
  run: (ctx) => {
    const authorization = getHeader(ctx.request.headers, 'Authorization') ?? '';
    ctx.token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    return ctx.token ? undefined : invalid('missing', 'No bearer token.');
  },
};

/**
 * The token is a JWS signed (RS256) by a key of the authority's JWKS, fetched once over the
 * network from the metadata of the API's token version.
 */
export const signature: BearerCheck = {
  name: 'signature',
  rule: "The token is a JWT signed with RS256 by a key (matched by kid) in the authority's published JWKS.",
  source: SOURCES.validate,
  run: async (ctx) => {
    const { env, party, state } = ctx;
    const jwks = await fetchJwksOnce(env, party.id, state, state.tokenVersion ?? '2.0');
    if (!jwks)
      return {
        status: 500,
        reason: 'jwks_unavailable',
        description: 'Could not load the signing keys.',
      };
    const verified = await verifyJwtSignature(ctx.token ?? '', jwks);
    if (!verified.ok) return invalid(verified.reason, verified.message);
    ctx.header = verified.header;
    ctx.claims = verified.payload;
    return undefined;
  },
};

/**
 * `iss` is one of the tenant's issuers (v1.0 `sts.windows.net`, v2.0 `login.microsoftonline.com`);
 * a multi-tenant API (`validation.anyTenant`) takes the tenant from the token's own `tid`.
 */
export const issuer: BearerCheck = {
  name: 'issuer',
  rule: "iss is this tenant's v1.0 or v2.0 issuer (a multi-tenant API: the issuer of the tenant named by the token's tid).",
  source: SOURCES.validate,
  run: (ctx) => {
    const claims = claimsOf(ctx);
    if (!Object.hasOwn(claims, 'iss'))
      return invalid('issuer_mismatch', 'missing required "iss" claim');
    const tenantId =
      ctx.party.validation.anyTenant && typeof claims.tid === 'string'
        ? claims.tid
        : ctx.env.tenantId;
    return issuersFor(tenantId).includes(claims.iss as string)
      ? undefined
      : invalid('issuer_mismatch', 'unexpected "iss" claim value');
  },
};

/** `aud` names this API (its App ID URI or app id), unless the API is misconfigured to skip it. */
export const audience: BearerCheck = {
  name: 'audience',
  rule: 'aud is this API: its App ID URI or application id (string, or an array containing one); a token for another resource is refused.',
  source: SOURCES.validate,
  run: (ctx) => {
    const v = ctx.party.validation;
    if (!v.validateAudience) return undefined;
    const claims = claimsOf(ctx);
    if (!Object.hasOwn(claims, 'aud'))
      return invalid('audience_mismatch', 'missing required "aud" claim');
    const aud = claims.aud;
    const ok =
      typeof aud === 'string'
        ? v.audiences.includes(aud)
        : Array.isArray(aud) && v.audiences.some((a) => aud.includes(a));
    return ok ? undefined : invalid('audience_mismatch', 'unexpected "aud" claim value');
  },
};

/**
 * Time claims on the simulated clock with the API's `clockToleranceSeconds` leeway (seconds):
 * `iat`, `nbf`, `exp` are numbers when present; `nbf` is not later than now + leeway; `exp` is
 * later than now - leeway; `exp` is present (RFC 9068 section 2.2); `iat` is not later than
 * now + leeway. Descriptions are jose's for the RFC 7519 rules.
 */
export const lifetime: BearerCheck = {
  name: 'lifetime',
  rule: 'The token is within its lifetime, allowing the clock skew: exp is present and not past, nbf (if any) is not in the future, and iat is not in the future.',
  source: SOURCES.rfc9068,
  run: (ctx) => {
    const claims = claimsOf(ctx);
    const now = ctx.env.clock.now;
    const skew = ctx.party.validation.clockToleranceSeconds;
    const { iat, nbf, exp } = claims;
    if (iat !== undefined && typeof iat !== 'number')
      return invalid('claim_invalid', '"iat" claim must be a number');
    if (nbf !== undefined && typeof nbf !== 'number')
      return invalid('not_yet_valid', '"nbf" claim must be a number');
    if (nbf !== undefined && nbf > now + skew)
      return invalid('not_yet_valid', '"nbf" claim timestamp check failed');
    if (exp !== undefined && typeof exp !== 'number')
      return invalid('claim_invalid', '"exp" claim must be a number');
    if (exp !== undefined && exp <= now - skew)
      return invalid('expired', '"exp" claim timestamp check failed');
    if (typeof exp !== 'number' || !Number.isFinite(exp))
      return invalid('exp_missing', 'The token has no exp claim; access tokens must expire.');
    if (typeof iat === 'number' && iat > now + skew)
      return invalid(
        'issued_in_future',
        `The token's iat is ${iat - now} s in the future, beyond the ${skew} s clock-skew allowance.`,
      );
    return undefined;
  },
};

/**
 * A delegated token (`scp`) carries one of the required scopes; an app-only token (no `scp`) is
 * allowed only if the API accepts app-only callers, and carries one of the required app roles.
 * Failures are 403 `insufficient_scope`.
 */
export const scopeOrRole: BearerCheck = {
  name: 'scope-or-role',
  rule: 'A user token (scp) carries a scope the API requires; an app-only token (no scp) is accepted only if the API allows app-only callers, and carries a required app role (roles).',
  source: SOURCES.scopes,
  run: (ctx) => {
    const v = ctx.party.validation;
    const claims = claimsOf(ctx);
    const scp = typeof claims.scp === 'string' ? claims.scp.split(' ') : undefined;
    const roles = Array.isArray(claims.roles) ? (claims.roles as string[]) : [];
    if (scp) {
      if (v.requiredScopes.length > 0 && !v.requiredScopes.some((s) => scp.includes(s)))
        return {
          status: 403,
          reason: 'insufficient_scope',
          description: `The token's scp lacks ${v.requiredScopes.join(' or ')}.`,
          scope: v.requiredScopes.join(' '),
        };
      return undefined;
    }
    if (!v.allowAppOnly)
      return {
        status: 403,
        reason: 'app_only_not_allowed',
        description: 'App-only tokens are not accepted.',
      };
    if (v.requiredRoles.length > 0 && !v.requiredRoles.some((r) => roles.includes(r)))
      return {
        status: 403,
        reason: 'insufficient_scope',
        description: `The token's roles lack ${v.requiredRoles.join(' or ')}.`,
      };
    return undefined;
  },
};

/**
 * Bearer validation in the order an API applies it (RFC 6750 section 3, RFC 7519 section 7.2,
 * RFC 9068 section 4): the first failing row answers.
 * @see https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-tokens
 */
export const BEARER_CHECKS: readonly BearerCheck[] = [
  bearerPresent,
  signature,
  issuer,
  audience,
  lifetime,
  scopeOrRole,
];

/** Outcome of {@link runBearerChecks}: the names that passed in order, and the failing row. */
export interface BearerOutcome {
  passed: ApiCheckName[];
  failed?: { row: BearerCheck; failure: BearerFailure };
}

/** Runs {@link BEARER_CHECKS} in order against `ctx` and stops at the first failure. Never throws. */
export async function runBearerChecks(ctx: BearerContext): Promise<BearerOutcome> {
  const passed: ApiCheckName[] = [];
  for (const row of BEARER_CHECKS) {
    const failure = await row.run(ctx);
    if (failure) return { passed, failed: { row, failure } };
    passed.push(row.name);
  }
  return { passed };
}
