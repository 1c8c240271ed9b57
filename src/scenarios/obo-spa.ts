// A single-page app signs in (code + PKCE, spa redirect URI) and passes its token to a confidential middle tier for OBO.
import { DOCS } from '../engine/errors/docs';
import type { ScenarioDefinition, VariantDefinition, WebAppParty } from '../engine/index';
import { APP, AUTHORITY, contosoDirectory, SECRET, START_TIME, TENANT_ID } from './contoso';
import { middleTier, oboNarration, REPORTS_API } from './obo-base';
import { appOf } from './obo-variants';
import { browser, SIGN_IN_LAYOUT, signInNarration, USER_PARTY, webAppOf } from './sign-in-base';

/** The SPA's origin and its redirect URI (registered under the `spa` platform). */
const SPA_ORIGIN = 'https://todo.contoso.example';
const SPA_REDIRECT_PATH = '/redirect';

/** What-if: the SPA sends token A to the token endpoint itself (AADSTS7000218: a public client has no credential). */
export const SPA_TRIES_OBO: VariantDefinition = {
  id: 'spa-tries-obo',
  label: 'The SPA tries OBO itself',
  description:
    'Instead of calling the Todo API, the single-page app posts token A to the token endpoint as an OBO assertion, asking for a Reports API token, then would call the Reports API itself. A SPA runs in the browser: it is a public client, with no secret or certificate to authenticate with.',
  expect: { code: 7000218, httpStatusAtClient: 502 },
  apply: (s) => {
    const spa = webAppOf(s);
    spa.quirks = {
      ...spa.quirks,
      onBehalfOf: {
        assertion: 'access_token',
        scope: 'api://reports-api/Reports.Read',
        target: 'api-b',
      },
    };
    return s;
  },
};

/** What-if: the SPA's redirect URI is registered under the web platform (AADSTS9002326 at redemption). */
export const SPA_REDIRECT_UNDER_WEB: VariantDefinition = {
  id: 'spa-redirect-under-web',
  label: 'Redirect URI registered as web, not spa',
  description:
    "The SPA's redirect URI was added under the Web platform instead of Single-page application. The sign-in works, but when the SPA's JavaScript redeems the code from the browser (with an Origin header), the token endpoint refuses: cross-origin redemption is only for the spa platform.",
  expect: { code: 9002326, httpStatusAtClient: 400 },
  apply: (s) => {
    const app = appOf(s, APP.spa);
    app.web.redirectUris = [...app.spa.redirectUris];
    app.spa.redirectUris = [];
    return s;
  },
};

const directory = contosoDirectory();
const registration = directory.applications.find((a) => a.appId === APP.spa);
if (registration) registration.spa.redirectUris = [`${SPA_ORIGIN}${SPA_REDIRECT_PATH}`];

const SPA_PARTY: WebAppParty = {
  id: 'web-app',
  kind: 'web-app',
  label: 'Todo SPA (single-page app)',
  appId: APP.spa,
  description:
    'A single-page app: JavaScript in the page, a public client with no secret (anything shipped to the browser is public). It signs in with the authorization code flow and PKCE, redeems the code from the browser (cross-origin, redirect URI under the spa platform), and passes its access token to the Todo API.',
  baseUrl: SPA_ORIGIN,
  credential: { type: 'none' },
  singlePageApp: true,
  signIn: {
    endpoint: 'v2',
    responseType: 'code',
    responseMode: 'query',
    scope: 'openid profile offline_access api://todo-api/Todo.Read',
    redirectPath: SPA_REDIRECT_PATH,
    pkce: true,
  },
  api: { target: 'api-a', path: '/me/todos' },
};

const OBO_TEXTS = oboNarration(
  'It authenticates with its client secret: the middle tier is a confidential client, which the SPA can never be.',
  'The assertion is token A, which the SPA obtained and passed to API A.',
  'Token B is v2.0 because the Reports API asks for v2.0 tokens.',
);

/** SPA -> confidential middle tier -> OBO -> downstream API. */
export const OBO_SPA: ScenarioDefinition = {
  id: 'obo-spa',
  title: 'A single-page app passes its token to a middle tier for OBO',
  summary:
    "Ada signs in to the Todo SPA, a single-page app with no secret: authorization code with PKCE, its redirect URI registered under the spa platform, the code redeemed by the page's JavaScript with an Origin header. The SPA sends its access token to the Todo API, a confidential middle tier, which exchanges it for a Reports API token with On-Behalf-Of. The OBO doc's client limitations say a SPA must do it this way; the what-if shows why it cannot do OBO itself.",
  category: 'On-Behalf-Of',
  startTime: START_TIME,
  tenantId: TENANT_ID,
  directory,
  parties: [
    USER_PARTY,
    browser([{ do: 'navigate', id: 'open-app', url: `${SPA_ORIGIN}/` }]),
    SPA_PARTY,
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
    'open-app': {
      request: {
        title: '{user} opens the single-page app',
        text: "The browser loads the SPA. Its JavaScript starts the sign-in: a random state, a nonce and a PKCE verifier, kept in the page's session storage (here: its session).",
        docs: [DOCS.spaCode, DOCS.pkce],
      },
      response: {
        title: 'The SPA sends the browser to the authorize endpoint',
        text: 'response_type=code with code_challenge (S256): PKCE is required for single-page apps, since they have no secret to protect the code.',
        docs: [DOCS.spaCode, DOCS.pkce],
      },
    },
    'redirect-back': {
      request: {
        title: 'The code comes back to the SPA',
        text: "The browser loads the SPA's redirect URI (registered under the spa platform) with the code and state; the SPA's JavaScript checks state.",
        docs: [DOCS.spaCode],
      },
      response: {
        title: '{user} sees her to-dos and reports',
        text: 'The SPA redeemed the code, called the Todo API with token A, and the Todo API did the OBO exchange: the SPA never held token B.',
        docs: [DOCS.oboLimitations],
      },
      error: {
        title: 'The SPA could not finish',
        text: 'See "Why this failed".',
        docs: [DOCS.spaCode, DOCS.oboLimitations],
      },
    },
    'redeem-code': {
      request: {
        title: "The SPA's JavaScript redeems the code, cross-origin",
        text: 'grant_type=authorization_code with the code, the redirect_uri, the PKCE code_verifier, and no secret: a public client. The request carries Origin: https://todo.contoso.example, which the token service requires for codes issued to spa redirect URIs (CORS).',
        docs: [DOCS.spaCode, DOCS.pkce],
      },
      response: {
        title: 'Token A for the SPA',
        text: 'An access token for the Todo API (azp = the SPA, azpacr 0: a public client), an ID token, and a refresh token that, for a SPA, lasts 24 hours.',
        docs: [DOCS.spaCode],
      },
      error: {
        title: 'The token endpoint refuses the redemption',
        text: 'See "Why this failed": codes for spa redirect URIs are redeemed cross-origin from the page, codes for web redirect URIs on a server.',
        docs: [DOCS.spaCode, DOCS.errors],
      },
    },
    'call-api': {
      request: {
        title: 'The SPA calls the Todo API with token A',
        text: 'Authorization: Bearer token A. The SPA hands its token to a confidential client, the middle tier, which will do the OBO exchange for it.',
        docs: [DOCS.oboLimitations],
      },
      response: {
        title: 'The Todo API answers with data from both APIs',
        text: 'API A exchanged token A for token B and called the Reports API for Ada.',
        docs: [DOCS.obo],
      },
      error: {
        title: 'The API refuses the call',
        text: 'The WWW-Authenticate header says why (RFC 6750 section 3).',
        docs: [DOCS.rfc6750Challenge],
      },
    },
    'app-obo': {
      request: {
        title: 'The SPA posts token A to the token endpoint itself (OBO)',
        text: 'grant_type=jwt-bearer, requested_token_use=on_behalf_of, assertion = token A, scope = the Reports API, client_id = the SPA. No client_secret and no client_assertion: a SPA ships to every browser, so it cannot keep one.',
        docs: [DOCS.obo, DOCS.oboLimitations],
      },
      response: { title: 'Exchanged', text: 'The authority issued a token.', docs: [DOCS.obo] },
      error: {
        title: 'Refused: a public client cannot do OBO',
        text: 'OBO is a confidential-client grant: the token endpoint first asks the caller to prove who it is, and the SPA has no credential (AADSTS7000218). Even with one, token A is for the Todo API (aud), not for the SPA. The OBO doc: "In the case of Single-page apps (SPAs), they should pass an access token to a middle-tier confidential client to perform OBO flows instead", which is what the base run does.',
        docs: [DOCS.oboLimitations, DOCS.errors],
      },
    },
  }),
  docs: [DOCS.oboLimitations, DOCS.spaCode, DOCS.obo],
  variants: [SPA_TRIES_OBO, SPA_REDIRECT_UNDER_WEB],
  layout: SIGN_IN_LAYOUT,
};
