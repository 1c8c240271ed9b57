// The consent decision: which delegated permissions a sign-in needs, may prompt for, and records.
import {
  findApplicationByResource,
  findScope,
  findServicePrincipal,
  grantedDelegatedScopes,
} from '../../directory/directory';
import type { AppRegistration, Directory, ServicePrincipal, User } from '../../directory/model';

/** One delegated permission as a consent prompt lists it. */
export interface ConsentItem {
  /** The app that will hold the grant (the client, or a middle tier via combined consent). */
  clientAppId: string;
  clientName: string;
  resourceAppId: string;
  resourceName: string;
  /** Scope value, e.g. `Todo.Read`. */
  scope: string;
  /** Plain-words description for the prompt. */
  description: string;
  /** `permissionScope.type === 'Admin'`: users cannot consent. */
  adminOnly: boolean;
  /** `client` = asked by the signing-in app; `known-client` = bundled from a middle tier's needs. */
  via: 'client' | 'known-client';
  /**
   * `Role` = an application permission (app role, only on the admin consent page); absent or
   * `Scope` = a delegated permission.
   */
  type?: 'Scope' | 'Role';
}

/** What a sign-in needs from consent, per requested resource. */
export interface ConsentEvaluation {
  /** Permissions not yet granted that the user (or an admin) must approve. */
  toPrompt: ConsentItem[];
  /** Of those, the admin-only ones a non-admin cannot approve (AADSTS90094). */
  blockedForUser: ConsentItem[];
  /** Scopes each resource's token will carry once consent is complete (resource app id -> values). */
  scopesByResource: Map<string, string[]>;
}

/** A requested resource and its permissions (`['.default']` for `/.default`). */
export interface RequestedResource {
  app: AppRegistration;
  permissions: string[];
}

function staticScopes(client: AppRegistration, resource: AppRegistration): string[] {
  const entry = client.requiredResourceAccess.find((r) => r.resourceAppId === resource.appId);
  if (!entry) return [];
  return entry.resourceAccess
    .filter((a) => a.type === 'Scope')
    .map(
      (a) => resource.api.oauth2PermissionScopes.find((s) => s.id === a.id && s.isEnabled)?.value,
    )
    .filter((v): v is string => typeof v === 'string');
}

function item(
  client: AppRegistration,
  resource: AppRegistration,
  value: string,
  via: ConsentItem['via'],
): ConsentItem {
  const scope = findScope(resource, value);
  return {
    clientAppId: client.appId,
    clientName: client.displayName,
    resourceAppId: resource.appId,
    resourceName: resource.displayName,
    scope: value,
    description: scope?.userConsentDisplayName ?? scope?.adminConsentDisplayName ?? value,
    adminOnly: scope?.type === 'Admin',
    via,
  };
}

/**
 * Whether `app` has, or can get, a service principal in `tenantId` (an app registered in the tenant,
 * or a multi-tenant app that consent provisions there).
 */
function isProvisionable(directory: Directory, tenantId: string, app: AppRegistration): boolean {
  return (
    Boolean(findServicePrincipal(directory, tenantId, app.appId)) ||
    app.signInAudience !== 'AzureADMyOrg' ||
    app.homeTenantId === tenantId
  );
}

/**
 * Evaluates consent for `user` signing in to `client` asking for `resources`:
 * - explicit scopes: each not granted (user grant, tenant-wide grant or pre-authorization) is prompted;
 * - `/.default`: prompts only if nothing is granted yet for (client, named resource, user), or when
 *   `forcePrompt` (`prompt=consent`). The prompt is then **combined**: whichever API the request
 *   names, it lists every delegated permission in the client's `requiredResourceAccess` not yet
 *   granted, plus, for each API in that list that names the client in
 *   `api.knownClientApplications` (a middle tier), that API's own `requiredResourceAccess` (so a
 *   later OBO call finds its grant). The named resource's token carries its static scopes.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#default-and-combined-consent
 * @see https://learn.microsoft.com/entra/identity-platform/scopes-oidc#the-default-scope
 */
export function evaluateConsent(
  directory: Directory,
  tenantId: string,
  client: AppRegistration,
  user: User,
  resources: RequestedResource[],
  forcePrompt: boolean,
): ConsentEvaluation {
  const toPrompt: ConsentItem[] = [];
  const scopesByResource = new Map<string, string[]>();
  const granted = (holder: AppRegistration, resource: AppRegistration) =>
    grantedDelegatedScopes(directory, tenantId, holder, resource, user.id);
  const prompt = (
    holder: AppRegistration,
    resource: AppRegistration,
    wanted: string[],
    via: ConsentItem['via'],
  ) => {
    const { consented, preAuthorized } = granted(holder, resource);
    for (const value of wanted) {
      const covered = forcePrompt
        ? preAuthorized.has(value)
        : consented.has(value) || preAuthorized.has(value);
      const listed = toPrompt.some(
        (i) =>
          i.clientAppId === holder.appId && i.resourceAppId === resource.appId && i.scope === value,
      );
      if (!covered && !listed) toPrompt.push(item(holder, resource, value, via));
    }
  };
  let combine = false;
  for (const { app: resource, permissions } of resources) {
    if (!permissions.includes('.default')) {
      prompt(client, resource, permissions, 'client');
      scopesByResource.set(resource.appId, permissions);
      continue;
    }
    const { consented, preAuthorized } = granted(client, resource);
    const nothingYet = consented.size === 0;
    if (forcePrompt || nothingYet) {
      combine = true;
      scopesByResource.set(resource.appId, staticScopes(client, resource));
    } else {
      scopesByResource.set(resource.appId, [...new Set([...consented, ...preAuthorized])]);
    }
  }
  if (combine) {
    for (const requirement of client.requiredResourceAccess) {
      const api = directory.applications.find((a) => a.appId === requirement.resourceAppId);
      if (!api || !isProvisionable(directory, tenantId, api)) continue;
      prompt(client, api, staticScopes(client, api), 'client');
      if (!api.api.knownClientApplications.includes(client.appId)) continue;
      for (const downstreamNeed of api.requiredResourceAccess) {
        const downstream = directory.applications.find(
          (a) => a.appId === downstreamNeed.resourceAppId,
        );
        if (!downstream || !findServicePrincipal(directory, tenantId, downstream.appId)) continue;
        prompt(api, downstream, staticScopes(api, downstream), 'known-client');
      }
    }
  }
  const blockedForUser = user.isAdmin ? [] : toPrompt.filter((i) => i.adminOnly);
  return { toPrompt, blockedForUser, scopesByResource };
}

/**
 * The service principal of `appId` in `tenantId`, created on the spot for a multi-tenant app
 * (consent in another tenant provisions the app there). `undefined` for an unknown app or a
 * single-tenant (`AzureADMyOrg`) app outside its home tenant.
 * @see https://learn.microsoft.com/entra/identity-platform/app-objects-and-service-principals
 */
export function ensureServicePrincipal(
  directory: Directory,
  tenantId: string,
  appId: string,
  newId: () => string,
): ServicePrincipal | undefined {
  const existing = findServicePrincipal(directory, tenantId, appId);
  if (existing) return existing;
  const app = directory.applications.find((a) => a.appId === appId);
  if (!app || (app.signInAudience === 'AzureADMyOrg' && app.homeTenantId !== tenantId))
    return undefined;
  const sp: ServicePrincipal = {
    id: `sp-${newId()}`,
    appId,
    tenantId,
    displayName: app.displayName,
    appRoleAssignmentRequired: false,
  };
  directory.servicePrincipals.push(sp);
  return sp;
}

/**
 * Records the user's (or, with `forOrganization`, an admin's tenant-wide) consent to `items` as
 * `oAuth2PermissionGrant`s, merging scopes into an existing grant for the same client, resource
 * and principal. Mutates `directory`; ids come from `newId`.
 * @see https://learn.microsoft.com/graph/api/resources/oauth2permissiongrant
 */
export function recordConsent(
  directory: Directory,
  tenantId: string,
  user: User,
  items: ConsentItem[],
  forOrganization: boolean,
  newId: () => string,
): void {
  for (const consent of items) {
    const clientSp = ensureServicePrincipal(directory, tenantId, consent.clientAppId, newId);
    const resourceSp = ensureServicePrincipal(directory, tenantId, consent.resourceAppId, newId);
    if (!clientSp || !resourceSp) continue;
    const consentType = forOrganization ? 'AllPrincipals' : 'Principal';
    const principalId = forOrganization ? null : user.id;
    let grant = directory.oauth2PermissionGrants.find(
      (g) =>
        g.clientId === clientSp.id &&
        g.resourceId === resourceSp.id &&
        g.consentType === consentType &&
        g.principalId === principalId,
    );
    if (!grant) {
      grant = {
        id: newId(),
        clientId: clientSp.id,
        consentType,
        principalId,
        resourceId: resourceSp.id,
        scope: '',
      };
      directory.oauth2PermissionGrants.push(grant);
    }
    const scopes = new Set(grant.scope.split(' ').filter(Boolean));
    scopes.add(consent.scope);
    grant.scope = [...scopes].join(' ');
  }
}

/** Resolves v2 scope values to requested resources; OIDC scopes are skipped. Unknown resources are returned by name. */
export function resolveRequestedResources(
  directory: Directory,
  scopeValues: { resource: string; permission: string }[],
): { resources: RequestedResource[]; unknown: string[] } {
  const byApp = new Map<string, RequestedResource>();
  const unknown: string[] = [];
  for (const { resource, permission } of scopeValues) {
    const app = findApplicationByResource(directory, resource);
    if (!app) {
      unknown.push(`${resource}/${permission}`);
      continue;
    }
    const entry = byApp.get(app.appId) ?? { app, permissions: [] };
    entry.permissions.push(permission);
    byApp.set(app.appId, entry);
  }
  return { resources: [...byApp.values()], unknown };
}

/**
 * The delegated scopes `client` may use on `resource` for `userId` right now: the user's own
 * consent, tenant-wide (admin) consent and pre-authorization, in that order, without duplicates.
 * Token redemptions (codes, refresh tokens) may target any resource with a non-empty result.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#refresh-the-access-token
 */
export function consentedScopesFor(
  directory: Directory,
  tenantId: string,
  client: AppRegistration,
  resource: AppRegistration,
  userId: string,
): string[] {
  const { consented, preAuthorized } = grantedDelegatedScopes(
    directory,
    tenantId,
    client,
    resource,
    userId,
  );
  return [...new Set([...consented, ...preAuthorized])];
}
