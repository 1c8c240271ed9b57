// The admin consent decision: which permissions an app asks of a tenant's admin, and what accepting creates there.
import {
  findApplication,
  findApplicationByResource,
  findServicePrincipal,
  findTenant,
} from '../../directory/directory';
import type { AppRegistration, Directory, User } from '../../directory/model';
import type { TraceEvent } from '../../model/trace';
import type { AuthorityEnv, AuthorizeFlow } from './checks/check';
import type { ConsentItem } from './consent';
import { ensureServicePrincipal, recordConsent } from './consent';

/**
 * The permissions the admin is asked to grant in `tenantId`. With `/.default` (and always on v1):
 * every entry of the client's `requiredResourceAccess` whose API is (or can be) in the tenant,
 * application permissions (`Role`) and delegated ones (`Scope`); for an API that names the client
 * in `knownClientApplications` (a middle tier), that API's own `requiredResourceAccess` too, so
 * the middle tier and the API it calls are provisioned in the customer's tenant in the same step
 * (service-to-service doc, multi-tenant apps). Explicit scopes are delegated permissions.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-admin-consent
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#default-and-combined-consent
 */
export function adminConsentItems(
  directory: Directory,
  tenantId: string,
  client: AppRegistration,
  resourceScopes: AuthorizeFlow['resourceScopes'],
): ConsentItem[] {
  const items: ConsentItem[] = [];
  const add = (
    holder: AppRegistration,
    api: AppRegistration,
    id: string,
    type: 'Scope' | 'Role',
    via: ConsentItem['via'],
  ) => {
    const role =
      type === 'Role'
        ? api.appRoles.find(
            (r) => r.id === id && r.isEnabled && r.allowedMemberTypes.includes('Application'),
          )
        : undefined;
    const scope =
      type === 'Scope'
        ? api.api.oauth2PermissionScopes.find((s) => (s.id === id || s.value === id) && s.isEnabled)
        : undefined;
    const value = role?.value ?? scope?.value;
    if (
      !value ||
      items.some(
        (i) => i.clientAppId === holder.appId && i.resourceAppId === api.appId && i.scope === value,
      )
    )
      return;
    items.push({
      clientAppId: holder.appId,
      clientName: holder.displayName,
      resourceAppId: api.appId,
      resourceName: api.displayName,
      scope: value,
      description: role?.displayName ?? scope?.adminConsentDisplayName ?? value,
      adminOnly: type === 'Role' || scope?.type === 'Admin',
      via,
      type,
    });
  };
  const usable = (api: AppRegistration) =>
    Boolean(findServicePrincipal(directory, tenantId, api.appId)) ||
    api.signInAudience !== 'AzureADMyOrg' ||
    api.homeTenantId === tenantId;
  const explicit = resourceScopes.filter((s) => s.permission !== '.default');
  const wantsStatic = resourceScopes.length === 0 || explicit.length < resourceScopes.length;
  for (const { resource, permission } of explicit) {
    const api = findApplicationByResource(directory, resource);
    if (api) add(client, api, permission, 'Scope', 'client');
  }
  if (!wantsStatic) return items;
  for (const need of client.requiredResourceAccess) {
    const api = findApplication(directory, need.resourceAppId);
    if (!api || !usable(api)) continue;
    for (const access of need.resourceAccess) add(client, api, access.id, access.type, 'client');
    if (!api.api.knownClientApplications.includes(client.appId)) continue;
    for (const downstreamNeed of api.requiredResourceAccess) {
      const downstream = findApplication(directory, downstreamNeed.resourceAppId);
      if (!downstream || !usable(downstream)) continue;
      for (const access of downstreamNeed.resourceAccess)
        add(api, downstream, access.id, access.type, 'known-client');
    }
  }
  return items;
}

/**
 * Creates in `tenantId` what accepting `items` means: the client's service principal, the
 * service principals of every API listed (and of a middle tier and its downstream API), an app
 * role assignment per application permission and a tenant-wide (`AllPrincipals`) grant per
 * delegated one. Mutates `env.directory`; returns the `tenant.provisioned` event listing them.
 * @see https://learn.microsoft.com/entra/identity-platform/app-objects-and-service-principals
 */
export function provisionTenant(
  env: AuthorityEnv,
  tenantId: string,
  clientAppId: string,
  user: User,
  items: ConsentItem[],
): Extract<TraceEvent, { type: 'tenant.provisioned' }> {
  const { directory } = env;
  const newId = () => env.random.guid();
  const before = new Set(directory.servicePrincipals.map((sp) => sp.id));
  ensureServicePrincipal(directory, tenantId, clientAppId, newId);
  const assignments: string[] = [];
  const delegated: ConsentItem[] = [];
  for (const item of items) {
    const clientSp = ensureServicePrincipal(directory, tenantId, item.clientAppId, newId);
    const resourceSp = ensureServicePrincipal(directory, tenantId, item.resourceAppId, newId);
    if (!clientSp || !resourceSp) continue;
    if (item.type !== 'Role') {
      delegated.push(item);
      continue;
    }
    const role = findApplication(directory, item.resourceAppId)?.appRoles.find(
      (r) => r.value === item.scope,
    );
    if (!role) continue;
    const exists = directory.appRoleAssignments.some(
      (a) =>
        a.principalId === clientSp.id && a.resourceId === resourceSp.id && a.appRoleId === role.id,
    );
    if (!exists)
      directory.appRoleAssignments.push({
        id: newId(),
        principalId: clientSp.id,
        principalType: 'ServicePrincipal',
        resourceId: resourceSp.id,
        appRoleId: role.id,
      });
    assignments.push(`${item.clientName} -> ${item.resourceName}: ${item.scope}`);
  }
  recordConsent(directory, tenantId, user, delegated, true, newId);
  return {
    type: 'tenant.provisioned',
    tenantId,
    tenantName: findTenant(directory, tenantId)?.displayName ?? tenantId,
    servicePrincipals: directory.servicePrincipals
      .filter((sp) => !before.has(sp.id))
      .map((sp) => `${sp.displayName} (appId ${sp.appId})`),
    appRoleAssignments: assignments,
    grants: delegated.map((i) => `${i.clientName} -> ${i.resourceName}: ${i.scope} (all users)`),
  };
}
