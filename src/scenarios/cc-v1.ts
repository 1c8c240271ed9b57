// Issue 10 section 4: client credentials on the v1.0 endpoint, with `resource` instead of `scope`.
import { DOCS } from '../engine/errors/docs';
import type {
  ActionNarration,
  ClientParty,
  ScenarioDefinition,
  VariantDefinition,
} from '../engine/index';
import { clientCredentialsScenario } from './client-credentials-base';
import { APP, SECRET } from './contoso';
import { WRONG_SECRET } from './cc-secret';

const v1Action = (s: Parameters<VariantDefinition['apply']>[0]) => {
  const daemon = s.parties.find((p) => p.id === 'daemon') as ClientParty | undefined;
  const action = daemon?.program[0];
  return action?.do === 'acquire-token' ? action : undefined;
};

const ordersApp = (s: Parameters<VariantDefinition['apply']>[0]) =>
  s.directory.applications.find((a) => a.appId === APP.ordersApi);

/** What-if: a v2.0 habit on the v1.0 endpoint: `resource=api://orders/.default` (AADSTS500011). */
export const RESOURCE_WITH_DEFAULT: VariantDefinition = {
  id: 'resource-with-default',
  label: 'resource ends with /.default',
  description:
    'The daemon sends resource=api://orders/.default, a v2.0 scope pasted into the v1.0 parameter. v1.0 reads resource as an identifier: no app has that App ID URI.',
  expect: { code: 500011 },
  apply: (s) => {
    const action = v1Action(s);
    if (action) action.resource = 'api://orders/.default';
    return s;
  },
};

/** What-if: `resource` = the API's app id: accepted, and `aud` repeats the GUID. */
export const RESOURCE_AS_APP_ID: VariantDefinition = {
  id: 'resource-as-app-id',
  label: 'resource is the app id (GUID)',
  description:
    "The daemon names the Orders API by its application (client) id instead of its App ID URI. v1.0 accepts either, and the v1.0 token's aud repeats exactly what was sent: the GUID.",
  expect: { httpStatusAtClient: 200 },
  apply: (s) => {
    const action = v1Action(s);
    if (action) action.resource = APP.ordersApi;
    return s;
  },
};

/** What-if: the API asks for v2.0 tokens: the v1.0 endpoint then issues a v2.0 token. */
export const API_WANTS_V2: VariantDefinition = {
  id: 'api-wants-v2-tokens',
  label: 'The API asks for v2.0 tokens',
  description:
    "The Orders API's manifest sets requestedAccessTokenVersion: 2. The response keeps the v1.0 shape (strings, expires_on, resource) but the token inside is v2.0 (iss login.microsoftonline.com/.../v2.0, azp, ver 2.0): the format follows the resource, not the endpoint.",
  expect: { httpStatusAtClient: 200 },
  apply: (s) => {
    const app = ordersApp(s);
    if (app) app.api.requestedAccessTokenVersion = 2;
    return s;
  },
};

const NARRATION: Record<string, ActionNarration> = {
  'get-token': {
    request: {
      title: 'The daemon asks the v1.0 endpoint for a token: resource, not scope',
      text: 'POST /{tenant}/oauth2/token with grant_type=client_credentials and resource=api://orders (the App ID URI or the app id, no /.default): v1.0 has no scopes, the token carries every application permission granted on that resource. The secret travels in the body.',
      docs: [DOCS.ccV1, DOCS.cc],
    },
    response: {
      title: 'A v1.0 response: numbers as strings, expires_on, resource',
      text: "expires_in, ext_expires_in, expires_on and not_before are strings (epoch seconds), and resource repeats the request. The token's format follows the resource's registration, not the endpoint: the Orders API does not ask for v2.0 tokens (requestedAccessTokenVersion null), so it is v1.0: iss is https://sts.windows.net/{tenant}/, the client is appid (with appidacr 1 for a secret), aud is exactly the resource sent, and roles carries Orders.Read.All. (With the what-if 'The API asks for v2.0 tokens', the same v1.0 response carries a v2.0 token.) No refresh token: the daemon asks again when it expires.",
      docs: [DOCS.ccV1, DOCS.accessTokenSignature],
    },
    error: {
      title: 'The v1.0 endpoint refuses the request',
      text: 'A named check failed; v1.0 answers with the same AADSTS codes and error body as v2.0. See "Why this failed".',
      docs: [DOCS.ccV1, DOCS.errors],
    },
  },
  'call-api': {
    request: {
      title: 'The daemon calls the Orders API with the v1.0 token',
      text: 'Authorization: Bearer. The API accepts both issuers of its tenant (sts.windows.net for v1.0, login.microsoftonline.com/.../v2.0 for v2.0) and both its identifiers as aud.',
      docs: [DOCS.rfc6750Bearer, DOCS.accessTokenSignature],
    },
    response: {
      title: 'The API checks the v1.0 token and the app role',
      text: 'It fetched the v1.0 signing keys (/discovery/keys), checked iss, aud and exp, then required Orders.Read.All in roles. It never sees a user.',
      docs: [DOCS.protectedApi],
    },
    error: {
      title: 'The API refuses the call',
      text: 'The WWW-Authenticate header says why (RFC 6750 section 3).',
      docs: [DOCS.rfc6750Challenge],
    },
  },
};

const base = clientCredentialsScenario({
  id: 'cc-v1',
  title: 'Daemon gets a token from the v1.0 endpoint (resource)',
  summary:
    'Client credentials on the v1.0 token endpoint (/oauth2/token): the daemon names the API with resource instead of scope, the response carries its numbers as strings with expires_on and resource, and, because the Orders API does not ask for v2.0 tokens, the token is v1.0 (sts.windows.net issuer, appid).',
  credential: { type: 'client_secret_post', secret: SECRET.daemon },
  howItAuthenticates: '',
  variants: [RESOURCE_WITH_DEFAULT, RESOURCE_AS_APP_ID, API_WANTS_V2, WRONG_SECRET],
});

/** The daemon's token request moved to the v1.0 endpoint with `resource=api://orders`. */
function onV1(party: ClientParty): ClientParty {
  return {
    ...party,
    program: party.program.map((action) => {
      if (action.do !== 'acquire-token') return action;
      const { scope: _scope, ...rest } = action;
      return { ...rest, endpoint: 'v1' as const, resource: 'api://orders' };
    }),
  };
}

/** Client credentials on the v1.0 endpoint: the base daemon with `resource` and a v1.0 API. */
export const CC_V1: ScenarioDefinition = {
  ...base,
  directory: (() => {
    const directory = base.directory;
    const orders = directory.applications.find((a) => a.appId === APP.ordersApi);
    if (orders) orders.api.requestedAccessTokenVersion = null;
    return directory;
  })(),
  parties: base.parties.map((p) => (p.id === 'daemon' && p.kind === 'daemon' ? onV1(p) : p)),
  narration: NARRATION,
  docs: [DOCS.ccV1, DOCS.cc],
  // The base's "scope without /.default" has no v1.0 meaning (there is no scope).
  variants: base.variants.filter((v) => v.id !== 'missing-default'),
};
