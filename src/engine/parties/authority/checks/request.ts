// Checks every token request passes first: method, tenant, grant type, client registration.
import {
  findApplication,
  findServicePrincipal,
  findTenant,
  findUser,
  isMultiTenantSegment,
} from '../../../directory/directory';
import type { Tenant } from '../../../directory/model';
import type { Check, TokenContext } from './check';

/** Grant types the token endpoint implements (RFC 6749 section 4, RFC 7523 section 2.1). */
export const SUPPORTED_GRANT_TYPES: ReadonlySet<string> = new Set([
  'client_credentials',
  'urn:ietf:params:oauth:grant-type:jwt-bearer',
  'authorization_code',
  'refresh_token',
]);

/** `POST` only (RFC 6749 section 3.2); a GET gets AADSTS900561. */
export const methodIsPost: Check = {
  name: 'method-is-post',
  rule: 'The token endpoint accepts only POST (RFC 6749 section 3.2).',
  run: (ctx) =>
    ctx.request.method === 'POST'
      ? undefined
      : { code: 900561, args: { method: ctx.request.method } },
};

/**
 * The tenant a grant implies on `/common` or `/organizations`: the tenant of the sign-in behind an
 * authorization code or a refresh token. App-only grants imply none.
 */
function tenantImpliedByGrant(ctx: TokenContext): Tenant | undefined {
  const { env, form } = ctx;
  const grantType = form.get('grant_type');
  if (grantType === 'authorization_code') {
    const record = env.codes.get(form.get('code') ?? '');
    return record ? findTenant(env.directory, record.flow.tenantId) : undefined;
  }
  if (grantType === 'refresh_token') {
    const record = env.refreshTokens.get(form.get('refresh_token') ?? '');
    const user = record && findUser(env.directory, record.userId);
    return user ? findTenant(env.directory, user.tenantId) : undefined;
  }
  return undefined;
}

/**
 * The `{tenant}` path segment names a known tenant (GUID or verified domain); else AADSTS90002.
 * On `common` / `organizations` the tenant must be implied by the grant (a code or refresh token
 * from a user's sign-in); client credentials and OBO there get AADSTS50059.
 */
export const tenantExists: Check = {
  name: 'tenant-exists',
  rule: 'The {tenant} in the URL is a tenant GUID or verified domain the authority knows (on common or organizations, the grant must imply the tenant: a user sign-in does, an app-only request does not).',
  run: (ctx) => {
    if (isMultiTenantSegment(ctx.tenantSegment)) {
      ctx.tenant = tenantImpliedByGrant(ctx);
      return ctx.tenant
        ? undefined
        : { code: 50059, args: { grantType: ctx.form.get('grant_type') ?? 'this request' } };
    }
    ctx.tenant = findTenant(ctx.env.directory, ctx.tenantSegment);
    return ctx.tenant ? undefined : { code: 90002, args: { tenant: ctx.tenantSegment } };
  },
};

/** `grant_type` is in the body (a query-string copy does not count); else AADSTS900144. */
export const grantTypePresent: Check = {
  name: 'grant-type-present',
  rule: "The body carries 'grant_type' (RFC 6749 section 4.4.2; the query string does not count).",
  run: (ctx) =>
    ctx.form.get('grant_type') ? undefined : { code: 900144, args: { parameter: 'grant_type' } },
};

/** `grant_type` is one the endpoint supports; else AADSTS70003. */
export const grantTypeSupported: Check = {
  name: 'grant-type-supported',
  rule: 'grant_type is one the endpoint implements.',
  run: (ctx) => {
    const grantType = ctx.form.get('grant_type') ?? '';
    return SUPPORTED_GRANT_TYPES.has(grantType) ? undefined : { code: 70003, args: { grantType } };
  },
};

/** `client_id` is in the body or the Basic header; else AADSTS900144. */
export const clientIdPresent: Check = {
  name: 'client-id-present',
  rule: "The client is identified: 'client_id' in the body, or in the HTTP Basic header (RFC 6749 section 2.3.1).",
  run: (ctx) => {
    ctx.clientId = ctx.form.get('client_id') ?? ctx.basic?.clientId;
    return ctx.clientId ? undefined : { code: 900144, args: { parameter: 'client_id' } };
  },
};

/** The client app exists and has a service principal in the tenant; else AADSTS700016. */
export const clientRegistered: Check = {
  name: 'client-registered',
  rule: 'The client_id is an app registration with a service principal in this tenant.',
  run: (ctx) => {
    const clientId = ctx.clientId ?? '';
    const tenantId = ctx.tenant?.id ?? '';
    ctx.client = findApplication(ctx.env.directory, clientId);
    ctx.clientSp = findServicePrincipal(ctx.env.directory, tenantId, clientId);
    if (ctx.client && ctx.clientSp) return undefined;
    return { code: 700016, args: { clientId, tenant: ctx.tenantSegment } };
  },
};

/** The checks every token request passes before its grant's own checks. */
export const REQUEST_CHECKS: readonly Check[] = [
  methodIsPost,
  tenantExists,
  grantTypePresent,
  grantTypeSupported,
  clientIdPresent,
  clientRegistered,
];
