// Fabrikam, a customer tenant beside Contoso, and Contoso's multi-tenant apps that Fabrikam's admin onboards.
import type { AppRole, Directory } from '../engine/index';
import { application, APP, PERMISSION, START_TIME, TENANT_ID } from './contoso';

/** The Fabrikam tenant id (a customer of Contoso's SaaS). */
export const FABRIKAM_TENANT_ID = '8e2b4c6d-1a3f-4e5b-9c7d-0f1e2d3c4b5a';

/** Fabrikam's users: an administrator who may grant tenant-wide consent, and a regular user. */
export const FABRIKAM_USER = {
  fatima: '2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b',
  omar: '4a6c8e0b-2d4f-4b6a-9c8e-0a2c4e6b8d0f',
} as const;

/** App ids of Contoso's multi-tenant apps (registered in Contoso, used in customers' tenants). */
export const MT_APP = {
  orgChart: 'd1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a',
  orgChartApi: 'e2f3a4b5-c6d7-4e8f-9a0b-1c2d3e4f5a6b',
} as const;

/** Permission ids of the multi-tenant apps and of Microsoft Graph's application permission. */
export const MT_PERMISSION = {
  graphUserReadAll: 'df021288-bdef-4463-88db-98f22de89214',
  orgChartRead: 'f3a4b5c6-0001-4000-8000-000000000011',
} as const;

/** Secret of the multi-tenant daemon (simulator-only value). */
export const ORG_CHART_SECRET = 'Oc7T~sim-org-chart-secret-Rw4Yp9Hn2Kd6Vs';

/** Where the multi-tenant daemon's sign-up page lives, and its registered redirect URI. */
export const ORG_CHART_URL = 'https://orgchart.contoso.example';
export const ORG_CHART_REDIRECT = `${ORG_CHART_URL}/permissions`;

const YEAR = 365 * 24 * 3600;

/** Microsoft Graph's application permission to read every user (as Graph publishes it). */
const USER_READ_ALL: AppRole = {
  id: MT_PERMISSION.graphUserReadAll,
  value: 'User.Read.All',
  displayName: "Read all users' full profiles",
  description: 'Allows the app to read user profiles without a signed-in user.',
  allowedMemberTypes: ['Application'],
  isEnabled: true,
};

/**
 * Adds Fabrikam to `directory` (mutated and returned): the tenant, Fatima (admin) and Omar, Microsoft
 * Graph's service principal there (first-party apps exist in every tenant), Graph's `User.Read.All`
 * app role, and Contoso's multi-tenant daemon "Org Chart" (home tenant Contoso, `AzureADMultipleOrgs`,
 * needing `User.Read.All`), with a service principal in Contoso only: Fabrikam gets one through
 * admin consent. Also registers "Org Chart API", a multi-tenant web API of the same publisher that
 * lists the daemon in `knownClientApplications` (used by a what-if). Tokens issued in Fabrikam carry
 * Fabrikam's `tid` and `iss`.
 * @see https://learn.microsoft.com/entra/identity-platform/howto-convert-app-to-be-multi-tenant
 */
export function withFabrikam(directory: Directory): Directory {
  directory.tenants.push({
    id: FABRIKAM_TENANT_ID,
    displayName: 'Fabrikam',
    domains: ['fabrikam.onmicrosoft.com'],
  });
  directory.users.push(
    {
      id: FABRIKAM_USER.fatima,
      tenantId: FABRIKAM_TENANT_ID,
      displayName: 'Fatima Khan',
      userPrincipalName: 'fatima@fabrikam.onmicrosoft.com',
      isAdmin: true,
    },
    {
      id: FABRIKAM_USER.omar,
      tenantId: FABRIKAM_TENANT_ID,
      displayName: 'Omar Diaz',
      userPrincipalName: 'omar@fabrikam.onmicrosoft.com',
      isAdmin: false,
    },
  );
  const graph = directory.applications.find((a) => a.appId === APP.graph);
  if (graph && !graph.appRoles.some((r) => r.id === USER_READ_ALL.id))
    graph.appRoles.push(USER_READ_ALL);
  directory.applications.push(
    application({
      appId: MT_APP.orgChart,
      displayName: 'Contoso Org Chart',
      signInAudience: 'AzureADMultipleOrgs',
      passwordCredentials: [
        {
          keyId: 'k-orgchart-1',
          displayName: 'workshop secret',
          hint: ORG_CHART_SECRET.slice(0, 3),
          secretText: ORG_CHART_SECRET,
          startDateTime: START_TIME - YEAR / 2,
          endDateTime: START_TIME + YEAR,
        },
      ],
      web: {
        redirectUris: [ORG_CHART_REDIRECT],
        implicitGrantSettings: { enableIdTokenIssuance: false, enableAccessTokenIssuance: false },
      },
      requiredResourceAccess: [
        {
          resourceAppId: APP.graph,
          resourceAccess: [{ id: MT_PERMISSION.graphUserReadAll, type: 'Role' }],
        },
      ],
    }),
    application({
      appId: MT_APP.orgChartApi,
      displayName: 'Contoso Org Chart API',
      signInAudience: 'AzureADMultipleOrgs',
      identifierUris: ['api://orgchart-api'],
      api: {
        oauth2PermissionScopes: [
          {
            id: MT_PERMISSION.orgChartRead,
            value: 'OrgChart.Read',
            type: 'User',
            isEnabled: true,
            adminConsentDisplayName: 'Read the org chart',
            adminConsentDescription: 'Read the org chart',
          },
        ],
        requestedAccessTokenVersion: 2,
        knownClientApplications: [MT_APP.orgChart],
        preAuthorizedApplications: [],
      },
      requiredResourceAccess: [
        {
          resourceAppId: APP.graph,
          resourceAccess: [{ id: PERMISSION.graphUserRead, type: 'Scope' }],
        },
      ],
    }),
  );
  const sp = (id: string, appId: string, tenantId: string, displayName: string) => ({
    id,
    appId,
    tenantId,
    displayName,
    appRoleAssignmentRequired: false,
  });
  directory.servicePrincipals.push(
    sp('sp-00000003-graph-fabrikam', APP.graph, FABRIKAM_TENANT_ID, 'Microsoft Graph'),
    sp('sp-d1e2f3a4-orgchart', MT_APP.orgChart, TENANT_ID, 'Contoso Org Chart'),
    sp('sp-e2f3a4b5-orgchart-api', MT_APP.orgChartApi, TENANT_ID, 'Contoso Org Chart API'),
  );
  return directory;
}
