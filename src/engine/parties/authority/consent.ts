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
 * Evaluates consent for `user` signing in to `client` asking for `resources`:
 * - explicit scopes: each not granted (user grant, tenant-wide grant or pre-authorization) is prompted;
 * - `/.default`: the client's `requiredResourceAccess` scopes for that resource; prompted only if
 *   nothing is granted yet for (client, resource, user), or when `forcePrompt` (`prompt=consent`);
 * - combined consent: if the resource lists the client in `api.knownClientApplications` and the
 *   client used `/.default`, the resource's own `requiredResourceAccess` is prompted too (so a
 *   later OBO call finds its grant).
 * @see https://learn.microsoft.com/entra/identity-platform/scopes-oidc
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow
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
  const consider = (
    holder: AppRegistration,
    resource: AppRegistration,
    wanted: string[],
    isDefault: boolean,
    via: ConsentItem['via'],
  ) => {
    const { consented, preAuthorized } = grantedDelegatedScopes(
      directory,
      tenantId,
      holder,
      resource,
      user.id,
    );
    const granted = new Set([...consented, ...preAuthorized]);
    const nothingYet = ![...consented].length;
    const missing = wanted.filter((v) => (forcePrompt ? !preAuthorized.has(v) : !granted.has(v)));
    const prompt = isDefault ? (forcePrompt || nothingYet ? missing : []) : missing;
    for (const value of prompt) toPrompt.push(item(holder, resource, value, via));
    return isDefault && !forcePrompt && !nothingYet ? [...granted] : wanted;
  };
  for (const { app: resource, permissions } of resources) {
    const isDefault = permissions.includes('.default');
    const wanted = isDefault ? staticScopes(client, resource) : permissions;
    scopesByResource.set(resource.appId, consider(client, resource, wanted, isDefault, 'client'));
    if (isDefault && resource.api.knownClientApplications.includes(client.appId)) {
      for (const requirement of resource.requiredResourceAccess) {
        const downstream = directory.applications.find(
          (a) => a.appId === requirement.resourceAppId,
        );
        if (!downstream || !findServicePrincipal(directory, tenantId, downstream.appId)) continue;
        consider(resource, downstream, staticScopes(resource, downstream), true, 'known-client');
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
