// Shared parties, narration and what-ifs of the delegated sign-in scenarios (browser, user, web app).
import { DOCS } from '../engine/errors/docs';
import type {
  ActionNarration,
  BrowserAction,
  BrowserParty,
  ScenarioDefinition,
  UserParty,
  VariantDefinition,
  WebAppParty,
} from '../engine/index';
import { APP, AUTHORITY, contosoDirectory, SECRET, SP, USER } from './contoso';

const CODE_DOC = DOCS.authCode;
const OIDC_DOC = DOCS.oidc;
const REPLY_DOC = DOCS.replyUrl;
const PKCE_DOC = DOCS.pkce;
const ID_TOKEN_DOC = DOCS.idTokenClaims;
const REFRESH_DOC = DOCS.refreshTokens;

/** Documentation links of the sign-in scenarios. */
export const SIGN_IN_DOCS = { CODE_DOC, OIDC_DOC, REPLY_DOC, PKCE_DOC, ID_TOKEN_DOC, REFRESH_DOC };

/** Ada, the person at the screen. */
export const USER_PARTY: UserParty = {
  id: 'user',
  kind: 'user',
  label: 'Ada (the user)',
  description:
    'The person at the keyboard. She signs in, approves MFA and answers consent prompts: you decide for her.',
};

/** Ada's browser with the given script. */
export function browser(program: BrowserAction[]): BrowserParty {
  return {
    id: 'browser',
    kind: 'browser',
    label: "Ada's browser",
    description:
      'The user agent: follows redirects, keeps cookies per site, posts forms. Everything between the app and the authority passes through it.',
    userId: USER.ada,
    program,
  };
}

/** The confidential web app with the given sign-in request and API. */
export function webApp(signIn: WebAppParty['signIn'], api?: WebAppParty['api']): WebAppParty {
  return {
    id: 'web-app',
    kind: 'web-app',
    label: 'Contoso Todo web app',
    appId: APP.webApp,
    description:
      'A server-side web app (confidential client): it holds a client secret, so the code is redeemed by its back end, never by the browser.',
    baseUrl: 'https://webapp.contoso.example',
    credential: { type: 'client_secret_post', secret: SECRET.webApp },
    signIn,
    ...(api ? { api } : {}),
  };
}

/** The sign-in request of the scenarios that call the Orders API: code flow, query, PKCE. */
export const ORDERS_SIGN_IN: WebAppParty['signIn'] = {
  endpoint: 'v2',
  responseType: 'code',
  responseMode: 'query',
  scope: 'openid profile offline_access api://orders/Orders.Read',
  redirectPath: '/signin-oidc',
  pkce: true,
};

/** The web app signing in for the Orders API and calling `GET /orders` (optionally another sign-in request). */
export function ordersWebApp(signIn: Partial<WebAppParty['signIn']> = {}): WebAppParty {
  return webApp({ ...ORDERS_SIGN_IN, ...signIn }, { target: 'orders-api', path: '/orders' });
}

/** The Contoso directory where an admin already consented, for the organization, to the web app reading orders. */
export function directoryWithOrdersAdminConsent(): ScenarioDefinition['directory'] {
  const directory = contosoDirectory();
  directory.oauth2PermissionGrants.push({
    id: 'grant-webapp-orders-admin',
    clientId: SP.webApp,
    consentType: 'AllPrincipals',
    principalId: null,
    resourceId: SP.ordersApi,
    scope: 'Orders.Read',
  });
  return directory;
}

/** The authority party, re-exported for layouts. */
export { AUTHORITY };

/** The scenario's web app (or single-page app) party, for what-ifs. Throws `Error` when there is none. */
export const webAppOf = (s: ScenarioDefinition): WebAppParty => {
  const party = s.parties.find((p) => p.kind === 'web-app');
  if (party?.kind !== 'web-app') throw new Error('No web app in this scenario.');
  return party;
};
const appOf = (s: ScenarioDefinition, appId: string) => {
  const app = s.directory.applications.find((a) => a.appId === appId);
  if (!app) throw new Error(`App ${appId} missing.`);
  return app;
};

/** What-if: the registration uses a wildcard reply URL (work/school-only apps may). */
export const WILDCARD_REPLY_URL: VariantDefinition = {
  id: 'wildcard-reply-url',
  label: 'Wildcard reply URL',
  description:
    'The registration lists https://*.contoso.example/signin-oidc instead of the exact URI (only possible in the manifest, for work or school accounts). It still matches, and the authority strips any query string.',
  expect: { httpStatusAtClient: 200 },
  apply: (s) => {
    appOf(s, APP.webApp).web.redirectUris = ['https://*.contoso.example/signin-oidc'];
    return s;
  },
};

/** What-if: the app sends a redirect URI that is not registered (AADSTS50011 error page). */
export const REDIRECT_NOT_REGISTERED: VariantDefinition = {
  id: 'redirect-not-registered',
  label: 'Redirect URI not registered',
  description:
    'The app was deployed with a new callback path, /auth/callback, that nobody added to the registration.',
  expect: { code: 50011, httpStatusAtClient: 400 },
  apply: (s) => {
    webAppOf(s).quirks = {
      ...webAppOf(s).quirks,
      redirectUriOverride: 'https://webapp.contoso.example/auth/callback',
    };
    return s;
  },
};

/** What-if: the response carries a state this browser never sent (CSRF-style forged response). */
export const STATE_MISMATCH: VariantDefinition = {
  id: 'state-mismatch',
  label: 'state mismatch (forged response)',
  description:
    "An attacker makes Ada's browser deliver a code from the attacker's own sign-in. Its state is not the one Ada's session sent, and the app must notice.",
  expect: { clientError: 'State mismatch detected by the client', httpStatusAtClient: 400 },
  apply: (s) => {
    webAppOf(s).quirks = { ...webAppOf(s).quirks, forgedState: true };
    return s;
  },
};

/** What-if: the person cancels the consent prompt (AADSTS65004). */
export const USER_CANCELS_CONSENT: VariantDefinition = {
  id: 'user-cancels-consent',
  label: 'User cancels consent',
  description: 'Ada reads the permissions and clicks Cancel.',
  expect: { code: 65004, httpStatusAtClient: 400 },
  decides: [{ prompt: 'consent', accept: false }],
  apply: (s) => s,
};

/** What-if: a permission needs an admin and Ada is not one (AADSTS90094). */
export function adminOnlyPermission(
  resourceAppId: string,
  scopeValue: string,
  label: string,
): VariantDefinition {
  return {
    id: 'admin-only-permission',
    label: 'Permission needs an admin',
    description: `${label} is marked "Admins only" for consent, and Ada is not an administrator.`,
    expect: { code: 90094 },
    apply: (s) => {
      const scope = appOf(s, resourceAppId).api.oauth2PermissionScopes.find(
        (x) => x.value === scopeValue,
      );
      if (scope) scope.type = 'Admin';
      return s;
    },
  };
}

/** What-if: an administrator signs in and consents for the whole organization (the fix for AADSTS90094). */
export function adminConsentsForOrganization(
  resourceAppId: string,
  scopeValue: string,
): VariantDefinition {
  return {
    id: 'admin-consents-for-organization',
    label: 'An admin consents for the organization',
    description:
      'The permission is admin-only, so Grace, a tenant administrator, signs in and ticks "Consent on behalf of your organization". The grant becomes tenant-wide (AllPrincipals): no user is prompted again.',
    expect: { httpStatusAtClient: 200 },
    userScript: [{ prompt: 'sign-in' }, { prompt: 'consent', accept: true, forOrganization: true }],
    apply: (s) => {
      const scope = appOf(s, resourceAppId).api.oauth2PermissionScopes.find(
        (x) => x.value === scopeValue,
      );
      if (scope) scope.type = 'Admin';
      for (const party of s.parties) {
        if (party.kind === 'browser') {
          party.userId = USER.grace;
          party.label = "Grace's browser";
        }
        if (party.kind === 'user') party.label = 'Grace (an admin)';
      }
      return s;
    },
  };
}

/** What-if: the app sends a code_verifier that does not match its challenge (AADSTS501481). */
export const PKCE_MISMATCH: VariantDefinition = {
  id: 'pkce-mismatch',
  label: 'PKCE verifier mismatch',
  description:
    'The code reaches a back end that does not hold the verifier of this sign-in (for example a code intercepted and redeemed elsewhere).',
  expect: { code: 501481, httpStatusAtClient: 400 },
  apply: (s) => {
    webAppOf(s).quirks = { ...webAppOf(s).quirks, wrongCodeVerifier: true };
    return s;
  },
};

/** What-if: the same code is redeemed twice (AADSTS54005). */
export const CODE_REPLAYED: VariantDefinition = {
  id: 'code-replayed',
  label: 'Authorization code replayed',
  description:
    'A retry bug (or an attacker with a copy of the code) redeems the same code a second time.',
  expect: { code: 54005, httpStatusAtClient: 400 },
  apply: (s) => {
    webAppOf(s).quirks = { ...webAppOf(s).quirks, redeemCodeTwice: true };
    return s;
  },
};

/** Removes the web app's existing grants so the user is prompted. */
export function withoutWebAppGrants(s: ScenarioDefinition): ScenarioDefinition {
  s.directory.oauth2PermissionGrants = s.directory.oauth2PermissionGrants.filter(
    (g) => g.clientId !== SP.webApp,
  );
  return s;
}

/** Narration of the browser-side steps shared by every sign-in scenario. */
export function signInNarration(
  extra: Record<string, ActionNarration>,
): Record<string, ActionNarration> {
  return {
    'open-app': {
      request: {
        title: '{user} opens the web app',
        text: 'The browser asks the app for its home page. {user} has no session with the app yet.',
        docs: [CODE_DOC],
      },
      response: {
        title: 'The app redirects the browser to sign in',
        text: 'The app creates a random state (to recognise the answer), a nonce (bound into the ID token) and a PKCE verifier, keeps them in its session cookie, and answers 302 to the authorize endpoint. The request parameters travel in the URL, through the browser.',
        docs: [CODE_DOC, PKCE_DOC],
      },
    },
    authorize: {
      request: {
        title: 'The browser follows the redirect to the authorize endpoint',
        text: 'GET /authorize with client_id, response_type, redirect_uri, scope, state, nonce and (with PKCE) code_challenge. The authority first checks the tenant, the app and the redirect URI: a failure there is shown as an error page and never redirected, because the redirect URI cannot be trusted yet.',
        docs: [CODE_DOC, REPLY_DOC],
      },
      response: {
        title: 'The authority answers',
        text: 'Without a session cookie it shows its sign-in page; with one it goes straight to consent or back to the app.',
        docs: [CODE_DOC],
      },
      error: {
        title: 'The authority refuses the request',
        text: 'See "Why this failed". Errors before the redirect URI is validated are shown as a page; later ones are redirected to the app with error and error_description.',
        docs: [CODE_DOC, REPLY_DOC],
      },
    },
    'sign-in': {
      request: {
        title: '{user} signs in',
        text: "The sign-in form is posted to the authority. The app never sees {user}'s password.",
        docs: [OIDC_DOC],
      },
      response: {
        title: 'The authority has a session for {user}',
        text: 'It sets its session cookie (ESTSAUTH), so later sign-ins in this browser are silent, and continues: MFA if a policy asks, consent if permissions are missing, else back to the app.',
        docs: [OIDC_DOC],
      },
    },
    mfa: {
      request: {
        title: '{user} answers the MFA request',
        text: 'A Conditional Access policy asked for a second factor; {user} approves or denies it (the decision chip on this step says which).',
        docs: [DOCS.claims],
      },
      response: {
        title: 'MFA recorded',
        text: 'The session now says pwd + mfa; tokens issued from it satisfy the policy.',
        docs: [DOCS.claims],
      },
      error: {
        title: 'MFA denied: the sign-in stops here',
        text: "The authority shows its error page (AADSTS500121) in {user}'s browser. No code is issued and the app is never called back, so it cannot retry on its own: {user} has to start again.",
        docs: [DOCS.claims],
      },
    },
    consent: {
      request: {
        title: '{user} answers the consent prompt',
        text: 'Her choice is posted to the authority. Accept records delegated permission grants (oAuth2PermissionGrant) for her; Cancel sends an error back to the app.',
        docs: [DOCS.consent],
      },
      response: {
        title: 'Consent recorded, back to the app',
        text: 'The grants now exist, so {user} is not asked again for these permissions. The authority issues the code and redirects the browser to the app.',
        docs: [DOCS.consent],
      },
      error: {
        title: '{user} declined',
        text: 'The authority redirects back to the app with error=consent_required (AADSTS65004) instead of a code.',
        docs: [DOCS.consent],
      },
    },
    'redirect-back': {
      request: {
        title: 'The browser brings the answer to the app',
        text: "The code (and state, and in hybrid flows an ID token) reach the app's redirect URI: in the query string, or in a form post with response_mode=form_post. First check: state must equal the one this browser session sent.",
        docs: [CODE_DOC],
      },
      response: {
        title: '{user} is signed in to the app',
        text: 'The app redeemed the code, validated the ID token, and used the access token. The browser only ever saw the code.',
        docs: [CODE_DOC],
      },
      redirect: {
        title: 'The app needs more: it starts another sign-in',
        text: 'The API answered 401 with WWW-Authenticate: Bearer error="insufficient_claims" and a base64 claims challenge. The app decodes it and sends the browser back to the authorize endpoint with claims=..., so the authority can ask for what the policy requires (here MFA).',
        docs: [DOCS.claims],
      },
      error: {
        title: 'The app cannot complete the sign-in',
        text: 'See "Why this failed".',
        docs: [CODE_DOC],
      },
    },
    'redeem-code': {
      request: {
        title: 'The app redeems the code (back channel)',
        text: "Server to server: grant_type=authorization_code with the code, the same redirect_uri, the PKCE code_verifier, and the app's client secret. A stolen code alone is useless.",
        docs: [CODE_DOC, PKCE_DOC],
      },
      response: {
        title: 'Tokens for the app',
        text: 'An access token for the API, an ID token (because openid was asked) and a refresh token (because offline_access was asked). The refresh token is opaque to the app, not a JWT (older docs call refresh tokens JWTs): only the authority can read it, so the app stores it and sends it back as is. The code is now spent.',
        docs: [CODE_DOC, ID_TOKEN_DOC],
      },
      error: {
        title: 'The authority refuses the code',
        text: 'See "Why this failed".',
        docs: [CODE_DOC],
      },
    },
    'call-api': {
      request: {
        title: 'The app calls the API for {user}',
        text: 'The delegated access token goes in Authorization: Bearer. The API sees both the app (azp) and the user (oid, name) and checks the scope in scp.',
        docs: [CODE_DOC],
      },
      response: {
        title: 'The API answers',
        text: 'A delegated call: the API acted for {user} through the app, within the consented scopes.',
        docs: [CODE_DOC],
      },
      error: {
        title: 'The API refuses the call',
        text: 'The WWW-Authenticate header says why (RFC 6750 section 3).',
        docs: [CODE_DOC],
      },
    },
    ...extra,
  };
}

/** Layout of the sign-in scenarios: user and browser on the left, app in the middle, APIs right, authority below. */
export const SIGN_IN_LAYOUT = {
  user: { x: 0, y: 0 },
  browser: { x: 0, y: 200 },
  'web-app': { x: 380, y: 60 },
  'orders-api': { x: 760, y: 60 },
  'api-a': { x: 760, y: 60 },
  'api-b': { x: 1120, y: 60 },
  authority: { x: 380, y: 360 },
};
