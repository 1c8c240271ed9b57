// Issue 3, scenario 2: authorization code grant with PKCE for a confidential web app, with a consent prompt.
import type { ScenarioDefinition } from '../engine/index';
import { ORDERS_API } from './client-credentials-base';
import { APP, contosoDirectory, START_TIME, TENANT_ID } from './contoso';
import {
  adminConsentsForOrganization,
  adminOnlyPermission,
  AUTHORITY,
  browser,
  CODE_REPLAYED,
  PKCE_MISMATCH,
  REDIRECT_NOT_REGISTERED,
  SIGN_IN_DOCS,
  SIGN_IN_LAYOUT,
  signInNarration,
  USER_CANCELS_CONSENT,
  USER_PARTY,
  ordersWebApp,
} from './sign-in-base';

/** Authorization code + PKCE + user consent, then the API call. */
export const AUTH_CODE_PKCE: ScenarioDefinition = {
  id: 'auth-code-pkce',
  title: 'Web app gets a code through the browser, with consent and PKCE',
  summary:
    'The authorization code grant for a confidential web app: the browser carries the request and the code, Ada consents to "Read your orders" the first time, and the app redeems the code with its secret and the PKCE code_verifier before calling the Orders API.',
  category: 'Sign-in and consent',
  startTime: START_TIME,
  tenantId: TENANT_ID,
  directory: contosoDirectory(),
  parties: [
    USER_PARTY,
    browser([{ do: 'navigate', id: 'open-app', url: 'https://webapp.contoso.example/' }]),
    ordersWebApp(),
    ORDERS_API,
    AUTHORITY,
  ],
  starter: 'browser',
  startingTokens: [],
  userScript: [{ prompt: 'sign-in' }, { prompt: 'consent', accept: true }],
  narration: signInNarration({}),
  docs: [SIGN_IN_DOCS.CODE_DOC, SIGN_IN_DOCS.PKCE_DOC],
  variants: [
    USER_CANCELS_CONSENT,
    adminOnlyPermission(APP.ordersApi, 'Orders.Read', '"Read your orders"'),
    adminConsentsForOrganization(APP.ordersApi, 'Orders.Read'),
    PKCE_MISMATCH,
    CODE_REPLAYED,
    REDIRECT_NOT_REGISTERED,
  ],
  layout: SIGN_IN_LAYOUT,
};
