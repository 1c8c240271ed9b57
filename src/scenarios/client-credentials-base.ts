// Shared parties, narration and what-ifs of the three client-credentials scenarios.
import { DOCS } from '../engine/errors/docs';
import type {
  ActionNarration,
  ApiParty,
  ClientCredential,
  ClientParty,
  ScenarioDefinition,
  VariantDefinition,
} from '../engine/index';
import { APP, AUTHORITY, contosoDirectory, PERMISSION, SP, START_TIME, TENANT_ID } from './contoso';

/** The Orders API: accepts app-only tokens carrying the Orders.Read.All app role. */
export const ORDERS_API: ApiParty = {
  id: 'orders-api',
  kind: 'api',
  label: 'Orders API',
  appId: APP.ordersApi,
  description: 'A web API that exposes the application permission Orders.Read.All.',
  baseUrl: 'https://orders.contoso.example',
  validation: {
    audiences: [APP.ordersApi, 'api://orders'],
    validateAudience: true,
    requiredScopes: ['Orders.Read'],
    requiredRoles: ['Orders.Read.All'],
    allowAppOnly: true,
    clockToleranceSeconds: 300,
  },
  data: {
    orders: [
      { id: 'PO-1042', item: 'Laptop stand', quantity: 12 },
      { id: 'PO-1043', item: 'USB-C dock', quantity: 5 },
    ],
  },
};

/** The daemon client with the given credential. */
export function daemonClient(credential: ClientCredential): ClientParty {
  return {
    id: 'daemon',
    kind: 'daemon',
    label: 'Inventory Sync (daemon)',
    appId: APP.daemon,
    description: 'A background service with no user: it calls the Orders API as itself.',
    credential,
    program: [
      {
        do: 'acquire-token',
        id: 'get-token',
        grant: 'client_credentials',
        endpoint: 'v2',
        scope: 'api://orders/.default',
        saveAs: 'orders',
      },
      {
        do: 'call-api',
        id: 'call-api',
        target: 'orders-api',
        method: 'GET',
        path: '/orders',
        token: 'orders',
      },
    ],
  };
}

const withDaemon = (
  s: ScenarioDefinition,
  change: (daemon: ClientParty) => void,
): ScenarioDefinition => {
  const daemon = s.parties.find((p) => p.id === 'daemon') as ClientParty;
  change(daemon);
  return s;
};

/** What-if: ask for a specific permission instead of /.default (AADSTS1002012). */
export const MISSING_DEFAULT: VariantDefinition = {
  id: 'missing-default',
  label: 'Scope without /.default',
  description: 'The daemon asks for scope=api://orders/Orders.Read as if it were a user app.',
  expect: { code: 1002012 },
  apply: (s) =>
    withDaemon(s, (daemon) => {
      const action = daemon.program[0];
      if (action?.do === 'acquire-token') action.scope = 'api://orders/Orders.Read';
    }),
};

/** What-if: the admin never granted the application permission: a token without `roles`, and a 403. */
export const NO_APP_ROLE: VariantDefinition = {
  id: 'no-app-role',
  label: 'Application permission not granted',
  description:
    'No admin consented to Orders.Read.All for the daemon. The token is still issued, without roles; the API must refuse it.',
  expect: { httpStatusAtClient: 403 },
  apply: (s) => {
    s.directory.appRoleAssignments = s.directory.appRoleAssignments.filter(
      (a) => a.principalId !== SP.daemon,
    );
    return s;
  },
};

/** The narration of the client-credentials steps. */
export function clientCredentialsNarration(
  howItAuthenticates: string,
): Record<string, ActionNarration> {
  return {
    'get-token': {
      request: {
        title: 'The daemon asks for a token as itself',
        text: `grant_type=client_credentials: there is no user, so the app requests a token for its own identity. The scope must be the API's App ID URI + "/.default": the token will carry whatever application permissions an admin granted, not chosen scopes. ${howItAuthenticates}`,
        docs: [DOCS.cc, DOCS.scopes],
      },
      response: {
        title: 'The authority issues an app-only token',
        text: "The authority checked the client's credential, resolved api://orders to the Orders API, and put the app roles granted to the daemon's service principal in roles. No refresh token: client credentials never returns a refresh token (the daemon doc's \"access token (and a refresh token)\" is wrong there); the daemon simply asks again when this one expires. The token's format (v2.0) is chosen by the Orders API's registration.",
        docs: [DOCS.cc],
      },
      error: {
        title: 'The authority refuses the token request',
        text: 'A named check failed; the error body carries the AADSTS code, a trace id and a correlation id. See "Why this failed".',
        docs: [DOCS.cc],
      },
    },
    'call-api': {
      request: {
        title: 'The daemon calls the API with the token',
        text: 'The access token travels in the Authorization: Bearer header (RFC 6750). The API has never heard of any user: it only sees the calling app.',
        docs: [DOCS.rfc6750Bearer],
      },
      response: {
        title: 'The API trusts the app, not a user',
        text: "The API verified the signature with the authority's keys, checked iss, aud and exp, then required the app role Orders.Read.All in roles. The API authorizes the app itself, through the application permission an admin granted it: no user takes part in this call at all. (A web app that calls its API as itself while passing a signed-in user's identity alongside is the trusted subsystem, a different lesson.)",
        docs: [DOCS.cc],
      },
      error: {
        title: 'The API refuses the call',
        text: 'The API answered with a WWW-Authenticate header saying why (RFC 6750 section 3).',
        docs: [DOCS.rfc6750Challenge],
      },
    },
  };
}

/** A client-credentials scenario with the given id, title, credential and extra what-ifs. */
export function clientCredentialsScenario(spec: {
  id: ScenarioDefinition['id'];
  title: string;
  summary: string;
  credential: ClientCredential;
  howItAuthenticates: string;
  variants: VariantDefinition[];
}): ScenarioDefinition {
  return {
    id: spec.id,
    title: spec.title,
    summary: spec.summary,
    category: 'Client credentials',
    startTime: START_TIME,
    tenantId: TENANT_ID,
    directory: contosoDirectory(),
    parties: [daemonClient(spec.credential), ORDERS_API, AUTHORITY],
    starter: 'daemon',
    startingTokens: [],
    narration: clientCredentialsNarration(spec.howItAuthenticates),
    docs: [DOCS.cc, DOCS.scopes],
    variants: [...spec.variants, MISSING_DEFAULT, NO_APP_ROLE],
    layout: {
      daemon: { x: 0, y: 40 },
      'orders-api': { x: 560, y: 40 },
      authority: { x: 280, y: 300 },
    },
  };
}

export { PERMISSION };
