// Issue 3, scenario 1: a web app signs a user in with OpenID Connect (hybrid code id_token, form_post).
import { APP, START_TIME, TENANT_ID } from './contoso';
import { ORDERS_API } from './client-credentials-base';
import {
  AUTHORITY,
  browser,
  REDIRECT_NOT_REGISTERED,
  SIGN_IN_DOCS,
  SIGN_IN_LAYOUT,
  signInNarration,
  STATE_MISMATCH,
  USER_PARTY,
  ordersWebApp,
  directoryWithOrdersAdminConsent,
  WILDCARD_REPLY_URL,
} from './sign-in-base';
import type { ScenarioDefinition } from '../engine/index';

const directory = directoryWithOrdersAdminConsent();

/** OpenID Connect sign-in with an ID token and a code, then an API call with the code's access token. */
export const OIDC_SIGN_IN: ScenarioDefinition = {
  id: 'oidc-sign-in',
  title: 'Web app signs a user in with OpenID Connect',
  summary:
    "A web app signs Ada in with OpenID Connect: response_type=code id_token and response_mode=form_post, so the ID token (with nonce and c_hash) arrives in a form post through the browser, and the code is redeemed by the app's back end for an access token to the Orders API. An admin already consented for the organization, so there is no prompt.",
  category: 'Sign-in and consent',
  startTime: START_TIME,
  tenantId: TENANT_ID,
  directory,
  parties: [
    USER_PARTY,
    browser([{ do: 'navigate', id: 'open-app', url: 'https://webapp.contoso.example/' }]),
    ordersWebApp({ responseType: 'code id_token', responseMode: 'form_post' }),
    ORDERS_API,
    AUTHORITY,
  ],
  starter: 'browser',
  startingTokens: [],
  userScript: [{ prompt: 'sign-in' }],
  narration: signInNarration({
    'redirect-back': {
      request: {
        title: 'The browser posts the ID token and the code to the app',
        text: "response_mode=form_post: the authority's page auto-submits a form to the redirect URI, so the tokens never appear in a URL or browser history. The app checks state, then validates the ID token: signature, iss, aud = its own client id, exp, nonce = the one it sent, and c_hash = hash of the code it came with.",
        docs: [SIGN_IN_DOCS.OIDC_DOC, SIGN_IN_DOCS.ID_TOKEN_DOC],
      },
      response: {
        title: 'Ada is signed in',
        text: 'The ID token told the app who Ada is; the access token from the code let it call the Orders API for her.',
        docs: [SIGN_IN_DOCS.OIDC_DOC],
      },
      error: {
        title: 'The app rejected the response',
        text: 'See "Why this failed".',
        docs: [SIGN_IN_DOCS.OIDC_DOC],
      },
    },
  }),
  docs: [SIGN_IN_DOCS.OIDC_DOC, SIGN_IN_DOCS.ID_TOKEN_DOC, SIGN_IN_DOCS.CODE_DOC],
  variants: [WILDCARD_REPLY_URL, REDIRECT_NOT_REGISTERED, STATE_MISMATCH],
  layout: SIGN_IN_LAYOUT,
};

export { APP };
