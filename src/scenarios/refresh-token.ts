// Issue 3, scenario 3: the access token expires; the app gets a 401 and uses its refresh token.
import type { ScenarioDefinition, VariantDefinition } from '../engine/index';
import { ORDERS_API } from './client-credentials-base';
import { START_TIME, TENANT_ID } from './contoso';
import {
  AUTHORITY,
  browser,
  SIGN_IN_DOCS,
  SIGN_IN_LAYOUT,
  signInNarration,
  USER_PARTY,
  ordersWebApp,
  directoryWithOrdersAdminConsent,
} from './sign-in-base';

const directory = directoryWithOrdersAdminConsent();

const DAY = 24 * 3600;

/** What-if: the refresh token sat unused for 91 days (AADSTS700082). */
export const REFRESH_TOKEN_EXPIRED: VariantDefinition = {
  id: 'refresh-token-expired',
  label: 'Refresh token expired',
  description:
    'Ada comes back after 91 days. The refresh token expired after 90 days without use: she must sign in again.',
  expect: { code: 700082, httpStatusAtClient: 401 },
  decides: [{ prompt: 'clock', seconds: 91 * DAY }],
  apply: (s) => s,
};

/** Token expiry and refresh. */
export const REFRESH_TOKEN: ScenarioDefinition = {
  id: 'refresh-token',
  title: 'Token expiry: the API answers 401, the app refreshes and retries',
  summary:
    "Ada signs in; the app keeps her access token (60-90 minutes) and refresh token. Fast-forward the simulated clock past the access token's exp: the API answers 401, the app redeems the refresh token for new tokens without bothering Ada, and retries.",
  category: 'Sign-in and consent',
  startTime: START_TIME,
  tenantId: TENANT_ID,
  directory,
  parties: [
    USER_PARTY,
    browser([
      { do: 'navigate', id: 'open-app', url: 'https://webapp.contoso.example/' },
      {
        do: 'wait',
        id: 'wait',
        title: 'Let time pass before Ada reloads the page',
        choices: [
          { label: '+5 min', seconds: 300 },
          { label: 'Past token expiry (+2 h)', seconds: 2 * 3600 },
          { label: '+91 days', seconds: 91 * DAY },
        ],
      },
      { do: 'navigate', id: 'open-refresh', url: 'https://webapp.contoso.example/refresh-demo' },
    ]),
    ordersWebApp(),
    ORDERS_API,
    AUTHORITY,
  ],
  starter: 'browser',
  startingTokens: [],
  userScript: [{ prompt: 'sign-in' }, { prompt: 'clock', seconds: 2 * 3600 }],
  narration: signInNarration({
    'open-refresh': {
      request: {
        title: 'Later: {user} reloads the page',
        text: 'The app still has the tokens from the sign-in in its session.',
        docs: [SIGN_IN_DOCS.REFRESH_DOC],
      },
      response: {
        title: 'Fresh data, no prompt',
        text: 'The app recovered from the expired token without involving Ada.',
        docs: [SIGN_IN_DOCS.REFRESH_DOC],
      },
      error: {
        title: 'Ada must sign in again',
        text: 'The refresh token could not be used; the app has to start an interactive sign-in.',
        docs: [SIGN_IN_DOCS.REFRESH_DOC],
      },
    },
    refresh: {
      request: {
        title: 'The app redeems its refresh token',
        text: 'grant_type=refresh_token with the client secret. No browser, no user: this is the back channel.',
        docs: [SIGN_IN_DOCS.REFRESH_DOC, SIGN_IN_DOCS.CODE_DOC],
      },
      response: {
        title: 'New tokens',
        text: 'A new access token and a new refresh token (the old refresh token is not revoked). A refresh token is opaque to clients, not a JWT (older docs call refresh tokens JWTs): do not decode it, just keep the newest one. The consent is checked again: a revoked grant would fail here with AADSTS65001.',
        docs: [SIGN_IN_DOCS.REFRESH_DOC],
      },
      error: {
        title: 'The refresh token is refused',
        text: 'See "Why this failed".',
        docs: [SIGN_IN_DOCS.REFRESH_DOC],
      },
    },
    'call-api': {
      request: {
        title: 'The app calls the API with its stored access token',
        text: 'The token goes in Authorization: Bearer, as before.',
        docs: [SIGN_IN_DOCS.CODE_DOC],
      },
      response: {
        title: 'The API answers',
        text: 'The token was valid.',
        docs: [SIGN_IN_DOCS.CODE_DOC],
      },
      error: {
        title: 'The API says the token expired',
        text: '401 with WWW-Authenticate: Bearer error="invalid_token": exp is in the past (beyond the API\'s 5 minutes of clock skew). The app reacts by refreshing.',
        docs: [SIGN_IN_DOCS.REFRESH_DOC],
      },
    },
  }),
  docs: [SIGN_IN_DOCS.REFRESH_DOC, SIGN_IN_DOCS.CODE_DOC],
  variants: [REFRESH_TOKEN_EXPIRED],
  layout: SIGN_IN_LAYOUT,
};
