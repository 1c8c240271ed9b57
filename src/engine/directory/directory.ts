// Directory look-ups the authority's checks use: tenants, apps, service principals, grants.
import type {
  AppRegistration,
  Directory,
  PermissionScope,
  ServicePrincipal,
  Tenant,
  User,
} from './model';

/** Finds a tenant by GUID or verified domain (case-insensitive), as the `{tenant}` path segment allows. */
export function findTenant(directory: Directory, segment: string): Tenant | undefined {
  const wanted = segment.toLowerCase();
  return directory.tenants.find(
    (t) => t.id === wanted || t.domains.some((d) => d.toLowerCase() === wanted),
  );
}

/**
 * Whether a `{tenant}` path segment is a multi-tenant endpoint (`common`, `organizations`) rather
 * than a tenant: the tenant is then the signed-in user's, or implied by the grant.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-protocols#endpoints
 */
export function isMultiTenantSegment(segment: string): boolean {
  const s = segment.toLowerCase();
  return s === 'common' || s === 'organizations';
}

/** Finds an app registration by `appId` (GUID). */
export function findApplication(directory: Directory, appId: string): AppRegistration | undefined {
  return directory.applications.find((a) => a.appId === appId);
}

/** Finds the service principal of `appId` in `tenantId`. */
export function findServicePrincipal(
  directory: Directory,
  tenantId: string,
  appId: string,
): ServicePrincipal | undefined {
  return directory.servicePrincipals.find((sp) => sp.tenantId === tenantId && sp.appId === appId);
}

/** Finds a user by object id. */
export function findUser(directory: Directory, userId: string): User | undefined {
  return directory.users.find((u) => u.id === userId);
}

/**
 * Resolves a resource identifier as used in `scope` prefixes and v1 `resource`: the app GUID or
 * one of its `identifierUris` (compared case-insensitively, ignoring one trailing slash);
 * `spn:<identifier>` names an identifier without a URI scheme (a SAML entity ID such as `testapp`).
 * @see https://learn.microsoft.com/entra/identity-platform/scopes-oidc
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#saml-assertions-obtained-with-an-oauth20-obo-flow
 */
export function findApplicationByResource(
  directory: Directory,
  resource: string,
): AppRegistration | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/\/$/, '');
  const wanted = norm(resource);
  // `spn:testapp` addresses the identifier `testapp` (an entity ID without a URI scheme).
  const spn = /^spn:/.test(wanted) ? wanted.slice(4) : undefined;
  return directory.applications.find(
    (a) =>
      a.appId === wanted ||
      a.identifierUris.some(
        (uri) =>
          norm(uri) === wanted ||
          (spn !== undefined && !/^[a-z][a-z0-9+.-]*:/.test(norm(uri)) && norm(uri) === spn),
      ),
  );
}

/**
 * Splits a v2 scope value into resource and permission: `api://orders/Orders.Read` gives
 * `{ resource: 'api://orders', permission: 'Orders.Read' }`. A bare value (`User.Read`) means
 * Microsoft Graph; OIDC scopes (`openid`, `profile`, `email`, `offline_access`) are `oidc`.
 * @see https://learn.microsoft.com/entra/identity-platform/scopes-oidc
 */
export function parseScopeValue(
  scope: string,
): { kind: 'oidc'; value: string } | { kind: 'resource'; resource: string; permission: string } {
  if (OIDC_SCOPES.has(scope)) return { kind: 'oidc', value: scope };
  const slash = scope.lastIndexOf('/');
  if (slash <= 0)
    return { kind: 'resource', resource: 'https://graph.microsoft.com', permission: scope };
  return { kind: 'resource', resource: scope.slice(0, slash), permission: scope.slice(slash + 1) };
}

/** Microsoft Graph's app id and resource identifier. */
export const MICROSOFT_GRAPH = {
  appId: '00000003-0000-0000-c000-000000000000',
  resource: 'https://graph.microsoft.com',
} as const;

/**
 * Whether a token's `aud` names Microsoft Graph. Graph tokens are for Graph only: third parties
 * cannot validate them and must treat them as opaque (access-tokens doc).
 * @see https://learn.microsoft.com/entra/identity-platform/access-tokens
 */
export function isMicrosoftGraphAudience(aud: unknown): boolean {
  if (typeof aud !== 'string') return false;
  const norm = aud.toLowerCase().replace(/\/$/, '');
  return norm === MICROSOFT_GRAPH.appId || norm === MICROSOFT_GRAPH.resource;
}

/** The OpenID Connect scopes, which name no resource (OpenID Connect Core section 5.4). */
export const OIDC_SCOPES: ReadonlySet<string> = new Set([
  'openid',
  'profile',
  'email',
  'offline_access',
]);

/** The enabled delegated scope named `value` on `app`, if any. */
export function findScope(app: AppRegistration, value: string): PermissionScope | undefined {
  return app.api.oauth2PermissionScopes.find((s) => s.isEnabled && s.value === value);
}

/**
 * The delegated scopes `client` holds on `resource` for `user` in `tenantId`: tenant-wide
 * (`AllPrincipals`) grants, the user's own (`Principal`) grants, and the resource's
 * `preAuthorizedApplications` entries for the client.
 * @see https://learn.microsoft.com/graph/api/resources/oauth2permissiongrant
 */
export function grantedDelegatedScopes(
  directory: Directory,
  tenantId: string,
  client: AppRegistration,
  resource: AppRegistration,
  userId: string,
): { consented: Set<string>; preAuthorized: Set<string> } {
  const clientSp = findServicePrincipal(directory, tenantId, client.appId);
  const resourceSp = findServicePrincipal(directory, tenantId, resource.appId);
  const consented = new Set<string>();
  if (clientSp && resourceSp) {
    for (const grant of directory.oauth2PermissionGrants) {
      if (grant.clientId !== clientSp.id || grant.resourceId !== resourceSp.id) continue;
      if (grant.consentType === 'Principal' && grant.principalId !== userId) continue;
      for (const value of grant.scope.split(' ').filter(Boolean)) consented.add(value);
    }
  }
  const preAuthorized = new Set<string>();
  for (const entry of resource.api.preAuthorizedApplications) {
    if (entry.appId !== client.appId) continue;
    for (const id of entry.permissionIds) {
      const scope = resource.api.oauth2PermissionScopes.find((s) => s.id === id && s.isEnabled);
      if (scope) preAuthorized.add(scope.value);
    }
  }
  return { consented, preAuthorized };
}

/**
 * Values of the application permissions (app roles) assigned to `clientSp` on `resourceSp`.
 * @see https://learn.microsoft.com/graph/api/resources/approleassignment
 */
export function assignedApplicationRoles(
  directory: Directory,
  clientSp: ServicePrincipal,
  resourceSp: ServicePrincipal,
  resource: AppRegistration,
): string[] {
  const roles: string[] = [];
  for (const assignment of directory.appRoleAssignments) {
    if (assignment.principalId !== clientSp.id || assignment.resourceId !== resourceSp.id) continue;
    const role = resource.appRoles.find(
      (r) =>
        r.id === assignment.appRoleId &&
        r.isEnabled &&
        r.allowedMemberTypes.includes('Application'),
    );
    if (role) roles.push(role.value);
  }
  return roles;
}

/**
 * Values of the app roles assigned directly to the user `userId` on `resource` in `tenantId`
 * (`appRoleAssignment` with `principalType: 'User'`, roles whose `allowedMemberTypes` include
 * `'User'`). Delegated tokens for `resource` carry them in `roles`: roles stay attached to the
 * user, so they show up whichever client (or middle tier) asked for the token.
 * @see https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference
 * @see https://learn.microsoft.com/graph/api/resources/approleassignment
 */
export function assignedUserRoles(
  directory: Directory,
  tenantId: string,
  userId: string,
  resource: AppRegistration,
): string[] {
  const resourceSp = findServicePrincipal(directory, tenantId, resource.appId);
  if (!resourceSp) return [];
  const roles: string[] = [];
  for (const assignment of directory.appRoleAssignments) {
    if (assignment.principalType !== 'User' || assignment.principalId !== userId) continue;
    if (assignment.resourceId !== resourceSp.id) continue;
    const role = resource.appRoles.find(
      (r) => r.id === assignment.appRoleId && r.isEnabled && r.allowedMemberTypes.includes('User'),
    );
    if (role && !roles.includes(role.value)) roles.push(role.value);
  }
  return roles;
}
