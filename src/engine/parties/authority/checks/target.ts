// Checks on what the token is for: `scope` (v2) or `resource` (v1), one resource, registered and provisioned.
import {
  assignedApplicationRoles,
  findApplicationByResource,
  findScope,
  findServicePrincipal,
  parseScopeValue,
} from '../../../directory/directory';
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
