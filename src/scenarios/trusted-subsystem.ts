// The web API doc's trusted subsystem: a web app calls its API as itself and names the user in an unsigned header.
import { DOCS } from '../engine/errors/docs';
import type { ApiParty, ScenarioDefinition, VariantDefinition } from '../engine/index';
import { ORDERS_API } from './client-credentials-base';
import { contosoDirectory, PERMISSION, SP, START_TIME, TENANT_ID, USER } from './contoso';
import {
  AUTHORITY,
  browser,
  ORDERS_SIGN_IN,
  SIGN_IN_LAYOUT,
  signInNarration,
  USER_PARTY,
  webApp,
  webAppOf,
} from './sign-in-base';

/** The header in which the web app names the signed-in user. */
export const USER_HEADER = 'X-On-Behalf-Of-User';

/** What-if: the delegated version, side by side: the user travels inside the signed token. */
export const DELEGATED_INSTEAD: VariantDefinition = {
  id: 'delegated-instead',
  label: 'Delegated user identity instead',
  description:
    "The web app asks for the delegated scope Orders.Read when Ada signs in and calls the Orders API with her access token, as the web API doc's second option describes. The API now reads Ada from the token itself (oid, name, scp), signed by the authority, and no header is needed.",
  expect: { httpStatusAtClient: 200 },
  apply: (s) => {
    const app = webAppOf(s);
    app.signIn = { ...ORDERS_SIGN_IN };
    app.api = { target: 'orders-api', path: '/orders', identity: 'delegated' };
    return s;
  },
};

/** What-if: the web app names another user in the header, and the API believes it. */
export const HEADER_NAMES_ANOTHER_USER: VariantDefinition = {
  id: 'header-names-another-user',
  label: 'The web app names another user',
  description:
    "A bug in the web app (or an attacker who took it over) puts grace@contoso.onmicrosoft.com in X-On-Behalf-Of-User while Ada is signed in. The app's token is as valid as ever and the header is not signed, so the Orders API serves Grace's view to Ada's session: the trust is in the app, and nothing in the protocol can catch it.",
  expect: { httpStatusAtClient: 200 },
  apply: (s) => {
    const app = webAppOf(s);
    app.quirks = { ...app.quirks, userHeaderOverride: 'grace@contoso.onmicrosoft.com' };
    return s;
  },
};

const directory = contosoDirectory();
// An admin granted the web app the application permission Orders.Read.All (app role assignment).
directory.appRoleAssignments.push({
  id: 'ara-webapp-orders',
  principalId: SP.webApp,
  principalType: 'ServicePrincipal',
  resourceId: SP.ordersApi,
  appRoleId: PERMISSION.ordersReadAll,
});
// For the delegated what-if: Ada's consent to the web app reading her orders.
directory.oauth2PermissionGrants.push({
  id: 'grant-webapp-orders-ada',
  clientId: SP.webApp,
  consentType: 'Principal',
  principalId: USER.ada,
  resourceId: SP.ordersApi,
  scope: 'Orders.Read',
});

const ordersApi: ApiParty = {
  ...ORDERS_API,
  description:
    'A web API that accepts app-only tokens with the application permission Orders.Read.All and, from such callers, takes the user named in the X-On-Behalf-Of-User header as the one it acts for; it also accepts delegated tokens with Orders.Read.',
  trustedUserHeader: USER_HEADER,
};

/** The trusted subsystem next to the delegated user identity (web API doc, Azure AD v1.0 app types). */
export const TRUSTED_SUBSYSTEM: ScenarioDefinition = {
  id: 'trusted-subsystem',
  title: 'Web app calls its API as itself (trusted subsystem)',
  summary:
    "Ada signs in to the web app, which then calls the Orders API with its own identity (client credentials) and names Ada only in an X-On-Behalf-Of-User header. The token proves the app, not the user; the user's identity travels in the application protocol, unsigned, and the API trusts the web app to have authenticated her: the web API doc calls this a trusted subsystem. Switch on the delegated version to see the user inside the signed token instead.",
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
        scope: 'openid profile',
        redirectPath: '/signin-oidc',
        pkce: true,
      },
      {
        target: 'orders-api',
        path: '/orders',
        identity: 'application',
        appScope: 'api://orders/.default',
        userHeader: USER_HEADER,
      },
    ),
    ordersApi,
    AUTHORITY,
  ],
  starter: 'browser',
  startingTokens: [],
  userScript: [{ prompt: 'sign-in' }],
  narration: signInNarration({
    'redeem-code': {
      request: {
        title: 'The app redeems the code (back channel)',
        text: 'Server to server, with the PKCE verifier and the client secret. The app asked only for openid profile: it wants to know who Ada is, not to act as her.',
        docs: [DOCS.authCode],
      },
      response: {
        title: 'An ID token: the app knows Ada',
        text: 'The ID token tells the app who signed in. Nothing here lets the app call an API as Ada.',
        docs: [DOCS.idTokenClaims],
      },
      error: {
        title: 'The authority refuses the code',
        text: 'See "Why this failed".',
        docs: [DOCS.authCode],
      },
    },
    'app-token': {
      request: {
        title: 'The app asks for a token as itself (client credentials)',
        text: "grant_type=client_credentials, scope=api://orders/.default, with the app's secret. No user is involved: this is the web API doc's application identity.",
        docs: [DOCS.cc, DOCS.webApiTrustedSubsystem],
      },
      response: {
        title: 'An app-only token',
        text: 'roles: Orders.Read.All, idtyp: app, no oid or name of a user. The token says which app is calling and nothing about Ada.',
        docs: [DOCS.cc],
      },
      error: {
        title: 'The authority refuses the token request',
        text: 'See "Why this failed".',
        docs: [DOCS.cc],
      },
    },
    'call-api': {
      request: {
        title: 'The app calls the API and names the user in a header',
        text: 'Authorization: Bearer <the app-only token> and X-On-Behalf-Of-User: the UPN of the user signed in to the app. The web API doc: "If the application receives information about the user, it will be sent via the application protocol, and it is not signed by Azure AD." Compare the header with the decoded token: the user is only in the unsigned part.',
        docs: [DOCS.webApiTrustedSubsystem],
      },
      response: {
        title: 'The API trusts the app for the user',
        text: 'The API validated the token (signature, iss, aud, exp, the Orders.Read.All role), which proves only the web app. It takes the user from the header ("actingFor" in the answer): "The web API trusts that the web application authenticated the user. For this reason, this pattern is called a trusted subsystem." In the delegated version the user is in the token, signed by the authority.',
        docs: [DOCS.webApiTrustedSubsystem],
      },
      error: {
        title: 'The API refuses the call',
        text: 'The WWW-Authenticate header says why (RFC 6750 section 3).',
        docs: [DOCS.rfc6750Challenge],
      },
    },
  }),
  docs: [DOCS.webApiTrustedSubsystem, DOCS.cc, DOCS.authCode],
  variants: [DELEGATED_INSTEAD, HEADER_NAMES_ANOTHER_USER],
  layout: SIGN_IN_LAYOUT,
};
