// The request rows of the authorize table: what GET /authorize checks before anyone is asked anything.
import {
  findApplication,
  findServicePrincipal,
  findTenant,
  parseScopeValue,
} from '../../../directory/directory';
import { safeDecodeURIComponent } from '../../../http/message';
import { resolveRequestedResources } from '../consent';
import { matchRedirectUri } from '../reply-url';
import type { AuthorizeCheck } from './context';
import { failure } from './context';
import { AUTHORIZE_SOURCES as S } from './sources';

/** The `{tenant}` segment names a known tenant, or is `common` / `organizations` (AADSTS90002). */
export const tenantExists: AuthorizeCheck = {
  name: 'tenant-exists',
  phase: 'request',
  rule: 'The {tenant} in the URL is a tenant GUID or verified domain the authority knows, or common / organizations (the signed-in user then picks the tenant).',
  source: S.authCodeRequest,
  run: (ctx) => {
    if (ctx.multiTenant) return undefined;
    ctx.tenant = findTenant(ctx.env.directory, safeDecodeURIComponent(ctx.tenantSegment));
    return ctx.tenant ? undefined : failure(90002, { tenant: ctx.tenantSegment });
  },
};

/** `client_id` is in the query (AADSTS900144, an error page: nobody to redirect to yet). */
export const clientIdPresent: AuthorizeCheck = {
  name: 'client-id-present',
  phase: 'request',
  rule: "The request carries 'client_id' (RFC 6749 section 4.1.1).",
  source: S.authCodeRequest,
  run: (ctx) => {
    ctx.clientId = ctx.query.get('client_id') ?? '';
    return ctx.clientId ? undefined : failure(900144, { parameter: 'client_id' });
  },
};

/**
 * The app exists and is usable in the tenant: a service principal there, or a multi-tenant app
 * that consent will provision (AADSTS700016); on common / organizations only multi-tenant apps
 * (AADSTS50194).
 */
export const clientRegistered: AuthorizeCheck = {
  name: 'client-registered',
  phase: 'request',
  rule: 'client_id is an app registration usable in this tenant: it has a service principal here, or it is multi-tenant (consent creates the service principal); common and organizations accept only multi-tenant apps.',
  source: S.appObjects,
  run: (ctx) => {
    const clientId = ctx.clientId ?? '';
    const { directory } = ctx.env;
    const client = findApplication(directory, clientId);
    // A multi-tenant app without a service principal here is still known: consent will create it.
    const provisionable = client && client.signInAudience !== 'AzureADMyOrg';
    if (
      !client ||
      (ctx.tenant && !findServicePrincipal(directory, ctx.tenant.id, clientId) && !provisionable)
    )
      return failure(700016, { clientId, tenant: ctx.tenantSegment });
    if (ctx.multiTenant && !provisionable)
      return failure(50194, { appId: client.appId, appName: client.displayName });
    ctx.client = client;
    return undefined;
  },
};

/**
 * `redirect_uri` (default: the first registered web, then SPA URI) matches a registration
 * (AADSTS50011, or AADSTS90102 when not absolute): an error page, never a redirect.
 */
export const redirectUriRegistered: AuthorizeCheck = {
  name: 'redirect-uri-registered',
  phase: 'request',
  rule: "redirect_uri matches a URI registered on the app (exact string, or an allowed wildcard); otherwise the authority shows an error page and never redirects, since the address could be an attacker's.",
  source: S.replyUrl,
  run: (ctx) => {
    const client = ctx.client;
    if (!client) return failure(700016, { clientId: ctx.clientId ?? '' });
    const redirectUri =
      ctx.query.get('redirect_uri') ??
      client.web.redirectUris[0] ??
      client.spa.redirectUris[0] ??
      '';
    const match = matchRedirectUri(client, redirectUri);
    if (!match.ok) {
      return match.reason === 'not-absolute'
        ? failure(90102)
        : failure(50011, { redirectUri, appId: client.appId });
    }
    ctx.redirectUri = redirectUri;
    ctx.reply = match;
    return undefined;
  },
};

/** The response_type combinations the authorize endpoint serves (the v2.0 discovery document's list, plus `token`). */
const SUPPORTED_RESPONSE_TYPES = ['code', 'id_token', 'code id_token', 'id_token token', 'token'];

/**
 * `response_type` is `code`, `id_token`, `code id_token`, or the implicit grant's `token` /
 * `id_token token` (AADSTS900144 when absent, AADSTS9002313 otherwise, in any order of the
 * words); an ID token only if the app enabled ID token issuance (AADSTS700054), an access token
 * only if it enabled access token issuance (AADSTS700051), both in `web.implicitGrantSettings`;
 * tokens never with `response_mode=query` (AADSTS70007).
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-implicit-grant-flow
 * @see https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html#Security
 */
export const responseTypeAllowed: AuthorizeCheck = {
  name: 'response-type-allowed',
  phase: 'request',
  rule: "response_type is 'code', 'id_token', 'code id_token', or the implicit grant's 'token' / 'id_token token'; an ID token or an access token from the authorize endpoint must each be enabled on the app registration (implicitGrantSettings: enableIdTokenIssuance, enableAccessTokenIssuance), and never travels in the query string (response_mode=query).",
  source: S.authCodeRequest,
  run: (ctx) => {
    const types = ctx.responseType;
    if (types.length === 0) return failure(900144, { parameter: 'response_type' });
    const combination = ['code', 'id_token', 'token'].filter((t) => types.includes(t)).join(' ');
    if (
      types.some((t) => t !== 'code' && t !== 'id_token' && t !== 'token') ||
      !SUPPORTED_RESPONSE_TYPES.includes(combination)
    )
      return failure(9002313, {
        detail: `response_type '${types.join(' ')}' is not supported here.`,
      });
    const settings = ctx.client?.web.implicitGrantSettings;
    if (types.includes('id_token') && !settings?.enableIdTokenIssuance) return failure(700054);
    if (types.includes('token') && !settings?.enableAccessTokenIssuance) return failure(700051);
    if (ctx.responseMode === 'query' && (types.includes('id_token') || types.includes('token')))
      return failure(70007);
    return undefined;
  },
};

/** A request for an ID token carries a `nonce` (AADSTS900144). */
export const noncePresent: AuthorizeCheck = {
  name: 'nonce-present',
  phase: 'request',
  rule: "A request for an ID token carries a 'nonce', which the ID token repeats so the app can detect a replay.",
  source: S.oidcNonce,
  run: (ctx) =>
    ctx.responseType.includes('id_token') && !ctx.nonce
      ? failure(900144, { parameter: 'nonce' })
      : undefined,
};

/**
 * v2.0: `scope` is present and every resource it names is known; v1.0: `resource` (or `scope`)
 * (AADSTS900144 when absent, AADSTS70011 for an unknown resource).
 */
export const scopesKnown: AuthorizeCheck = {
  name: 'scopes-known',
  phase: 'request',
  rule: "The request names what it wants: 'scope' values (v2.0) or 'resource' (v1.0), and every resource they name is an API the authority knows.",
  source: S.scopes,
  run: (ctx) => {
    const scopeValues = (ctx.query.get('scope') ?? '').split(' ').filter(Boolean);
    // v1.0 names the target with `resource` (and `scope=openid`); v2.0 with scope values.
    const v1Resource = ctx.endpoint === 'v1' ? ctx.query.get('resource') : null;
    if (scopeValues.length === 0 && !v1Resource)
      return failure(900144, { parameter: ctx.endpoint === 'v1' ? 'resource' : 'scope' });
    ctx.resourceScopes = v1Resource ? [{ resource: v1Resource, permission: '.default' }] : [];
    ctx.oidcScopes = [];
    for (const value of scopeValues) {
      const parsed = parseScopeValue(value);
      if (parsed.kind === 'oidc') ctx.oidcScopes.push(parsed.value);
      else ctx.resourceScopes.push({ resource: parsed.resource, permission: parsed.permission });
    }
    const { unknown } = resolveRequestedResources(ctx.env.directory, ctx.resourceScopes);
    return unknown.length > 0 ? failure(70011, { scope: unknown.join(' ') }) : undefined;
  },
};

/** `code_challenge_method` is `S256` or `plain` (the default with a challenge) (AADSTS9002313). */
export const pkceChallengeValid: AuthorizeCheck = {
  name: 'pkce-challenge-valid',
  phase: 'request',
  rule: "code_challenge_method is 'S256' or 'plain' ('plain' when a code_challenge comes without a method).",
  source: S.pkce,
  run: (ctx) => {
    const method =
      ctx.query.get('code_challenge_method') ??
      (ctx.query.get('code_challenge') ? 'plain' : undefined);
    if (method !== undefined && method !== 'S256' && method !== 'plain')
      return failure(9002313, {
        detail: `code_challenge_method '${method}' is not supported; use S256.`,
      });
    if (method !== undefined) ctx.codeChallengeMethod = method;
    return undefined;
  },
};
