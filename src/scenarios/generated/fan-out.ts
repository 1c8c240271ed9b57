// A generated world at scale: one console fanning out to chains of APIs that call each other
// On-Behalf-Of (API A -> API B -> API C), for the editor's templates and the 40-party benchmark.
import { DOCS } from '../../engine/errors/docs';
import type {
  ActionNarration,
  ApiParty,
  AppRegistration,
  ClientParty,
  Directory,
  Party,
  ScenarioDefinition,
  ScenarioId,
  StartingToken,
} from '../../engine/index';
import {
  APP,
  AUTHORITY,
  application,
  contosoDirectory,
  START_TIME,
  TENANT_ID,
  USER,
} from '../contoso';

/** The data of a generated world: a scenario without id and what-ifs, in the editor's world format 1. */
export type GeneratedWorld = Omit<ScenarioDefinition, 'id' | 'variants'> & {
  version: 1;
  baseScenario: ScenarioId;
};

/** APIs per chain: the front API, a middle API and a leaf API (two OBO hops). */
export const CHAIN_LENGTH = 3;

/** Smallest and largest party counts {@link fanOutWorld} builds. */
export const FAN_OUT_LIMITS = { min: 3, max: 200 } as const;

const YEAR = 365 * 24 * 3600;
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
/** A stable GUID-shaped id for chain `c`, hop `h`, of a given kind (app, scope, secret). */
const guid = (kind: number, c: number, h: number) =>
  `f0a0${hex(kind, 4)}-${hex(c, 4)}-4${hex(h, 3)}-8000-000000000000`;

interface Hop {
  id: string;
  appId: string;
  uri: string;
  secret: string;
  scopeId: string;
  keyId: string;
  label: string;
}

function hopOf(c: number, h: number): Hop {
  return {
    id: `api-${c + 1}-${h + 1}`,
    appId: guid(1, c, h),
    uri: `api://chain${c + 1}-hop${h + 1}`,
    secret: `Gn${c + 1}~sim-chain-${c + 1}-hop-${h + 1}-secret`,
    scopeId: guid(2, c, h),
    keyId: guid(3, c, h),
    label: `API ${c + 1}.${h + 1}`,
  };
}

function registration(hop: Hop): AppRegistration {
  return application({
    appId: hop.appId,
    displayName: hop.label,
    identifierUris: [hop.uri],
    passwordCredentials: [
      {
        keyId: hop.keyId,
        displayName: 'generated secret',
        hint: hop.secret.slice(0, 3),
        secretText: hop.secret,
        startDateTime: START_TIME - YEAR / 2,
        endDateTime: START_TIME + YEAR,
      },
    ],
    api: {
      oauth2PermissionScopes: [
        {
          id: hop.scopeId,
          value: 'Data.Read',
          type: 'User',
          isEnabled: true,
          adminConsentDisplayName: `Read ${hop.label} data`,
          adminConsentDescription: `Read ${hop.label} data for the signed-in user`,
        },
      ],
      requestedAccessTokenVersion: 2,
      knownClientApplications: [],
      preAuthorizedApplications: [],
    },
  });
}

function apiParty(hop: Hop, next: Hop | undefined, c: number, h: number): ApiParty {
  return {
    id: hop.id,
    kind: next ? 'middle-tier-api' : 'api',
    label: hop.label,
    appId: hop.appId,
    description: next
      ? `Chain ${c + 1}, hop ${h + 1}: validates the caller's token, then exchanges it On-Behalf-Of the user for a token to ${next.label}.`
      : `Chain ${c + 1}, last hop: validates the token and answers.`,
    baseUrl: `https://chain${c + 1}-hop${h + 1}.fabrikam.example`,
    validation: {
      audiences: [hop.appId, hop.uri],
      validateAudience: true,
      requiredScopes: ['Data.Read'],
      requiredRoles: [],
      allowAppOnly: false,
      clockToleranceSeconds: 300,
    },
    data: { chain: c + 1, hop: h + 1 },
    ...(next
      ? {
          obo: {
            id: `obo-${c + 1}-${h + 1}`,
            credential: { type: 'client_secret_post' as const, secret: hop.secret },
            endpoint: 'v2' as const,
            scope: `${next.uri}/Data.Read`,
            downstream: next.id,
            path: '/data',
          },
        }
      : {}),
  };
}

/**
 * A world of `parties` parties (clamped to {@link FAN_OUT_LIMITS}): the authority, one console
 * (an SPA holding a token of the signed-in user for each chain's front API) and `parties - 2` APIs
 * in chains of {@link CHAIN_LENGTH}, each API calling the next On-Behalf-Of the user (the last
 * chain may be shorter). Registrations, service principals, delegated grants and the canvas
 * layout are generated; every chain succeeds. Deterministic. `fanOutWorld(40)` is the
 * 40-party scale template (38 APIs in 13 chains).
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow
 */
export function fanOutWorld(parties: number): GeneratedWorld {
  const total = Math.min(Math.max(Math.floor(parties), FAN_OUT_LIMITS.min), FAN_OUT_LIMITS.max);
  const apiCount = total - 2;
  const chains: Hop[][] = [];
  for (let i = 0; i < apiCount; i += 1) {
    const c = Math.floor(i / CHAIN_LENGTH);
    (chains[c] ??= []).push(hopOf(c, i % CHAIN_LENGTH));
  }
  const contoso = contosoDirectory();
  const sp = (appId: string) => `sp-${appId}`;
  const directory: Directory = {
    tenants: contoso.tenants,
    users: contoso.users.filter((u) => u.id === USER.ada),
    applications: [
      ...contoso.applications.filter((a) => a.appId === APP.spa),
      ...chains.flat().map(registration),
    ],
    servicePrincipals: [
      {
        id: sp(APP.spa),
        appId: APP.spa,
        tenantId: TENANT_ID,
        displayName: 'Operations console',
        appRoleAssignmentRequired: false,
      },
      ...chains.flat().map((hop) => ({
        id: sp(hop.appId),
        appId: hop.appId,
        tenantId: TENANT_ID,
        displayName: hop.label,
        appRoleAssignmentRequired: false,
      })),
    ],
    oauth2PermissionGrants: chains.flatMap((chain) =>
      chain.map((hop, h) => ({
        id: `grant-${hop.id}`,
        clientId: sp(h === 0 ? APP.spa : (chain[h - 1]?.appId ?? '')),
        consentType: 'AllPrincipals' as const,
        principalId: null,
        resourceId: sp(hop.appId),
        scope: 'Data.Read',
      })),
    ),
    appRoleAssignments: [],
    conditionalAccessPolicies: [],
  };
  const consoleParty: ClientParty = {
    id: 'client',
    kind: 'spa',
    label: 'Operations console',
    appId: APP.spa,
    description: `A single-page app the user signed in to. It holds a token for the front API of each of the ${chains.length} chains and calls them all.`,
    credential: { type: 'none' },
    program: chains.map((chain, c) => ({
      do: 'call-api' as const,
      id: `call-${c + 1}`,
      target: chain[0]?.id ?? '',
      method: 'GET' as const,
      path: '/data',
      token: `token-${c + 1}`,
    })),
  };
  const apis: Party[] = chains.flatMap((chain, c) =>
    chain.map((hop, h) => apiParty(hop, chain[h + 1], c, h)),
  );
  const startingTokens: StartingToken[] = chains.map((chain, c) => ({
    name: `token-${c + 1}`,
    holder: 'client',
    title: `Token for ${chain[0]?.label ?? 'the front API'}`,
    description: `Ada signed in to the console earlier; it holds a delegated Data.Read token for chain ${c + 1}'s front API.`,
    spec: {
      kind: 'delegated',
      userId: USER.ada,
      clientAppId: APP.spa,
      resource: chain[0]?.uri ?? '',
      scopes: ['Data.Read'],
      amr: ['pwd'],
      ageSeconds: 300,
    },
  }));
  const narration: Record<string, ActionNarration> = {};
  chains.forEach((chain, c) => {
    narration[`call-${c + 1}`] = {
      request: {
        title: `The console calls chain ${c + 1}`,
        text: `It sends its token for ${chain[0]?.label ?? 'the front API'} as a bearer token.`,
        docs: [DOCS.obo],
      },
    };
    chain.slice(0, -1).forEach((hop, h) => {
      narration[`obo-${c + 1}-${h + 1}`] = {
        request: {
          title: `${hop.label} exchanges its token On-Behalf-Of the user`,
          text: `${hop.label} sends the token it received as the assertion (grant jwt-bearer, requested_token_use on_behalf_of) and asks for ${chain[h + 1]?.label ?? 'the next API'}'s Data.Read scope.`,
          docs: [DOCS.obo],
        },
      };
    });
  });
  const layout: Record<string, { x: number; y: number }> = {
    client: { x: 0, y: Math.max(0, ((chains.length - 1) * 120) / 2) },
    authority: { x: 0, y: Math.max(0, ((chains.length - 1) * 120) / 2) + 260 },
  };
  chains.forEach((chain, c) =>
    chain.forEach((hop, h) => {
      layout[hop.id] = { x: 360 + h * 320, y: c * 120 };
    }),
  );
  return {
    version: 1,
    baseScenario: 'obo-secret',
    title: `Fan-out: ${total} parties`,
    summary: `A console calls ${chains.length} chains of APIs; in each chain every API calls the next On-Behalf-Of the signed-in user (up to ${CHAIN_LENGTH} hops). Generated for scale: ${total} parties on the canvas.`,
    category: 'On-Behalf-Of',
    startTime: START_TIME,
    tenantId: TENANT_ID,
    directory,
    parties: [consoleParty, ...apis, structuredClone(AUTHORITY)],
    starter: 'client',
    startingTokens,
    narration,
    docs: [DOCS.obo],
    layout,
  };
}

/**
 * {@link fanOutWorld} as a runnable scenario (id `obo-secret`, no what-ifs), for `npm run bench`
 * and tests: `runScenario(fanOutScenario(40), { decisions: 'script' })`.
 */
export function fanOutScenario(parties: number): ScenarioDefinition {
  const { version: _version, baseScenario, ...data } = fanOutWorld(parties);
  return { ...data, id: baseScenario, variants: [] };
}
