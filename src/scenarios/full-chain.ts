// Issue 3, scenario 4: sign-in, client -> API A -> (OBO) -> API B, with combined consent via knownClientApplications.
import type { ApiParty, ScenarioDefinition, VariantDefinition } from '../engine/index';
import { APP, contosoDirectory, PERMISSION, SECRET, SP, START_TIME, TENANT_ID } from './contoso';
import { DOWNSTREAM_REQUIRES_MFA, middleTier, oboNarration, REPORTS_API } from './obo-base';
import {
  adminOnlyPermission,
  AUTHORITY,
  browser,
  SIGN_IN_DOCS,
  SIGN_IN_LAYOUT,
  signInNarration,
  USER_CANCELS_CONSENT,
  USER_PARTY,
  webApp,
} from './sign-in-base';
import { DOCS } from '../engine/errors/docs';

const appOf = (s: ScenarioDefinition, appId: string) => {
  const app = s.directory.applications.find((a) => a.appId === appId);
  if (!app) throw new Error(`App ${appId} missing.`);
  return app;
};

/** What-if: the middle tier does not list the client in knownClientApplications (OBO fails with 65001). */
export const DOWNSTREAM_CONSENT_NEVER_GIVEN: VariantDefinition = {
  id: 'downstream-consent-never-given',
  label: 'Consent for the downstream API never given',
  description:
    "The Todo API's registration does not list the web app in knownClientApplications, so Ada's consent covers only the web app's own permissions (Orders API, Todo API). When the Todo API tries OBO, nobody ever consented to Todo API -> Reports API.",
  expect: { code: 65001, httpStatusAtClient: 502 },
  apply: (s) => {
    appOf(s, APP.todoApi).api.knownClientApplications = [];
    return s;
  },
};

/** What-if: the fix without combined consent: the downstream API pre-authorizes the middle tier. */
export const DOWNSTREAM_PREAUTHORIZES: VariantDefinition = {
  id: 'downstream-preauthorizes-middle-tier',
  label: 'Reports API pre-authorizes the Todo API',
  description:
    'No knownClientApplications, but the Reports API lists the Todo API in preAuthorizedApplications for Reports.Read: OBO needs no user consent for it.',
  expect: { httpStatusAtClient: 200 },
  apply: (s) => {
    appOf(s, APP.todoApi).api.knownClientApplications = [];
    appOf(s, APP.reportsApi).api.preAuthorizedApplications = [
      { appId: APP.todoApi, permissionIds: [PERMISSION.reportsRead] },
    ];
    return s;
  },
};

/** What-if: a Conditional Access policy requires MFA for the Reports API: the claims challenge travels back and Ada does MFA. */
export const DOWNSTREAM_REQUIRES_MFA_CHAIN: VariantDefinition = {
  id: 'downstream-requires-mfa',
  label: 'Reports API requires MFA (claims challenge)',
  description:
    'A Conditional Access policy requires MFA for the Reports API. OBO fails with AADSTS50076 and a claims challenge; the Todo API relays it as 401 + WWW-Authenticate; the web app signs Ada in again with claims=..., she approves MFA, and the retried call succeeds.',
  expect: { code: 50076, httpStatusAtClient: 200 },
  userScript: [
    { prompt: 'sign-in' },
    { prompt: 'consent', accept: true },
    { prompt: 'mfa', approve: true },
  ],
  // The same Conditional Access policy as the OBO scenarios' what-if.
  apply: (s) => DOWNSTREAM_REQUIRES_MFA.apply(s),
};

/** What-if: the same MFA policy, and Ada denies the second factor (AADSTS500121 on the authority's page). */
export const USER_DENIES_MFA: VariantDefinition = {
  id: 'user-denies-mfa',
  label: 'User denies MFA',
  description:
    'The Reports API requires MFA (as above), and when the sign-in with claims asks Ada to approve the second factor, she denies it. The authority stops on its error page with AADSTS500121: no code, no retry, no report.',
  expect: { code: 500121 },
  decides: [{ prompt: 'mfa', approve: false }],
  apply: (s) => DOWNSTREAM_REQUIRES_MFA_CHAIN.apply(s),
};

const directory = contosoDirectory();
directory.oauth2PermissionGrants = directory.oauth2PermissionGrants.filter(
  (g) => !(g.clientId === SP.todoApi && g.resourceId === SP.reportsApi) && g.clientId !== SP.webApp,
);

const apiA: ApiParty = middleTier({
  credential: { type: 'client_secret_post', secret: SECRET.todoApi },
  endpoint: 'v2',
  scope: 'api://reports-api/.default',
});

/** The whole chain with combined consent. */
export const FULL_CHAIN: ScenarioDefinition = {
  id: 'full-chain',
  title: 'Sign in, call API A, API A calls API B (combined consent)',
  summary:
    "Ada signs in to the web app, which asks for api://todo-api/.default. With /.default the prompt is combined from everything the web app's registration requires (requiredResourceAccess: the Orders API and the Todo API, whichever of them the request names), and because the Todo API lists the web app in knownClientApplications, also the Todo API's own access to the Reports API. Then the web app calls the Todo API, which uses On-Behalf-Of to call the Reports API, and finds the grant Ada just gave.",
  category: 'Sign-in and consent',
  startTime: START_TIME,
  tenantId: TENANT_ID,
  directory,
  parties: [
    USER_PARTY,
    browser([{ do: 'navigate', id: 'open-app', url: 'https://webapp.contoso.example/' }]),
    webApp(
      {
        endpoint: 'v2',
        responseType: 'code',
        responseMode: 'query',
        scope: 'openid profile offline_access api://todo-api/.default',
        redirectPath: '/signin-oidc',
        pkce: true,
      },
      { target: 'api-a', path: '/me/todos' },
    ),
    apiA,
    REPORTS_API,
    AUTHORITY,
  ],
  starter: 'browser',
  startingTokens: [],
  userScript: [{ prompt: 'sign-in' }, { prompt: 'consent', accept: true }],
  narration: signInNarration({
    ...oboNarration(
      'It authenticates with its client secret.',
      'scope=api://reports-api/.default: whatever delegated permissions Ada granted the Todo API on the Reports API, which is exactly what the combined consent recorded a moment ago.',
      'Token B is v2.0 because the Reports API asks for v2.0 tokens.',
    ),
    consent: {
      request: {
        title: '{user} answers the combined consent prompt',
        text: "The app asked for /.default, so the prompt combined every permission the web app's registration requires (requiredResourceAccess: Orders.Read on the Orders API and Todo.Read on the Todo API, not only the API the request named) and, because the Todo API lists the web app in knownClientApplications, the Todo API's own permission on the Reports API. Her answer is posted to the authority (the decision chip on this step says which): Accept records all three grants in one go.",
        docs: [DOCS.obo, DOCS.consent],
      },
      response: {
        title: 'Three grants recorded',
        text: 'web app -> Orders API (Orders.Read), web app -> Todo API (Todo.Read) and Todo API -> Reports API (Reports.Read), all for Ada. The last one is what OBO will need.',
        docs: [DOCS.obo],
      },
      error: {
        title: 'Ada declined',
        text: 'No grant was recorded; the app receives error=consent_required (AADSTS65004).',
        docs: [DOCS.consent],
      },
    },
  }),
  docs: [DOCS.obo, DOCS.consent, SIGN_IN_DOCS.CODE_DOC],
  variants: [
    USER_CANCELS_CONSENT,
    DOWNSTREAM_CONSENT_NEVER_GIVEN,
    DOWNSTREAM_PREAUTHORIZES,
    DOWNSTREAM_REQUIRES_MFA_CHAIN,
    USER_DENIES_MFA,
    adminOnlyPermission(
      APP.reportsApi,
      'Reports.Read',
      'The Reports API permission "Read your reports"',
    ),
  ],
  layout: SIGN_IN_LAYOUT,
};
