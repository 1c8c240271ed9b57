// Checks of the authorization_code and refresh_token grants: single-use codes, PKCE, redirect URI, refresh token life.
import { sha256Base64Url } from '../../../crypto';
import { formatAadTimestamp } from '../../../core/clock';
import {
  findApplication,
  findServicePrincipal,
  grantedDelegatedScopes,
} from '../../../directory/directory';
import { DOCS } from '../../../errors/docs';
import { getHeader } from '../../../http/message';
import type { Check } from './check';
import { CLIENT_AUTH_CHECKS } from './client-auth';

/** Refresh tokens expire after 90 days without use (the platform's inactivity lifetime), in seconds. */
export const REFRESH_TOKEN_MAX_INACTIVE_SECONDS = 90 * 24 * 3600;

/** `code` is in the body (AADSTS900144). */
export const codePresent: Check = {
  name: 'code-present',
  rule: "The body carries the authorization 'code' (RFC 6749 section 4.1.3).",
  run: (ctx) => (ctx.form.get('code') ? undefined : { code: 900144, args: { parameter: 'code' } }),
};

/** `redirect_uri` is in the body (AADSTS900144). */
export const redirectUriPresent: Check = {
  name: 'redirect-uri-present',
  rule: "The body repeats the 'redirect_uri' of the authorize request (RFC 6749 section 4.1.3).",
  run: (ctx) =>
    ctx.form.get('redirect_uri')
      ? undefined
      : { code: 900144, args: { parameter: 'redirect_uri' } },
};

/** The code was issued by this authority (AADSTS70000). */
export const codeValid: Check = {
  name: 'code-valid',
  rule: 'The code is one this authority issued.',
  run: (ctx) => {
    const record = ctx.env.codes.get(ctx.form.get('code') ?? '');
    if (!record)
      return { code: 70000, args: { detail: 'The authorization code is unknown or malformed.' } };
    ctx.code = record;
    return undefined;
  },
};

/** Codes are single use (AADSTS54005). */
export const codeNotRedeemed: Check = {
  name: 'code-not-redeemed',
  rule: 'A code is redeemed at most once (RFC 6749 section 4.1.2).',
  run: (ctx) => (ctx.code?.redeemed ? { code: 54005 } : undefined),
};

/** Codes live about ten minutes (AADSTS70008). */
export const codeNotExpired: Check = {
  name: 'code-not-expired',
  rule: 'The code is redeemed within its lifetime (about 10 minutes).',
  run: (ctx) => (ctx.code && ctx.code.expiresAt <= ctx.env.clock.now ? { code: 70008 } : undefined),
};

/** The code was issued to this client (AADSTS70000). */
export const codeClientMatches: Check = {
  name: 'code-client-matches',
  rule: 'The code was issued to the client redeeming it.',
  run: (ctx) =>
    ctx.code && ctx.code.flow.clientAppId !== ctx.clientId
      ? { code: 70000, args: { detail: 'The code was issued to another client.' } }
      : undefined,
};

/** `redirect_uri` equals the authorize request's (AADSTS500112). */
export const redirectUriMatches: Check = {
  name: 'redirect-uri-matches',
  rule: 'redirect_uri is identical to the one of the authorize request (RFC 6749 section 4.1.3).',
  run: (ctx) => {
    const sent = ctx.form.get('redirect_uri') ?? '';
    const expected = ctx.code?.flow.redirectUri ?? '';
    return sent === expected
      ? undefined
      : { code: 500112, args: { tokenRedirectUri: sent, authorizeRedirectUri: expected } };
  },
};

/**
 * A code issued to a `spa` redirect URI is redeemed cross-origin, from the browser (an `Origin`
 * header; AADSTS9002327 without one); a code issued to a `web` redirect URI is not (AADSTS9002326
 * with one). Public-client (`publicClient`) codes may come either way.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#redirect-uris-for-single-page-apps-spas
 */
export const codeRedemptionOrigin: Check = {
  name: 'code-redemption-origin',
  rule: "A code issued to a redirect URI of the spa platform is redeemed by the single-page app's JavaScript, cross-origin (with an Origin header); a code issued to a web redirect URI is redeemed server to server (no Origin).",
  source: DOCS.spaCode,
  run: (ctx) => {
    const platform = ctx.code?.flow.platform;
    const origin = getHeader(ctx.request.headers, 'Origin');
    if (platform === 'spa' && !origin) return { code: 9002327 };
    if (platform === 'web' && origin) return { code: 9002326 };
    return undefined;
  },
};

/** PKCE: `BASE64URL(SHA256(code_verifier)) == code_challenge` (RFC 7636 section 4.6); AADSTS501481 / 900144. */
export const pkceVerifier: Check = {
  name: 'pkce-verifier',
  rule: 'With PKCE, the code_verifier hashes (S256) to the code_challenge of the authorize request (RFC 7636 section 4.6).',
  run: async (ctx) => {
    const flow = ctx.code?.flow;
    if (!flow?.codeChallenge) return undefined;
    const verifier = ctx.form.get('code_verifier');
    if (!verifier) return { code: 900144, args: { parameter: 'code_verifier' } };
    const derived =
      flow.codeChallengeMethod === 'S256' ? await sha256Base64Url(verifier) : verifier;
    return derived === flow.codeChallenge ? undefined : { code: 501481 };
  },
};

/** Client authentication, required only for codes sent to `web` redirect URIs (confidential clients). */
export const CODE_CLIENT_AUTH_CHECKS: readonly Check[] = CLIENT_AUTH_CHECKS.map((check) => ({
  ...check,
  run: (ctx) => (ctx.code && ctx.code.flow.platform !== 'web' ? undefined : check.run(ctx)),
}));

/** `refresh_token` is in the body (AADSTS900144). */
export const refreshTokenPresent: Check = {
  name: 'refresh-token-present',
  rule: "The body carries the 'refresh_token' (RFC 6749 section 6).",
  run: (ctx) =>
    ctx.form.get('refresh_token')
      ? undefined
      : { code: 900144, args: { parameter: 'refresh_token' } },
};

/** The refresh token was issued by this authority to this client (AADSTS70000). */
export const refreshTokenValid: Check = {
  name: 'refresh-token-valid',
  rule: 'The refresh token is one this authority issued to this client.',
  run: (ctx) => {
    const value = ctx.form.get('refresh_token') ?? '';
    const record = ctx.env.refreshTokens.get(value);
    if (!record || record.clientAppId !== ctx.clientId) {
      return {
        code: 70000,
        args: { detail: 'The refresh token is unknown or was issued to another client.' },
      };
    }
    ctx.refresh = { value, record };
    return undefined;
  },
};

/** Unused for 90 days = expired (AADSTS700082). */
export const refreshTokenNotExpired: Check = {
  name: 'refresh-token-not-expired',
  rule: 'The refresh token was used within the last 90 days.',
  run: (ctx) => {
    const record = ctx.refresh?.record;
    if (!record) return undefined;
    const lastUse = record.lastUsedAt ?? record.issuedAt;
    if (ctx.env.clock.now - lastUse <= REFRESH_TOKEN_MAX_INACTIVE_SECONDS) return undefined;
    return { code: 700082, args: { issued: formatAadTimestamp(record.issuedAt) } };
  },
};

/** Revoked when the user's sessions were revoked after issue (AADSTS50173). */
export const refreshTokenNotRevoked: Check = {
  name: 'refresh-token-not-revoked',
  rule: "The refresh token was issued after the user's signInSessionsValidFromDateTime (sessions not revoked since).",
  run: (ctx) => {
    const record = ctx.refresh?.record;
    const user = record ? ctx.env.directory.users.find((u) => u.id === record.userId) : undefined;
    const validFrom = user?.signInSessionsValidFromDateTime;
    if (!record || validFrom === undefined || record.issuedAt >= validFrom) return undefined;
    return {
      code: 50173,
      args: {
        issued: formatAadTimestamp(record.issuedAt),
        validFrom: formatAadTimestamp(validFrom),
      },
    };
  },
};

/** Consent still covers the refreshed scopes (AADSTS65001 with `consent_required`). */
export const refreshConsentStillGranted: Check = {
  name: 'delegated-consent',
  rule: 'The delegated grant behind the refresh token still exists.',
  run: (ctx) => {
    const record = ctx.refresh?.record;
    const client = ctx.client;
    const resource = record?.resourceAppId
      ? findApplication(ctx.env.directory, record.resourceAppId)
      : undefined;
    if (!record || !client || !resource || !ctx.tenant) return undefined;
    if (!findServicePrincipal(ctx.env.directory, ctx.tenant.id, resource.appId)) return undefined;
    const { consented, preAuthorized } = grantedDelegatedScopes(
      ctx.env.directory,
      ctx.tenant.id,
      client,
      resource,
      record.userId,
    );
    const still = record.scopes.filter((s) => consented.has(s) || preAuthorized.has(s));
    if (still.length > 0) {
      ctx.grantedScopes = still;
      return undefined;
    }
    return {
      code: 65001,
      suberror: 'consent_required',
      args: {
        clientId: client.appId,
        clientName: client.displayName,
        resourceName: resource.displayName,
        scopes: record.scopes.join(' '),
      },
    };
  },
};
