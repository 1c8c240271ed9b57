// OBO client limitation: implicit flow + wildcard reply URL. The implicit access token is redeemed; the ID token is not.
import { DOCS } from '../engine/errors/docs';
import type { ScenarioDefinition, VariantDefinition } from '../engine/index';
import { APP, AUTHORITY, contosoDirectory, SECRET, SP, START_TIME, TENANT_ID } from './contoso';
import { middleTier, oboNarration, REPORTS_API } from './obo-base';
import { appOf } from './obo-variants';
import {
  browser,
  SIGN_IN_LAYOUT,
  signInNarration,
  USER_PARTY,
  webApp,
  webAppOf,
} from './sign-in-base';

/** The wildcard reply URL of the web app's registration (host wildcard, work or school apps only). */
export const WILDCARD_REPLY = 'https://*.contoso.example/signin-oidc';

/** What-if: the app's back end exchanges the implicit ID token with OBO (refused: wildcard reply URL). */
export const ID_TOKEN_FOR_OBO: VariantDefinition = {
  id: 'id-token-for-obo',
  label: 'The app exchanges its ID token (OBO)',
  description:
    "Instead of passing the implicit access token on, the web app's back end sends the ID token it got from the same implicit response as the OBO assertion, asking for a Todo API token for Ada. The app has a wildcard reply URL, so the authority refuses: the ID token can't identify the client.",
  expect: { code: 240002, httpStatusAtClient: 502 },
  apply: (s) => {
    const app = webAppOf(s);
    app.quirks = {
      ...app.quirks,
      onBehalfOf: { assertion: 'id_token', scope: 'api://todo-api/Todo.Read' },
    };
    return s;
  },
};

/** What-if: the app did not enable access tokens for the implicit grant (AADSTS700051). */
export const IMPLICIT_ACCESS_TOKEN_DISABLED: VariantDefinition = {
  id: 'implicit-access-token-disabled',
  label: 'Access tokens (implicit) not enabled',
  description:
    "The registration enables ID tokens for the implicit grant but not access tokens (implicitGrantSettings.enableAccessTokenIssuance: false), so response_type=id_token token is refused and the error comes back to the app's reply URL.",
  expect: { code: 700051, httpStatusAtClient: 400 },
  apply: (s) => {
    appOf(s, APP.webApp).web.implicitGrantSettings.enableAccessTokenIssuance = false;
    return s;
  },
};

/** What-if: the app did not enable ID tokens for the implicit grant (AADSTS700054). */
export const IMPLICIT_ID_TOKEN_DISABLED: VariantDefinition = {
  id: 'implicit-id-token-disabled',
  label: 'ID tokens (implicit) not enabled',
  description:
    'The registration enables neither ID tokens nor access tokens for the implicit grant; the authority names the first one the request asks for, the ID token.',
  expect: { code: 700054, httpStatusAtClient: 400 },
  apply: (s) => {
    const settings = appOf(s, APP.webApp).web.implicitGrantSettings;
    settings.enableIdTokenIssuance = false;
    settings.enableAccessTokenIssuance = false;
    return s;
  },
};

const directory = contosoDirectory();
const registration = directory.applications.find((a) => a.appId === APP.webApp);
if (registration) {
  registration.web.redirectUris = [WILDCARD_REPLY];
  registration.web.implicitGrantSettings = {
    enableIdTokenIssuance: true,
    enableAccessTokenIssuance: true,
  };
}
directory.oauth2PermissionGrants.push({
  id: 'grant-webapp-todo',
  clientId: SP.webApp,
  consentType: 'AllPrincipals',
  principalId: null,
  resourceId: SP.todoApi,
  scope: 'Todo.Read',
});

const OBO_TEXTS = oboNarration(
  'It authenticates with its client secret.',
  "The assertion is the access token the web app got from the implicit grant. It names the web app in azp, although the web app's registration has only a wildcard reply URL.",
  'Token B is v2.0 because the Reports API asks for v2.0 tokens.',
);

/** The implicit grant with a wildcard reply URL, and what OBO makes of each token it returned. */
export const OBO_IMPLICIT: ScenarioDefinition = {
  id: 'obo-implicit',
  title: 'Implicit flow with a wildcard reply URL, then OBO',
  summary:
    "The Contoso web app signs Ada in with the implicit grant (response_type=id_token token, tokens in the URL fragment) and its registration has a wildcard reply URL. It passes the implicit access token to the Todo API, which exchanges it with On-Behalf-Of: that works, because an access token names the client that obtained it. Switch on the what-if to send the ID token into OBO instead: the OBO doc's client limitations rule that out when the reply URL is a wildcard.",
  category: 'On-Behalf-Of',
  startTime: START_TIME,
  tenantId: TENANT_ID,
  directory,
  parties: [
    USER_PARTY,
    browser([{ do: 'navigate', id: 'open-app', url: 'https://webapp.contoso.example/' }]),
    {
      ...webApp(
        {
          endpoint: 'v2',
          responseType: 'id_token token',
          responseMode: 'fragment',
          scope: 'openid profile api://todo-api/Todo.Read',
          redirectPath: '/signin-oidc',
          pkce: false,
        },
        { target: 'api-a', path: '/me/todos' },
      ),
      description:
        "A web app that still uses the implicit grant: the authority returns the ID token and an access token in the URL fragment, the page's script posts them to the app's server. Its registration lists the wildcard reply URL https://*.contoso.example/signin-oidc. It holds a client secret for its back end.",
    },
    middleTier({
      credential: { type: 'client_secret_post', secret: SECRET.todoApi },
      endpoint: 'v2',
      scope: 'api://reports-api/Reports.Read',
    }),
    REPORTS_API,
    AUTHORITY,
  ],
  starter: 'browser',
  startingTokens: [],
  userScript: [{ prompt: 'sign-in' }],
  narration: signInNarration({
    ...OBO_TEXTS,
    authorize: {
      request: {
        title: 'The browser asks for tokens directly (implicit grant)',
        text: 'GET /authorize with response_type=id_token token: no code, the authority returns the tokens themselves. The registration must enable both for the implicit grant (web.implicitGrantSettings), and a nonce is required because an ID token is asked for. The redirect_uri matches the registered wildcard https://*.contoso.example/signin-oidc.',
        docs: [DOCS.implicit, DOCS.replyUrl],
      },
      response: {
        title: 'The authority answers',
        text: 'Without a session cookie it shows its sign-in page; with one it redirects straight back with the tokens in the fragment.',
        docs: [DOCS.implicit],
      },
      error: {
        title: 'The authority refuses the implicit request',
        text: "The app's registration does not enable the implicit grant for what was asked (enableIdTokenIssuance / enableAccessTokenIssuance), so the error (AADSTS700054 or 700051, unsupported_response_type) goes back to the reply URL in the fragment.",
        docs: [DOCS.implicit, DOCS.errors],
      },
    },
    'sign-in': {
      request: {
        title: '{user} signs in',
        text: "The sign-in form is posted to the authority. The app never sees {user}'s password.",
        docs: [DOCS.oidc],
      },
      response: {
        title: 'Tokens in the fragment',
        text: "A 302 to the reply URL with #access_token=...&token_type=Bearer&expires_in=...&scope=...&id_token=...&state=...: everything after # stays in the browser and never reaches a server. The ID token carries at_hash, the left half of the access token's SHA-256, which binds the two together.",
        docs: [DOCS.implicit, DOCS.idTokenClaims],
      },
    },
    'redirect-back': {
      request: {
        title: 'The browser loads the reply URL, without the fragment',
        text: 'GET /signin-oidc carries no tokens: a browser never sends the fragment. The tokens are only in the address bar, for the page to read.',
        docs: [DOCS.implicit],
      },
      response: {
        title: "The app's page",
        text: "Its script reads location.hash and posts the parameters to the app's server (the hop that moves the tokens out of the browser).",
        docs: [DOCS.implicit],
      },
      error: {
        title: 'The app cannot complete the sign-in',
        text: 'See "Why this failed".',
        docs: [DOCS.implicit],
      },
    },
    'fragment-post': {
      request: {
        title: "The page's script posts the fragment to the app",
        text: 'access_token, id_token, state and the rest, form-encoded. The app checks state, then the ID token: signature, aud, nonce, and at_hash against the access token.',
        docs: [DOCS.implicit, DOCS.idTokenClaims],
      },
      response: {
        title: '{user} sees her to-dos and reports',
        text: 'The Todo API accepted the implicit access token and exchanged it with OBO: the wildcard reply URL did not matter for an access token.',
        docs: [DOCS.oboLimitations],
      },
      error: {
        title: 'The app could not use what it got',
        text: 'See "Why this failed".',
        docs: [DOCS.oboLimitations],
      },
    },
    'call-api': {
      request: {
        title: 'The app calls the Todo API with the implicit access token',
        text: 'The access token from the fragment goes in Authorization: Bearer. It is a delegated token for the Todo API whose azp is the web app: the client that obtained it is named in the token.',
        docs: [DOCS.implicit, DOCS.oboLimitations],
      },
      response: {
        title: 'The Todo API answers with data from both APIs',
        text: 'API A validated the implicit access token and exchanged it for token B with OBO.',
        docs: [DOCS.oboLimitations],
      },
      error: {
        title: 'The API refuses the call',
        text: 'The WWW-Authenticate header says why (RFC 6750 section 3).',
        docs: [DOCS.rfc6750Challenge],
      },
    },
    'app-obo': {
      request: {
        title: "The app's back end sends the ID token into OBO",
        text: "grant_type=jwt-bearer, requested_token_use=on_behalf_of, assertion = the implicit ID token (aud = the web app), scope=api://todo-api/Todo.Read, authenticated with the app's client secret.",
        docs: [DOCS.obo],
      },
      response: {
        title: 'Exchanged',
        text: 'The authority issued a token.',
        docs: [DOCS.obo],
      },
      error: {
        title: 'Refused: an implicit ID token with a wildcard reply URL',
        text: 'The OBO doc: "If a client uses the implicit flow to get an id_token, and that client also has wildcards in a reply URL, the id_token can\'t be used for an OBO flow." The wildcard is not specific enough to identify the client, so no token is issued. The doc names no error code; the simulator answers AADSTS240002, the documented code for an ID token sent as a jwt-bearer grant. The access token of the same response works (the base run).',
        docs: [DOCS.oboLimitations, DOCS.errors],
      },
    },
  }),
  docs: [DOCS.oboLimitations, DOCS.implicit, DOCS.replyUrl],
  variants: [ID_TOKEN_FOR_OBO, IMPLICIT_ACCESS_TOKEN_DISABLED, IMPLICIT_ID_TOKEN_DISABLED],
  layout: SIGN_IN_LAYOUT,
};
