// Shared parties, starting facts, narration and what-ifs of the On-Behalf-Of scenarios.
import { DOCS } from '../engine/errors/docs';
import type {
  ActionNarration,
  ApiParty,
  ClientCredential,
  ClientParty,
  OboCall,
  ScenarioDefinition,
  StartingToken,
  VariantDefinition,
} from '../engine/index';
import { APP, AUTHORITY, contosoDirectory, START_TIME, TENANT_ID, USER } from './contoso';
import { appOf } from './obo-variants';

const SPA: ClientParty = {
  id: 'client',
  kind: 'spa',
  label: 'Todo web client',
  appId: APP.spa,
  description:
    'A single-page app the user already signed in to. It holds token A for the Todo API.',
  credential: { type: 'none' },
  program: [
    {
      do: 'call-api',
      id: 'call-api-a',
      target: 'api-a',
      method: 'GET',
      path: '/me/todos',
      token: 'tokenA',
    },
  ],
};

/** API A, the middle tier: accepts delegated Todo.Read tokens, then calls API B with OBO. */
export function middleTier(obo: Omit<OboCall, 'id' | 'downstream' | 'path'>): ApiParty {
  return {
    id: 'api-a',
    kind: 'middle-tier-api',
    label: 'Todo API (API A)',
    appId: APP.todoApi,
    description:
      "Middle-tier web API. To build its answer it needs the user's reports from API B, so it exchanges token A for token B.",
    baseUrl: 'https://todo-api.contoso.example',
    validation: {
      audiences: [APP.todoApi, 'api://todo-api'],
      validateAudience: true,
      requiredScopes: ['Todo.Read'],
      requiredRoles: [],
      allowAppOnly: false,
      clockToleranceSeconds: 300,
    },
    data: {
      todos: [
        { id: 1, title: 'Prepare the workshop', done: false },
        { id: 2, title: 'Review OBO consent', done: true },
      ],
    },
    obo: { ...obo, id: 'obo', downstream: 'api-b', path: '/me/reports/summary' },
  };
}

/** API B, the downstream API: accepts delegated Reports.Read tokens. */
export const REPORTS_API: ApiParty = {
  id: 'api-b',
  kind: 'api',
  label: 'Reports API (API B)',
  appId: APP.reportsApi,
  description:
    'Downstream web API. It only accepts tokens issued for itself with the delegated scope Reports.Read.',
  baseUrl: 'https://reports-api.contoso.example',
  validation: {
    audiences: [APP.reportsApi, 'api://reports-api'],
    validateAudience: true,
    requiredScopes: ['Reports.Read'],
    requiredRoles: [],
    allowAppOnly: false,
    clockToleranceSeconds: 300,
  },
  data: { summary: { open: 3, overdue: 1, owner: 'from token B' } },
};

/** Token A: Ada signed in to the SPA five minutes ago and got a delegated token for API A. */
export const TOKEN_A: StartingToken = {
  name: 'tokenA',
  holder: 'client',
  title: 'Token A: the user already holds a token for API A',
  description:
    'Ada Lovelace signed in to the Todo web client five minutes ago (password only) and the client obtained token A for the Todo API with the delegated scope Todo.Read. This scenario starts from that fact; the sign-in itself is another lesson.',
  spec: {
    kind: 'delegated',
    userId: USER.ada,
    clientAppId: APP.spa,
    resource: 'api://todo-api',
    scopes: ['Todo.Read'],
    amr: ['pwd'],
    ageSeconds: 300,
  },
};

/** Narration of the OBO steps; `howItAuthenticates` and `tokenRequestText` describe the variant of the exchange. */
export function oboNarration(
  howItAuthenticates: string,
  tokenRequestText: string,
  formatText: string,
): Record<string, ActionNarration> {
  return {
    'call-api-a': {
      request: {
        title: 'The client calls API A with token A',
        text: 'Starting fact: the user is already signed in and the client holds token A, issued for API A (aud = API A) with the delegated scope Todo.Read. It sends it as Authorization: Bearer.',
        docs: [DOCS.obo],
      },
      response: {
        title: 'API A answers with data from both APIs',
        text: 'API A returns its own data plus what API B returned for the same user. The client never saw token B: it stays inside the middle tier.',
        docs: [DOCS.obo],
      },
      error: {
        title: 'API A could not complete the call',
        text: 'The exchange for token B failed, so API A reports an error to its caller. For an MFA or consent claims challenge, it must pass the challenge back as 401 with WWW-Authenticate so the client can act.',
        docs: [DOCS.obo, DOCS.claims],
      },
    },
    obo: {
      request: {
        title: 'API A exchanges token A for token B (On-Behalf-Of)',
        text: `${tokenRequestText} API A first validated token A itself. ${howItAuthenticates}`,
        docs: [DOCS.obo],
      },
      response: {
        title: 'Token B: the same user, a new audience',
        text: `The authority verified token A (signature, expiry, aud = API A, a user token), checked that API A may call API B for this user (consent), and issued token B. Compare them: same user (oid, name), aud is now API B, azp/appid is now API A, and scp holds API B's delegated scopes: OBO works with delegated scopes, never with API A's own application roles (an application permission API A holds on API B stays out of token B). Roles remain attached to the user: if Ada is assigned an app role on API B, token B carries it in roles. ${formatText} If a refresh token comes with it (offline_access, or always on v1), that refresh token is opaque to API A, not a JWT (older docs call refresh tokens JWTs): only the authority can read it.`,
        docs: [DOCS.obo],
      },
      error: {
        title: 'The authority refuses the exchange',
        text: 'A named check of the OBO grant failed. See "Why this failed" for the rule and the fix.',
        docs: [DOCS.obo],
      },
    },
    'obo:downstream': {
      request: {
        title: 'API A calls API B with token B',
        text: 'API A sends token B as a bearer token. API B validates it exactly as API A validated token A.',
        docs: [DOCS.obo],
      },
      response: {
        title: 'API B serves the user',
        text: 'API B sees a delegated token for itself: it knows the user (oid) and that the Todo API is calling (azp), and checks the Reports.Read scope.',
        docs: [DOCS.obo],
      },
    },
  };
}

/** An OBO scenario skeleton around API A's credential and token request. */
export function oboScenario(spec: {
  id: ScenarioDefinition['id'];
  title: string;
  summary: string;
  credential: ClientCredential;
  endpoint: 'v1' | 'v2';
  narration: Record<string, ActionNarration>;
  variants: VariantDefinition[];
  reportsTokenVersion?: 1 | 2 | null;
}): ScenarioDefinition {
  const directory = contosoDirectory();
  if (spec.reportsTokenVersion !== undefined) {
    appOf({ directory } as ScenarioDefinition, APP.reportsApi).api.requestedAccessTokenVersion =
      spec.reportsTokenVersion;
  }
  const obo =
    spec.endpoint === 'v2'
      ? {
          credential: spec.credential,
          endpoint: 'v2' as const,
          scope: 'api://reports-api/Reports.Read offline_access',
        }
      : { credential: spec.credential, endpoint: 'v1' as const, resource: 'api://reports-api' };
  return {
    id: spec.id,
    title: spec.title,
    summary: spec.summary,
    category: 'On-Behalf-Of',
    startTime: START_TIME,
    tenantId: TENANT_ID,
    directory,
    parties: [structuredClone(SPA), middleTier(obo), REPORTS_API, AUTHORITY],
    starter: 'client',
    startingTokens: [structuredClone(TOKEN_A)],
    narration: spec.narration,
    docs: [DOCS.obo, DOCS.consent, DOCS.claims],
    variants: spec.variants,
    layout: {
      client: { x: 0, y: 40 },
      'api-a': { x: 380, y: 40 },
      'api-b': { x: 760, y: 40 },
      authority: { x: 380, y: 320 },
    },
  };
}

export {
  OBO_WRONG_SECRET,
  OBO_UNREGISTERED_CERTIFICATE,
  CONSENT_MISSING,
  APP_ONLY_TOKEN,
  TOKEN_FOR_GRAPH,
  TOKEN_EXPIRED,
  DOWNSTREAM_REQUIRES_MFA,
  USER_MUST_REGISTER_MFA,
  USER_HAS_APP_ROLE,
  OBO_COMMON_VARIANTS,
} from './obo-variants';
