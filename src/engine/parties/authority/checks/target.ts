// Checks on what the token is for: `scope` (v2) or `resource` (v1), one resource, registered and provisioned.
import {
  assignedApplicationRoles,
  findApplication,
  findApplicationByResource,
  findScope,
  findServicePrincipal,
  parseScopeValue,
} from '../../../directory/directory';
import { consentedScopesFor } from '../consent';
import type { Check, TokenContext } from './check';

interface Target {
  identifier: string;
  permissions: string[];
}

/** Reads the requested resources: v2 groups `scope` values by resource prefix; v1 reads `resource`. */
function readTargets(ctx: TokenContext): Target[] {
  if (ctx.endpoint === 'v1') {
    const resource = ctx.form.get('resource') ?? '';
    return resource ? [{ identifier: resource, permissions: ['.default'] }] : [];
  }
  const targets = new Map<string, Target>();
  for (const value of (ctx.form.get('scope') ?? '').split(' ').filter(Boolean)) {
    const parsed = parseScopeValue(value);
    if (parsed.kind === 'oidc') {
      ctx.oidcScopes.add(parsed.value);
      continue;
    }
    const key = parsed.resource.toLowerCase().replace(/\/$/, '');
    const target = targets.get(key) ?? { identifier: parsed.resource, permissions: [] };
    target.permissions.push(parsed.permission);
    targets.set(key, target);
  }
  return [...targets.values()];
}

/** v2 takes `scope` and refuses `resource` (AADSTS901002); v1 takes `resource`; missing = AADSTS900144. */
export const targetParameterPresent: Check = {
  name: 'target-parameter-present',
  rule: 'v2.0 names the target with scope (resource is refused); v1.0 with resource.',
  run: (ctx) => {
    if (ctx.endpoint === 'v2') {
      if (ctx.form.has('resource')) return { code: 901002 };
      return ctx.form.get('scope') ? undefined : { code: 900144, args: { parameter: 'scope' } };
    }
    return ctx.form.get('resource') ? undefined : { code: 900144, args: { parameter: 'resource' } };
  },
};

/** All requested scopes belong to exactly one resource (AADSTS700022 for several, 70011 for none). */
export const scopeSingleResource: Check = {
  name: 'scope-single-resource',
  rule: 'One token request targets exactly one resource.',
  run: (ctx) => {
    const targets = readTargets(ctx);
    const scope = ctx.form.get('scope') ?? ctx.form.get('resource') ?? '';
    if (targets.length > 1) return { code: 700022, args: { scope } };
    if (targets.length === 0) return { code: 70011, args: { scope } };
    return undefined;
  },
};

/** Client credentials ask for `{resource}/.default` only (AADSTS1002012). */
export const scopeIsDefault: Check = {
  name: 'scope-is-default',
  rule: 'Client credentials requests use {resource}/.default: an app gets the application permissions an admin granted, not chosen scopes.',
  run: (ctx) => {
    const [target] = readTargets(ctx);
    if (!target || (target.permissions.length === 1 && target.permissions[0] === '.default'))
      return undefined;
    return {
      code: 1002012,
      args: { scope: ctx.form.get('scope') ?? '', resource: target.identifier },
    };
  },
};

/** The resource identifier names a registered app (v2: AADSTS70011, v1: AADSTS500011). */
export const resourceRegistered: Check = {
  name: 'resource-registered',
  rule: 'The resource is the app id or an App ID URI of a registered API.',
  run: (ctx) => {
    const [target] = readTargets(ctx);
    if (!target) return undefined;
    const app = findApplicationByResource(ctx.env.directory, target.identifier);
    if (app) return undefined;
    const scope = ctx.form.get('scope') ?? '';
    return ctx.endpoint === 'v2'
      ? { code: 70011, args: { scope } }
      : { code: 500011, args: { resource: target.identifier, tenant: ctx.tenantSegment } };
  },
};

/** An app naming itself as the resource must use its GUID, not an App ID URI (AADSTS90009). */
export const notTokenForItself: Check = {
  name: 'not-token-for-itself',
  rule: 'An app asking for a token for itself names itself by GUID, not by App ID URI.',
  run: (ctx) => {
    const [target] = readTargets(ctx);
    const app = target && findApplicationByResource(ctx.env.directory, target.identifier);
    if (!target || !app || !ctx.client || app.appId !== ctx.client.appId) return undefined;
    if (target.identifier.toLowerCase() === app.appId) return undefined;
    return { code: 90009, args: { appId: app.appId, appName: app.displayName } };
  },
};

/** The resource has a service principal in the tenant (AADSTS500011); resolves `ctx.resource`. */
export const resourceProvisioned: Check = {
  name: 'resource-provisioned',
  rule: 'The resource API has a service principal in this tenant.',
  run: (ctx) => {
    const [target] = readTargets(ctx);
    const app = target && findApplicationByResource(ctx.env.directory, target.identifier);
    if (!target || !app) return undefined;
    const sp = findServicePrincipal(ctx.env.directory, ctx.tenant?.id ?? '', app.appId);
    if (!sp)
      return { code: 500011, args: { resource: target.identifier, tenant: ctx.tenantSegment } };
    ctx.resource = { app, sp, identifier: target.identifier, permissions: target.permissions };
    return undefined;
  },
};

/** With `appRoleAssignmentRequired`, an app-only caller needs an app role (AADSTS50105). */
export const appRoleAssignment: Check = {
  name: 'app-role-assignment',
  rule: 'If the API requires assignment, the client holds at least one of its app roles.',
  run: (ctx) => {
    const { resource, clientSp, client } = ctx;
    if (!resource || !clientSp || !resource.sp.appRoleAssignmentRequired) return undefined;
    if (assignedApplicationRoles(ctx.env.directory, clientSp, resource.sp, resource.app).length > 0)
      return undefined;
    return {
      code: 50105,
      args: {
        resourceName: resource.app.displayName,
        resourceAppId: resource.app.appId,
        principal: client?.displayName ?? '',
      },
    };
  },
};

/** Every explicitly requested delegated permission is exposed by the resource (AADSTS70011). */
export const scopesExposed: Check = {
  name: 'scopes-exposed',
  rule: 'Each requested permission is a scope the API exposes (api.oauth2PermissionScopes).',
  run: (ctx) => {
    const resource = ctx.resource;
    if (!resource) return undefined;
    for (const permission of resource.permissions) {
      if (permission === '.default') continue;
      if (!findScope(resource.app, permission)) {
        return { code: 70011, args: { scope: `${resource.identifier}/${permission}` } };
      }
    }
    if (resource.permissions.includes('.default') && resource.permissions.length > 1) {
      return { code: 70011, args: { scope: ctx.form.get('scope') ?? '' } };
    }
    return undefined;
  },
};

/** The target checks shared by all grants, in order. */
export const TARGET_CHECKS: readonly Check[] = [
  targetParameterPresent,
  scopeSingleResource,
  resourceRegistered,
  notTokenForItself,
  resourceProvisioned,
];

/** The resource a code or refresh token was granted for and the scopes of that grant, by app id. */
function grantedByRedemption(ctx: TokenContext): {
  defaultAppId?: string;
  scopesOf(appId: string): string[];
} {
  if (ctx.code) {
    const byResource = ctx.code.scopesByResource;
    return {
      defaultAppId: Object.keys(byResource)[0],
      scopesOf: (appId) => byResource[appId] ?? [],
    };
  }
  const record = ctx.refresh?.record;
  return {
    ...(record?.resourceAppId ? { defaultAppId: record.resourceAppId } : {}),
    // The refresh checks already narrowed the grant's scopes to those still consented.
    scopesOf: (appId) =>
      record && appId === record.resourceAppId ? (ctx.grantedScopes ?? record.scopes) : [],
  };
}

/** The first resource the request names: v2 the first resource scope of `scope`, v1 `resource`. */
function firstNamedResource(ctx: TokenContext): Target | undefined {
  if (ctx.endpoint === 'v1') {
    const resource = ctx.form.get('resource');
    return resource ? { identifier: resource, permissions: ['.default'] } : undefined;
  }
  let first: Target | undefined;
  for (const value of (ctx.form.get('scope') ?? '').split(' ').filter(Boolean)) {
    const parsed = parseScopeValue(value);
    if (parsed.kind === 'oidc') continue;
    first ??= { identifier: parsed.resource, permissions: [] };
    if (
      first.identifier.toLowerCase().replace(/\/$/, '') ===
      parsed.resource.toLowerCase().replace(/\/$/, '')
    )
      first.permissions.push(parsed.permission);
  }
  return first;
}

/**
 * Code and refresh token redemption: the token is for the first resource named in `scope` (v1:
 * `resource`), or without one for the resource of the grant; it carries the grant's scopes on
 * its own resource, and on any other resource the scopes the user (or an admin) consented to for
 * this client. Every explicitly requested scope must be granted, and the result must not be empty:
 * otherwise AADSTS65001 (`invalid_grant`, suberror `consent_required`), never a token with an
 * empty `scp`. Unknown resources: AADSTS70011 (v2) / 500011 (v1 and unprovisioned). Resolves
 * `ctx.resource` and `ctx.grantedScopes`. A redemption without any resource (sign-in only) passes.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#refresh-the-access-token
 */
export const redeemedResourceConsented: Check = {
  name: 'resource-consented',
  rule: 'A code or refresh token is redeemed only for a resource the user consented to for this client (a refresh token works for any of them), with consented scopes only.',
  run: (ctx) => {
    const { env, client, tenant } = ctx;
    if (!client || !tenant) return undefined;
    const userId = ctx.code?.userId ?? ctx.refresh?.record.userId ?? '';
    const grant = grantedByRedemption(ctx);
    const named = firstNamedResource(ctx);
    const app = named
      ? findApplicationByResource(env.directory, named.identifier)
      : grant.defaultAppId
        ? findApplication(env.directory, grant.defaultAppId)
        : undefined;
    if (!named && !app) return undefined;
    if (!app) {
      const identifier = named?.identifier ?? '';
      return ctx.endpoint === 'v2'
        ? { code: 70011, args: { scope: ctx.form.get('scope') ?? '' } }
        : { code: 500011, args: { resource: identifier, tenant: ctx.tenantSegment } };
    }
    const identifier = named?.identifier ?? app.identifierUris[0] ?? app.appId;
    const sp = findServicePrincipal(env.directory, tenant.id, app.appId);
    if (!sp) return { code: 500011, args: { resource: identifier, tenant: ctx.tenantSegment } };
    const ofGrant = grant.scopesOf(app.appId);
    const consented = consentedScopesFor(env.directory, tenant.id, client, app, userId);
    const explicit = (named?.permissions ?? []).filter((p) => p !== '.default');
    const pool = new Set([...ofGrant, ...consented]);
    const missing = explicit.filter((p) => !pool.has(p));
    const scopes =
      ofGrant.length > 0
        ? [...new Set([...ofGrant, ...explicit])]
        : explicit.length > 0
          ? explicit
          : consented;
    if (missing.length > 0 || scopes.length === 0) {
      return {
        code: 65001,
        suberror: 'consent_required',
        args: {
          clientId: client.appId,
          clientName: client.displayName,
          resourceName: app.displayName,
          scopes: (missing.length > 0 ? missing : explicit).join(' ') || `${identifier}/.default`,
        },
      };
    }
    ctx.resource = {
      app,
      sp,
      identifier,
      permissions: named?.permissions.length ? named.permissions : ['.default'],
    };
    ctx.grantedScopes = scopes;
    return undefined;
  },
};
