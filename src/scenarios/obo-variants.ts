// The what-if switches of the On-Behalf-Of scenarios: data overrides of registrations, policies and tokens.
import type {
  ApiParty,
  ClientParty,
  OboCall,
  ScenarioDefinition,
  StartingToken,
  VariantDefinition,
} from '../engine/index';
import { APP, PERMISSION, SP, USER } from './contoso';

const apiA = (s: ScenarioDefinition) => s.parties.find((p) => p.id === 'api-a') as ApiParty;
const oboOf = (s: ScenarioDefinition): OboCall => {
  const obo = apiA(s).obo;
  if (!obo) throw new Error('API A has no OBO call.');
  return obo;
};
/** The app registration `appId` of a scenario's directory; throws `Error` when missing. */
export const appOf = (s: ScenarioDefinition, appId: string) => {
  const app = s.directory.applications.find((a) => a.appId === appId);
  if (!app) throw new Error(`App ${appId} is missing from the directory.`);
  return app;
};
const tokenA = (s: ScenarioDefinition) =>
  s.startingTokens.find((t) => t.name === 'tokenA') as StartingToken;

/** What-if: API A's OBO request uses a wrong secret (AADSTS7000215). */
export const OBO_WRONG_SECRET: VariantDefinition = {
  id: 'wrong-secret',
  label: 'Wrong client secret',
  description: "API A sends a secret that isn't registered (the secret's ID instead of its value).",
  expect: { code: 7000215, httpStatusAtClient: 500 },
  apply: (s) => {
    const obo = oboOf(s);
    if (
      obo.credential.type === 'client_secret_post' ||
      obo.credential.type === 'client_secret_basic'
    ) {
      obo.credential = { ...obo.credential, secret: 'k-todo-1' };
    }
    return s;
  },
};

/** What-if: API A signs its assertion with an unregistered certificate (AADSTS700027). */
export const OBO_UNREGISTERED_CERTIFICATE: VariantDefinition = {
  id: 'unregistered-certificate',
  label: 'Certificate not uploaded',
  description:
    'API A signs its client assertion with a certificate that is not on its registration.',
  expect: { code: 700027, httpStatusAtClient: 500 },
  apply: (s) => {
    const obo = oboOf(s);
    if (obo.credential.type === 'private_key_jwt')
      obo.credential = { ...obo.credential, key: 'unregistered' };
    return s;
  },
};

/** What-if: nobody consented to API A calling API B (AADSTS65001). */
export const CONSENT_MISSING: VariantDefinition = {
  id: 'consent-missing',
  label: 'Downstream API consent missing',
  description:
    'No admin consent and no user consent exist for the Todo API to call the Reports API on behalf of users.',
  expect: { code: 65001, httpStatusAtClient: 500 },
  apply: (s) => {
    s.directory.oauth2PermissionGrants = s.directory.oauth2PermissionGrants.filter(
      (g) => !(g.clientId === SP.todoApi && g.resourceId === SP.reportsApi),
    );
    return s;
  },
};

/** What-if: token A is an app-only token from a daemon (AADSTS7000114). */
export const APP_ONLY_TOKEN: VariantDefinition = {
  id: 'app-only-token',
  label: 'App-only token sent to OBO',
  description:
    'A daemon calls API A with an app-only token (roles: Todo.Read.All). API A accepts app callers too and naively tries OBO with it: there is no user to act for.',
  expect: { code: 7000114, httpStatusAtClient: 500 },
  apply: (s) => {
    const todo = appOf(s, APP.todoApi);
    todo.appRoles.push({
      id: PERMISSION.todoReadAll,
      value: 'Todo.Read.All',
      displayName: 'Read all to-do lists',
      description: 'Read all to-do lists',
      allowedMemberTypes: ['Application'],
      isEnabled: true,
    });
    s.directory.appRoleAssignments.push({
      id: 'ara-daemon-todo',
      principalId: SP.daemon,
      principalType: 'ServicePrincipal',
      resourceId: SP.todoApi,
      appRoleId: PERMISSION.todoReadAll,
    });
    const a = apiA(s);
    a.validation.allowAppOnly = true;
    a.validation.requiredRoles = ['Todo.Read.All'];
    const t = tokenA(s);
    t.title = 'Token A: an app-only token from a daemon';
    t.description =
      'The Inventory Sync daemon got token A for the Todo API with client credentials: it carries roles and idtyp=app, and no user.';
    t.spec = {
      kind: 'app-only',
      clientAppId: APP.daemon,
      resource: 'api://todo-api',
      ageSeconds: 300,
    };
    const client = s.parties.find((p) => p.id === 'client') as ClientParty;
    client.label = 'Inventory Sync (daemon)';
    client.kind = 'daemon';
    client.appId = APP.daemon;
    return s;
  },
};

/** What-if: token A was issued for Microsoft Graph, and API A forgot to check `aud` (AADSTS500131). */
export const TOKEN_FOR_GRAPH: VariantDefinition = {
  id: 'token-for-graph',
  label: 'Token A issued for Microsoft Graph',
  description:
    "The client sends its Microsoft Graph token (aud https://graph.microsoft.com) to API A, and API A is misconfigured to skip the audience check. A Graph token is not for API A to validate at all (third parties cannot validate Graph tokens: only Graph does). The authority still refuses to exchange a token that wasn't issued to API A.",
  expect: { code: 500131, httpStatusAtClient: 500 },
  apply: (s) => {
    apiA(s).validation.validateAudience = false;
    apiA(s).validation.requiredScopes = [];
    const t = tokenA(s);
    t.title = 'Token A: a Microsoft Graph token (wrong audience)';
    t.description =
      'The client grabbed the token it holds for Microsoft Graph (scope User.Read, v1.0 format, aud https://graph.microsoft.com) instead of one for API A.';
    t.spec = {
      kind: 'delegated',
      userId: USER.ada,
      clientAppId: APP.spa,
      resource: 'https://graph.microsoft.com',
      scopes: ['User.Read'],
      amr: ['pwd'],
      ageSeconds: 300,
    };
    return s;
  },
};

/** What-if: token A expired two minutes ago, inside API A's clock-skew allowance (AADSTS500133). */
export const TOKEN_EXPIRED: VariantDefinition = {
  id: 'token-expired',
  label: 'Token A expired',
  description:
    'Token A expired 2 minutes ago. API A still accepts it (it allows 5 minutes of clock skew), but the token service allows none for OBO.',
  expect: { code: 500133, httpStatusAtClient: 500 },
  apply: (s) => {
    const t = tokenA(s);
    if (t.spec.kind === 'delegated')
      t.spec = { ...t.spec, ageSeconds: 3720, lifetimeSeconds: 3600 };
    t.description =
      'Ada signed in 62 minutes ago; token A (lifetime 60 minutes) expired 2 minutes ago and the client did not refresh it.';
    return s;
  },
};

/** What-if: a Conditional Access policy requires MFA for API B; token A has password only (AADSTS50076 + claims). */
export const DOWNSTREAM_REQUIRES_MFA: VariantDefinition = {
  id: 'downstream-requires-mfa',
  label: 'Downstream API requires MFA',
  description:
    'A Conditional Access policy requires multi-factor authentication for the Reports API. Ada signed in with a password only, so the authority answers with a claims challenge that API A must relay to the client.',
  expect: { code: 50076, httpStatusAtClient: 401 },
  apply: (s) => {
    s.directory.conditionalAccessPolicies.push({
      id: '8d3c1f2e-5b4a-4c6d-9e7f-0a1b2c3d4e5f',
      displayName: 'Require MFA for Reports API',
      resourceAppIds: [APP.reportsApi],
      grantControls: ['mfa'],
    });
    return s;
  },
};

/**
 * What-if: the MFA policy on API B meets a user with no MFA method registered: the OBO doc's
 * error example, AADSTS50079 `interaction_required` with `polids` claims, relayed like 50076.
 */
export const USER_MUST_REGISTER_MFA: VariantDefinition = {
  id: 'user-must-register-mfa',
  label: 'User must register for MFA',
  description:
    'A Conditional Access policy requires multi-factor authentication for the Reports API, and Ada has never registered an MFA method (no authenticator app, no phone). The authority answers with the enrolment error of the OBO doc (AADSTS50079, interaction_required) and a claims challenge that API A relays to the client.',
  expect: { code: 50079, httpStatusAtClient: 401 },
  apply: (s) => {
    DOWNSTREAM_REQUIRES_MFA.apply(s);
    const ada = s.directory.users.find((u) => u.id === USER.ada);
    if (ada) ada.isMfaRegistered = false;
    const t = tokenA(s);
    t.description = `${t.description} Ada has no MFA method registered yet.`;
    return s;
  },
};

/** App role ids of the Reports API used by the roles what-if. */
const REPORTS_ROLE = {
  approver: 'e1a2b3c4-0007-4000-8000-000000000007',
  readAll: 'e1a2b3c4-0008-4000-8000-000000000008',
} as const;

/**
 * What-if: Ada holds an app role on API B and API A holds an application permission there. Token B
 * carries Ada's role (roles stay attached to the user) and never API A's application permission.
 */
export const USER_HAS_APP_ROLE: VariantDefinition = {
  id: 'user-has-app-role',
  label: 'Ada has an app role on API B',
  description:
    "An admin assigned Ada the Reports API's app role Reports.Approver, and granted the Todo API the application permission Reports.Read.All on the Reports API. Token B carries Ada's role in roles, next to the delegated scope; the Todo API's application permission never appears in it: OBO uses delegated scopes, and roles stay attached to the user.",
  expect: { httpStatusAtClient: 200 },
  apply: (s) => {
    const reports = appOf(s, APP.reportsApi);
    reports.appRoles.push(
      {
        id: REPORTS_ROLE.approver,
        value: 'Reports.Approver',
        displayName: 'Approve reports',
        description: 'Users with this role can approve reports.',
        allowedMemberTypes: ['User'],
        isEnabled: true,
      },
      {
        id: REPORTS_ROLE.readAll,
        value: 'Reports.Read.All',
        displayName: 'Read all reports',
        description: 'Apps with this permission can read every report.',
        allowedMemberTypes: ['Application'],
        isEnabled: true,
      },
    );
    s.directory.appRoleAssignments.push(
      {
        id: 'ara-ada-reports-approver',
        principalId: USER.ada,
        principalType: 'User',
        resourceId: SP.reportsApi,
        appRoleId: REPORTS_ROLE.approver,
      },
      {
        id: 'ara-todo-reports-readall',
        principalId: SP.todoApi,
        principalType: 'ServicePrincipal',
        resourceId: SP.reportsApi,
        appRoleId: REPORTS_ROLE.readAll,
      },
    );
    return s;
  },
};

/** The OBO what-ifs every OBO scenario has. */
export const OBO_COMMON_VARIANTS = [
  CONSENT_MISSING,
  APP_ONLY_TOKEN,
  TOKEN_FOR_GRAPH,
  TOKEN_EXPIRED,
  DOWNSTREAM_REQUIRES_MFA,
  USER_MUST_REGISTER_MFA,
  USER_HAS_APP_ROLE,
];
