// On-Behalf-Of checks on the incoming user assertion, consent and Conditional Access.
import { decodeJwtParts, verifyJwt } from '../../../crypto';
import { formatAadTimestamp } from '../../../core/clock';
import {
  findApplication,
  findScope,
  findUser,
  grantedDelegatedScopes,
} from '../../../directory/directory';
import { DOCS } from '../../../errors/docs';
import type { Check, TokenContext } from './check';
import { issuersFor, publishedJwks } from '../keys';

/** `requested_token_use=on_behalf_of` (D-OBO); missing = AADSTS900144. */
export const requestedTokenUse: Check = {
  name: 'requested-token-use',
  rule: 'OBO requests say requested_token_use=on_behalf_of (On-Behalf-Of flow doc).',
  run: (ctx) => {
    const value = ctx.form.get('requested_token_use');
    if (!value) return { code: 900144, args: { parameter: 'requested_token_use' } };
    if (value !== 'on_behalf_of') {
      return {
        code: 9002313,
        args: { detail: `requested_token_use must be 'on_behalf_of', not '${value}'.` },
      };
    }
    return undefined;
  },
};

/** The body carries the user's token as `assertion`; missing = AADSTS900144. */
export const assertionPresent: Check = {
  name: 'assertion-present',
  rule: "The body carries the incoming access token as 'assertion' (RFC 7523 section 2.1).",
  run: (ctx) =>
    ctx.form.get('assertion') ? undefined : { code: 900144, args: { parameter: 'assertion' } },
};

function decoded(ctx: TokenContext) {
  return decodeJwtParts(ctx.form.get('assertion') ?? '');
}

/** The assertion parses as a JWT; else AADSTS50027. */
export const assertionWellFormed: Check = {
  name: 'assertion-well-formed',
  rule: 'The assertion is a compact JWS (RFC 7519 section 7.2).',
  run: (ctx) =>
    decoded(ctx) ? undefined : { code: 50027, args: { detail: 'The assertion is not a JWT.' } },
};

/** Whether decoded claims look like an access token (`scp`, `roles` or `idtyp=app`) rather than an ID token. */
const isAccessTokenShaped = (payload: Record<string, unknown>) =>
  'scp' in payload || 'roles' in payload || payload.idtyp === 'app';

/**
 * The OBO doc's client limitation: an ID token that a client obtained through the implicit flow
 * while it has a wildcard reply URL (e.g. `https://myapp.com/*`) cannot be used for OBO, because
 * the reply URL is not specific enough to identify the client (AADSTS240002; the doc names no
 * code, 240002 is the documented one for an ID token as a jwt-bearer grant). The authority knows
 * the ID token came from the implicit flow by its `uti`. Access tokens from the same implicit
 * flow pass: they name the client that obtained them (`azp`).
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#client-limitations
 */
export const assertionImplicitIdTokenWildcard: Check = {
  name: 'assertion-implicit-id-token-wildcard',
  rule: "An ID token a client got through the implicit flow while it has a wildcard reply URL (one with *) can't be used for OBO: such a reply URL isn't specific enough to identify the client, so no token is issued. An access token from the same implicit flow is still redeemed, because it names the client that obtained it.",
  source: DOCS.oboLimitations,
  run: (ctx) => {
    const payload = decoded(ctx)?.payload ?? {};
    if (isAccessTokenShaped(payload)) return undefined;
    if (!ctx.env.issued.get(String(payload.uti ?? ''))?.implicitIdToken) return undefined;
    const client = findApplication(ctx.env.directory, String(payload.aud ?? ''));
    const wildcard = [
      ...(client?.web.redirectUris ?? []),
      ...(client?.spa.redirectUris ?? []),
    ].some((uri) => uri.includes('*'));
    return wildcard ? { code: 240002 } : undefined;
  },
};

/** An ID token is not a jwt-bearer grant (AADSTS240002). */
export const assertionNotIdToken: Check = {
  name: 'assertion-not-id-token',
  rule: 'The assertion is an access token, not an ID token.',
  run: (ctx) => {
    const payload = decoded(ctx)?.payload ?? {};
    return isAccessTokenShaped(payload) ? undefined : { code: 240002 };
  },
};

/** Signed by this authority for this tenant (AADSTS50013); `exp` is checked by the next rule. */
export const assertionSignature: Check = {
  name: 'assertion-signature',
  rule: "The assertion was signed by this tenant's token-signing key and issued by it.",
  run: async (ctx) => {
    const tenantId = ctx.tenant?.id ?? '';
    const result = await verifyJwt(ctx.form.get('assertion') ?? '', await publishedJwks(), {
      now: ctx.env.clock.now,
      issuer: issuersFor(tenantId),
      clockToleranceSeconds: 10 * 365 * 24 * 3600,
    });
    if (result.ok) {
      ctx.assertion = { header: result.header, payload: result.payload };
      return undefined;
    }
    return { code: 50013, args: { reason: result.message } };
  },
};

/** `exp` has not passed, with no leeway (AADSTS500133). */
export const assertionNotExpired: Check = {
  name: 'assertion-not-expired',
  rule: 'The assertion has not expired (no clock-skew leeway at the token service).',
  run: (ctx) => {
    const exp = ctx.assertion?.payload.exp;
    const now = ctx.env.clock.now;
    if (typeof exp !== 'number')
      return { code: 50013, args: { reason: 'The assertion has no exp claim.' } };
    if (exp > now) return undefined;
    return { code: 500133, args: { now: formatAadTimestamp(now), exp: formatAadTimestamp(exp) } };
  },
};

/** `aud` is the calling middle tier's app id or one of its App ID URIs (AADSTS500131). */
export const assertionAudience: Check = {
  name: 'assertion-audience',
  rule: "The assertion's aud is the calling app (its app id or an App ID URI): a token can only be exchanged by the API it was issued to.",
  run: (ctx) => {
    const aud = String(ctx.assertion?.payload.aud ?? '');
    const client = ctx.client;
    if (!client) return undefined;
    const norm = (s: string) => s.toLowerCase().replace(/\/$/, '');
    if (norm(aud) === client.appId || client.identifierUris.some((u) => norm(u) === norm(aud)))
      return undefined;
    return { code: 500131, args: { aud, expected: client.appId } };
  },
};

/** Only delegated (user) tokens may be exchanged (AADSTS7000114). */
export const assertionIsDelegated: Check = {
  name: 'assertion-is-delegated',
  rule: 'The assertion is a delegated user token (scp, no idtyp=app): OBO acts for a user.',
  run: (ctx) => {
    const payload = ctx.assertion?.payload ?? {};
    if (payload.idtyp !== 'app' && typeof payload.scp === 'string') {
      const userId = String(payload.oid ?? '');
      ctx.user = findUser(ctx.env.directory, userId);
      return undefined;
    }
    return { code: 7000114, args: { clientId: ctx.client?.appId ?? '' } };
  },
};

/**
 * The middle tier holds delegated consent to the downstream API for this user (AADSTS65001,
 * `suberror: consent_required`). With `/.default` the token gets every granted scope.
 */
export const delegatedConsent: Check = {
  name: 'delegated-consent',
  rule: 'A delegated grant (admin, user, or pre-authorization) covers the middle tier calling the downstream API for this user.',
  run: (ctx) => {
    const { resource, client, tenant } = ctx;
    if (!resource || !client || !tenant) return undefined;
    const userId = String(ctx.assertion?.payload.oid ?? '');
    const { consented, preAuthorized } = grantedDelegatedScopes(
      ctx.env.directory,
      tenant.id,
      client,
      resource.app,
      userId,
    );
    const granted = new Set([...consented, ...preAuthorized]);
    const exposedOrder = resource.app.api.oauth2PermissionScopes.map((s) => s.value);
    const wanted = resource.permissions.includes('.default')
      ? exposedOrder.filter((v) => granted.has(v) && findScope(resource.app, v))
      : resource.permissions;
    const missing = wanted.filter((v) => !granted.has(v));
    if (wanted.length > 0 && missing.length === 0) {
      ctx.grantedScopes = wanted;
      return undefined;
    }
    return {
      code: 65001,
      suberror: 'consent_required',
      args: {
        clientId: client.appId,
        clientName: client.displayName,
        resourceName: resource.app.displayName,
        scopes: missing.length > 0 ? missing.join(' ') : `${resource.identifier}/.default`,
      },
    };
  },
};

/**
 * Conditional Access: a policy requiring MFA for the resource is met only if the user's sign-in
 * behind the assertion used MFA. Otherwise a claims challenge naming the policy:
 * - the user has an MFA method registered: AADSTS50076, `invalid_grant`, `suberror: basic_action`,
 *   `claims` with `capolids`;
 * - the user has none (`isMfaRegistered: false`): AADSTS50079, `interaction_required`, `claims`
 *   with `polids` and no `suberror`, exactly as the OBO doc's error example.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#error-response-example
 */
export const conditionalAccess: Check = {
  name: 'conditional-access',
  rule: 'Conditional Access policies on the downstream API are satisfied by how the user signed in (e.g. MFA).',
  run: (ctx) => {
    const resource = ctx.resource;
    if (!resource) return undefined;
    const policy = ctx.env.directory.conditionalAccessPolicies.find(
      (p) => p.resourceAppIds.includes(resource.app.appId) && p.grantControls.includes('mfa'),
    );
    if (!policy) return undefined;
    const uti = String(ctx.assertion?.payload.uti ?? '');
    const record = ctx.env.issued.get(uti);
    const amr =
      record?.amr ??
      (Array.isArray(ctx.assertion?.payload.amr) ? (ctx.assertion?.payload.amr as string[]) : []);
    if (amr.includes('mfa')) return undefined;
    const args = {
      resourceAppId: resource.app.appId,
      resourceName: resource.app.displayName,
      policy: policy.displayName,
    };
    if (ctx.user?.isMfaRegistered === false) {
      const claims = JSON.stringify({
        access_token: { polids: { essential: true, values: [policy.id] } },
      });
      return { code: 50079, claims, args };
    }
    const claims = JSON.stringify({
      access_token: { capolids: { essential: true, values: [policy.id] } },
    });
    return { code: 50076, suberror: 'basic_action', claims, args };
  },
};

/** The OBO-specific checks before the target checks. */
export const ASSERTION_CHECKS: readonly Check[] = [
  requestedTokenUse,
  assertionPresent,
  assertionWellFormed,
  assertionImplicitIdTokenWildcard,
  assertionNotIdToken,
  assertionSignature,
  assertionNotExpired,
  assertionAudience,
  assertionIsDelegated,
];
