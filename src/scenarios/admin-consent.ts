// Issue 10 section 4: a customer's admin onboards a multi-tenant daemon with the admin consent endpoint.
import { DOCS } from '../engine/errors/docs';
import type {
  ApiParty,
  BrowserParty,
  ClientParty,
  ScenarioDefinition,
  UserParty,
  VariantDefinition,
} from '../engine/index';
import { AUTHORITY, APP, contosoDirectory, START_TIME, TENANT_ID } from './contoso';
import {
  FABRIKAM_USER,
  MT_APP,
  MT_PERMISSION,
  ORG_CHART_SECRET,
  ORG_CHART_URL,
  withFabrikam,
} from './fabrikam';
import { ADMIN_CONSENT_NARRATION } from './admin-consent-narration';

/** Fatima, Fabrikam's administrator, at the screen. */
const ADMIN_PARTY: UserParty = {
  id: 'user',
  kind: 'user',
  label: "Fatima (Fabrikam's admin)",
  description:
    'An administrator of the Fabrikam tenant. She signs in and reviews the permissions Contoso Org Chart asks for: you decide for her.',
};

const ADMIN_BROWSER: BrowserParty = {
  id: 'browser',
  kind: 'browser',
  label: "Fatima's browser",
  description:
    'The user agent: opens the sign-up page, follows the redirects to the admin consent endpoint and back.',
  userId: FABRIKAM_USER.fatima,
  program: [{ do: 'navigate', id: 'connect', url: `${ORG_CHART_URL}/connect` }],
};

/** Contoso's multi-tenant daemon, with a sign-up page that sends customers' admins to admin consent. */
const ORG_CHART: ClientParty = {
  id: 'daemon',
  kind: 'daemon',
  label: 'Contoso Org Chart (multi-tenant daemon)',
  appId: MT_APP.orgChart,
  description:
    "A SaaS service registered once in Contoso (AzureADMultipleOrgs). After a customer's admin consents, it reads that customer's directory with its own identity.",
  credential: { type: 'client_secret_post', secret: ORG_CHART_SECRET },
  signUp: {
    baseUrl: ORG_CHART_URL,
    redirectPath: '/permissions',
    tenant: 'fabrikam.onmicrosoft.com',
    endpoint: 'v2',
    scope: 'https://graph.microsoft.com/.default',
  },
  program: [
    {
      do: 'acquire-token',
      id: 'get-token',
      grant: 'client_credentials',
      endpoint: 'v2',
      scope: 'https://graph.microsoft.com/.default',
      saveAs: 'graph',
    },
    {
      do: 'call-api',
      id: 'call-api',
      target: 'graph',
      method: 'GET',
      path: '/v1.0/users',
      token: 'graph',
    },
  ],
};

/** Microsoft Graph as a multi-tenant API: it accepts tokens of any tenant (issuer from `tid`). */
const GRAPH: ApiParty = {
  id: 'graph',
  kind: 'api',
  label: 'Microsoft Graph',
  appId: APP.graph,
  description:
    "Microsoft's API over every tenant's directory (simulated): it validates the issuer against the token's own tid and answers with that tenant's users.",
  baseUrl: 'https://graph.microsoft.com',
  validation: {
    audiences: ['https://graph.microsoft.com', APP.graph],
    validateAudience: true,
    requiredScopes: ['User.Read'],
    requiredRoles: ['User.Read.All'],
    allowAppOnly: true,
    clockToleranceSeconds: 300,
    anyTenant: true,
  },
  data: {
    value: [
      { displayName: 'Fatima Khan', userPrincipalName: 'fatima@fabrikam.onmicrosoft.com' },
      { displayName: 'Omar Diaz', userPrincipalName: 'omar@fabrikam.onmicrosoft.com' },
    ],
  },
};

const withParty = <T extends { id: string }>(
  s: ScenarioDefinition,
  id: string,
  change: (party: T) => void,
): ScenarioDefinition => {
  const party = s.parties.find((p) => p.id === id) as T | undefined;
  if (party) change(party);
  return s;
};

/** What-if: Omar, who is not an admin, opens the sign-up page (AADSTS90094, "Need admin approval"). */
export const NON_ADMIN: VariantDefinition = {
  id: 'non-admin',
  label: 'A non-admin tries to consent',
  description:
    'Omar, a regular Fabrikam user, opens the sign-up page. Application permissions need an administrator: the authority shows "Need admin approval" and never redirects back.',
  expect: { code: 90094 },
  userScript: [{ prompt: 'sign-in' }],
  apply: (s) => {
    withParty<BrowserParty>(s, 'browser', (b) => {
      b.userId = FABRIKAM_USER.omar;
      b.label = "Omar's browser";
    });
    return withParty<UserParty>(s, 'user', (u) => {
      u.label = 'Omar (not an admin)';
    });
  },
};

/** What-if: the app is registered single-tenant (AADSTS700016 in Fabrikam). */
export const SINGLE_TENANT: VariantDefinition = {
  id: 'single-tenant',
  label: 'The app is single-tenant',
  description:
    'Contoso registered Org Chart with signInAudience AzureADMyOrg. It has no service principal in Fabrikam and consent cannot create one: the authority does not know the app there.',
  expect: { code: 700016 },
  userScript: [],
  apply: (s) => {
    const app = s.directory.applications.find((a) => a.appId === MT_APP.orgChart);
    if (app) app.signInAudience = 'AzureADMyOrg';
    return s;
  },
};

/** What-if: the admin cancels (AADSTS65004 back to the app, with admin_consent=True). */
export const ADMIN_CANCELS: VariantDefinition = {
  id: 'admin-cancels',
  label: 'The admin cancels',
  description:
    'Fatima reads the permissions and clicks Cancel. The authority redirects to the app with error=consent_required (AADSTS65004); nothing is created in Fabrikam.',
  expect: { code: 65004 },
  decides: [{ prompt: 'consent', accept: false }],
  apply: (s) => s,
};

/**
 * What-if: Org Chart also calls its own multi-tenant web API, which names it in
 * `knownClientApplications`: one admin consent provisions the client, the middle tier and the
 * middle tier's downstream permission (service-to-service doc, multi-tenant paragraphs).
 */
export const WITH_MIDDLE_TIER: VariantDefinition = {
  id: 'with-middle-tier',
  label: 'The app has its own API (knownClientApplications)',
  description:
    "Org Chart's registration also needs OrgChart.Read on Contoso Org Chart API, a multi-tenant middle tier that lists Org Chart in knownClientApplications and itself needs User.Read on Graph. One admin consent creates both service principals in Fabrikam and the middle tier's grant.",
  expect: { httpStatusAtClient: 200 },
  apply: (s) => {
    const app = s.directory.applications.find((a) => a.appId === MT_APP.orgChart);
    app?.requiredResourceAccess.push({
      resourceAppId: MT_APP.orgChartApi,
      resourceAccess: [{ id: MT_PERMISSION.orgChartRead, type: 'Scope' }],
    });
    return s;
  },
};

/** Admin consent for a multi-tenant daemon in a customer tenant, then client credentials there. */
export const ADMIN_CONSENT: ScenarioDefinition = {
  id: 'admin-consent',
  title: "A customer's admin onboards a multi-tenant daemon (admin consent)",
  summary:
    "Contoso's multi-tenant daemon needs the application permission User.Read.All in each customer's tenant. Fabrikam's admin opens its sign-up page, signs in at the admin consent endpoint, approves the permission for her organization and is sent back with admin_consent=True&tenant=...; the daemon then gets a token from Fabrikam's token endpoint (tid and iss are Fabrikam's) and reads Fabrikam's users from Microsoft Graph.",
  category: 'Consent and tenants',
  startTime: START_TIME,
  tenantId: TENANT_ID,
  directory: withFabrikam(contosoDirectory()),
  parties: [ADMIN_PARTY, ADMIN_BROWSER, ORG_CHART, GRAPH, AUTHORITY],
  starter: 'browser',
  startingTokens: [],
  userScript: [{ prompt: 'sign-in' }, { prompt: 'consent', accept: true }],
  narration: ADMIN_CONSENT_NARRATION,
  docs: [DOCS.adminConsent, DOCS.multiTenant, DOCS.appObjects, DOCS.cc],
  variants: [NON_ADMIN, SINGLE_TENANT, ADMIN_CANCELS, WITH_MIDDLE_TIER],
  layout: {
    user: { x: 0, y: 0 },
    browser: { x: 0, y: 220 },
    daemon: { x: 400, y: 40 },
    graph: { x: 800, y: 40 },
    authority: { x: 400, y: 360 },
  },
};
