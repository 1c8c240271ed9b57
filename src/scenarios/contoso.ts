// The Contoso tenant every scenario starts from: apps, service principals, users and grants.
import type {
  AppRegistration,
  AuthorityParty,
  Directory,
  PermissionScope,
  AppRole,
} from '../engine/index';
import { fixtureCertificateBase64 } from '../engine/crypto/fixture-certificates';
import { applicationWithDefaults } from '../engine/directory/application';

/** Simulated start of every scenario: 2026-03-02 09:00:00 UTC, in epoch seconds. */
export const START_TIME = Date.UTC(2026, 2, 2, 9, 0, 0) / 1000;

/** The Contoso tenant id. */
export const TENANT_ID = '3f1c6a52-8d1e-4b7a-9c2f-5e0d41a7b9c3';

const YEAR = 365 * 24 * 3600;

/** App ids used across scenarios. */
export const APP = {
  daemon: '9b7e4c1a-2f3d-4e5b-8a6c-7d8e9f0a1b2c',
  ordersApi: '7d3a5b9e-1c2d-4f6a-9b8c-0e1f2a3b4c5d',
  spa: 'c0ffee11-5a7b-4c3d-9e8f-1a2b3c4d5e6f',
  todoApi: '5e2d8c4b-7a1f-4e3d-b6c9-8f0a1e2d3c4b',
  reportsApi: 'a4b3c2d1-e5f6-4a7b-8c9d-0e1f2a3b4c5e',
  graph: '00000003-0000-0000-c000-000000000000',
  webApp: 'b7c6d5e4-3f2a-4b1c-8d9e-6f5a4b3c2d1e',
} as const;

/** Client secrets (simulator-only values, shown on screen on purpose). */
export const SECRET = {
  daemon: 'Xk8Q~sim-daemon-secret-7fJ2pLw9vB3nR5tY',
  todoApi: 'Tq3W~sim-todo-api-secret-Hc6Vd2Mz8Ks4Nx',
  webApp: 'Wb5R~sim-web-app-secret-Lp2Qs7Dk9Fz3Gm',
} as const;

/** Users of the tenant. */
export const USER = {
  ada: '1e0b7c2d-4a5f-4b6e-9c8d-2f1a3b4c5d6e',
  grace: '6f5e4d3c-2b1a-4c9d-8e7f-0a1b2c3d4e5f',
} as const;

const scope = (
  id: string,
  value: string,
  display: string,
  type: 'User' | 'Admin' = 'User',
): PermissionScope => ({
  id,
  value,
  type,
  isEnabled: true,
  adminConsentDisplayName: display,
  adminConsentDescription: display,
  userConsentDisplayName: display,
  userConsentDescription: display,
});

const role = (id: string, value: string, displayName: string): AppRole => ({
  id,
  value,
  displayName,
  description: displayName,
  allowedMemberTypes: ['Application'],
  isEnabled: true,
});

/** Scope and role ids, for grants and pre-authorizations. */
export const PERMISSION = {
  ordersRead: 'e1a2b3c4-0001-4000-8000-000000000001',
  ordersReadAll: 'e1a2b3c4-0002-4000-8000-000000000002',
  todoRead: 'e1a2b3c4-0003-4000-8000-000000000003',
  todoReadAll: 'e1a2b3c4-0004-4000-8000-000000000004',
  reportsRead: 'e1a2b3c4-0005-4000-8000-000000000005',
  graphUserRead: 'e1ec4a3a-0000-4000-8000-000000000006',
} as const;

/** Builds a Contoso app registration with the platform's defaults for everything not given. */
export function application(
  spec: Partial<AppRegistration> & Pick<AppRegistration, 'appId' | 'displayName'>,
): AppRegistration {
  return applicationWithDefaults({
    id: `obj-${spec.appId.slice(0, 8)}`,
    publisherDomain: 'contoso.onmicrosoft.com',
    homeTenantId: TENANT_ID,
    ...spec,
  });
}

const secret = (keyId: string, text: string) => ({
  keyId,
  displayName: 'workshop secret',
  hint: text.slice(0, 3),
  secretText: text,
  startDateTime: START_TIME - YEAR / 2,
  endDateTime: START_TIME + YEAR,
});

/** Service principal object ids, one per app. */
export const SP = {
  daemon: 'sp-9b7e4c1a-daemon',
  ordersApi: 'sp-7d3a5b9e-orders',
  spa: 'sp-c0ffee11-spa',
  todoApi: 'sp-5e2d8c4b-todo',
  reportsApi: 'sp-a4b3c2d1-reports',
  graph: 'sp-00000003-graph',
  webApp: 'sp-b7c6d5e4-webapp',
} as const;

/** The Contoso directory: fresh copy per call (variants mutate copies). */
export function contosoDirectory(): Directory {
  const applications: AppRegistration[] = [
    application({
      appId: APP.daemon,
      displayName: 'Inventory Sync (daemon)',
      passwordCredentials: [secret('k-daemon-1', SECRET.daemon)],
      keyCredentials: [
        {
          keyId: 'k-daemon-cert',
          displayName: 'CN=Contoso Inventory Sync daemon',
          type: 'AsymmetricX509Cert',
          usage: 'Verify',
          key: fixtureCertificateBase64('daemon-app'),
          startDateTime: START_TIME - YEAR,
          endDateTime: START_TIME + 2 * YEAR,
        },
      ],
      requiredResourceAccess: [
        {
          resourceAppId: APP.ordersApi,
          resourceAccess: [{ id: PERMISSION.ordersReadAll, type: 'Role' }],
        },
      ],
    }),
    application({
      appId: APP.ordersApi,
      displayName: 'Orders API',
      identifierUris: ['api://orders'],
      appRoles: [role(PERMISSION.ordersReadAll, 'Orders.Read.All', 'Read all orders')],
      api: {
        oauth2PermissionScopes: [scope(PERMISSION.ordersRead, 'Orders.Read', 'Read your orders')],
        requestedAccessTokenVersion: 2,
        knownClientApplications: [],
        preAuthorizedApplications: [],
      },
    }),
    application({
      appId: APP.spa,
      displayName: 'Contoso Todo (single-page app)',
      spa: { redirectUris: ['https://todo.contoso.example/'] },
      requiredResourceAccess: [
        {
          resourceAppId: APP.todoApi,
          resourceAccess: [{ id: PERMISSION.todoRead, type: 'Scope' }],
        },
      ],
    }),
    application({
      appId: APP.todoApi,
      displayName: 'Todo API',
      identifierUris: ['api://todo-api'],
      passwordCredentials: [secret('k-todo-1', SECRET.todoApi)],
      keyCredentials: [
        {
          keyId: 'k-todo-cert',
          displayName: 'CN=Contoso Orders API',
          type: 'AsymmetricX509Cert',
          usage: 'Verify',
          key: fixtureCertificateBase64('middle-tier-api'),
          startDateTime: START_TIME - YEAR,
          endDateTime: START_TIME + 2 * YEAR,
        },
      ],
      requiredResourceAccess: [
        {
          resourceAppId: APP.reportsApi,
          resourceAccess: [{ id: PERMISSION.reportsRead, type: 'Scope' }],
        },
      ],
      api: {
        oauth2PermissionScopes: [
          scope(PERMISSION.todoRead, 'Todo.Read', "Read the signed-in user's to-do lists"),
        ],
        requestedAccessTokenVersion: 2,
        knownClientApplications: [APP.spa, APP.webApp],
        preAuthorizedApplications: [],
      },
    }),
    application({
      appId: APP.reportsApi,
      displayName: 'Reports API',
      identifierUris: ['api://reports-api'],
      api: {
        oauth2PermissionScopes: [
          scope(PERMISSION.reportsRead, 'Reports.Read', "Read the signed-in user's reports"),
        ],
        requestedAccessTokenVersion: 2,
        knownClientApplications: [],
        preAuthorizedApplications: [],
      },
    }),
    application({
      appId: APP.webApp,
      displayName: 'Contoso Todo web app',
      passwordCredentials: [secret('k-webapp-1', SECRET.webApp)],
      web: {
        redirectUris: ['https://webapp.contoso.example/signin-oidc'],
        implicitGrantSettings: { enableIdTokenIssuance: true, enableAccessTokenIssuance: false },
      },
      requiredResourceAccess: [
        {
          resourceAppId: APP.ordersApi,
          resourceAccess: [{ id: PERMISSION.ordersRead, type: 'Scope' }],
        },
        {
          resourceAppId: APP.todoApi,
          resourceAccess: [{ id: PERMISSION.todoRead, type: 'Scope' }],
        },
      ],
    }),
    application({
      appId: APP.graph,
      displayName: 'Microsoft Graph',
      homeTenantId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
      publisherDomain: 'microsoft.com',
      signInAudience: 'AzureADMultipleOrgs',
      identifierUris: ['https://graph.microsoft.com'],
      api: {
        oauth2PermissionScopes: [
          scope(PERMISSION.graphUserRead, 'User.Read', 'Sign you in and read your profile'),
        ],
        requestedAccessTokenVersion: null,
        knownClientApplications: [],
        preAuthorizedApplications: [],
      },
    }),
  ];
  const sp = (id: string, appId: string, displayName: string) => ({
    id,
    appId,
    tenantId: TENANT_ID,
    displayName,
    appRoleAssignmentRequired: false,
  });
  return {
    tenants: [{ id: TENANT_ID, displayName: 'Contoso', domains: ['contoso.onmicrosoft.com'] }],
    users: [
      {
        id: USER.ada,
        tenantId: TENANT_ID,
        displayName: 'Ada Lovelace',
        userPrincipalName: 'ada@contoso.onmicrosoft.com',
        isAdmin: false,
      },
      {
        id: USER.grace,
        tenantId: TENANT_ID,
        displayName: 'Grace Hopper',
        userPrincipalName: 'grace@contoso.onmicrosoft.com',
        isAdmin: true,
      },
    ],
    applications,
    servicePrincipals: [
      sp(SP.daemon, APP.daemon, 'Inventory Sync (daemon)'),
      sp(SP.ordersApi, APP.ordersApi, 'Orders API'),
      sp(SP.spa, APP.spa, 'Contoso Todo (single-page app)'),
      sp(SP.todoApi, APP.todoApi, 'Todo API'),
      sp(SP.reportsApi, APP.reportsApi, 'Reports API'),
      sp(SP.graph, APP.graph, 'Microsoft Graph'),
      sp(SP.webApp, APP.webApp, 'Contoso Todo web app'),
    ],
    oauth2PermissionGrants: [
      {
        id: 'grant-spa-todo',
        clientId: SP.spa,
        consentType: 'AllPrincipals',
        principalId: null,
        resourceId: SP.todoApi,
        scope: 'Todo.Read',
      },
      {
        id: 'grant-spa-graph',
        clientId: SP.spa,
        consentType: 'AllPrincipals',
        principalId: null,
        resourceId: SP.graph,
        scope: 'User.Read',
      },
      {
        id: 'grant-todo-reports',
        clientId: SP.todoApi,
        consentType: 'AllPrincipals',
        principalId: null,
        resourceId: SP.reportsApi,
        scope: 'Reports.Read',
      },
    ],
    appRoleAssignments: [
      {
        id: 'ara-daemon-orders',
        principalId: SP.daemon,
        principalType: 'ServicePrincipal',
        resourceId: SP.ordersApi,
        appRoleId: PERMISSION.ordersReadAll,
      },
    ],
    conditionalAccessPolicies: [],
  };
}

/** The authority party every scenario shows. */
export const AUTHORITY: AuthorityParty = {
  id: 'authority',
  kind: 'authority',
  label: 'Microsoft Entra ID',
  description:
    "The Contoso tenant's token service (simulated): token endpoints v1 and v2, discovery, JWKS.",
};
