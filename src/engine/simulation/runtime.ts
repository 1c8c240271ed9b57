// Assembles a scenario's parties on a simulated network: shared by interactive runs and headless worlds.
import {
  findApplicationByResource,
  findServicePrincipal,
  findUser,
  assignedApplicationRoles,
} from '../directory/directory';
import type { AuthorityEnv } from '../parties/authority/checks/check';
import { handleAuthorityRequest } from '../parties/authority/authority';
import { AUTHORITY_ORIGIN } from '../parties/authority/keys';
import { mintAccessToken } from '../parties/authority/tokens';
import { handleApiRequest } from '../parties/api/resource-api';
import { handleSamlServiceRequest } from '../parties/api/saml-service';
import type { ApiState } from '../parties/api/resource-api';
import type { PartyEnv } from '../parties/shared/env';
import { cardForCode } from '../errors';
import type { EndpointFailure } from '../model/endpoint';
import { parseJsonBody } from '../http/message';
import type { HttpResponse } from '../http/message';
import { createClock } from '../core/clock';
import type { SimClock } from '../core/clock';
import { Network } from '../core/network';
import { createRandom } from '../core/random';
import type { SeededRandom } from '../core/random';
import type {
  ApiParty,
  AuthorityParty,
  ClientParty,
  SamlServiceParty,
  ScenarioDefinition,
  StartingToken,
  WebAppParty,
} from '../model/scenario';
import { handleWebAppRequest } from '../parties/client/web-app';
import type { WebAppState } from '../parties/client/web-app';
import type { TraceEvent } from '../model/trace';

/** A scenario's live parties: the network, the authority's state and each API's state. */
export interface Runtime {
  scenario: ScenarioDefinition;
  clock: SimClock;
  random: SeededRandom;
  network: Network;
  authorityEnv: AuthorityEnv;
  apiEnv: PartyEnv;
  partyUrls: Map<string, string>;
  authority: AuthorityParty;
  clients: ClientParty[];
  apis: ApiParty[];
}

/** Builds the runtime of `scenario` with randomness from `seed`. Throws `Error` if the scenario has no authority. */
export function createRuntime(scenario: ScenarioDefinition, seed: number): Runtime {
  const clock = createClock(scenario.startTime);
  const random = createRandom(seed);
  const network = new Network(clock);
  const authority = scenario.parties.find((p): p is AuthorityParty => p.kind === 'authority');
  if (!authority) throw new Error(`Scenario ${scenario.id} has no authority party.`);
  const apis = scenario.parties.filter(
    (p): p is ApiParty => p.kind === 'api' || p.kind === 'middle-tier-api',
  );
  const clients = scenario.parties.filter(
    (p): p is ClientParty => p.kind === 'daemon' || p.kind === 'spa',
  );
  const webApps = scenario.parties.filter((p): p is WebAppParty => p.kind === 'web-app');
  const samlServices = scenario.parties.filter(
    (p): p is SamlServiceParty => p.kind === 'saml-service',
  );
  const partyUrls = new Map<string, string>([[authority.id, AUTHORITY_ORIGIN]]);
  for (const api of apis) partyUrls.set(api.id, api.baseUrl);
  for (const app of webApps) partyUrls.set(app.id, app.baseUrl);
  for (const service of samlServices) partyUrls.set(service.id, service.baseUrl);
  const authorityEnv: AuthorityEnv = {
    directory: scenario.directory,
    clock,
    random,
    issued: new Map(),
    refreshTokens: new Map(),
    flows: new Map(),
    codes: new Map(),
    sessions: new Map(),
  };
  network.register(AUTHORITY_ORIGIN, authority.id, async (request) => {
    const { failure, ...result } = await handleAuthorityRequest(authorityEnv, request);
    return { ...result, ...errorCardFor(result.events ?? [], result.response, failure) };
  });
  const apiEnv: PartyEnv = { network, clock, random, tenantId: scenario.tenantId, partyUrls };
  for (const api of apis) {
    const registration = scenario.directory.applications.find((a) => a.appId === api.appId);
    const state: ApiState = {
      tokenVersion: registration?.api.requestedAccessTokenVersion === 2 ? '2.0' : '1.0',
    };
    network.register(api.baseUrl, api.id, (request) =>
      handleApiRequest(api, state, apiEnv, request),
    );
  }
  for (const service of samlServices) {
    const state = {};
    network.register(service.baseUrl, service.id, (request) =>
      handleSamlServiceRequest(service, state, apiEnv, request),
    );
  }
  for (const app of webApps) {
    const state: WebAppState = { sessions: new Map() };
    network.register(app.baseUrl, app.id, (request) =>
      handleWebAppRequest(app, state, apiEnv, request),
    );
  }
  return {
    scenario,
    clock,
    random,
    network,
    authorityEnv,
    apiEnv,
    partyUrls,
    authority,
    clients,
    apis,
  };
}

function errorCardFor(events: TraceEvent[], response: HttpResponse, failure?: EndpointFailure) {
  const failed = events.find((e) => e.type === 'authority.checks' && e.failed);
  if (response.status < 400 && !failed) return {};
  const body = parseJsonBody(response) as { error_codes?: number[] } | undefined;
  const code =
    failure?.code ??
    (failed?.type === 'authority.checks' ? failed.failed?.code : body?.error_codes?.[0]);
  const card = cardForCode(code, failure?.args);
  return card ? { error: card } : {};
}

/**
 * Mints the starting tokens (facts true before step 1) with the runtime's authority, issued
 * `ageSeconds` before the start. Throws `Error` naming the missing user/app when the data is inconsistent.
 */
export async function mintStartingTokens(runtime: Runtime): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  const { directory } = runtime.scenario;
  const tenantId = runtime.scenario.tenantId;
  for (const starting of runtime.scenario.startingTokens) {
    tokens.set(starting.name, await mintStartingToken(runtime, starting, directory, tenantId));
  }
  return tokens;
}

async function mintStartingToken(
  runtime: Runtime,
  starting: StartingToken,
  directory: ScenarioDefinition['directory'],
  tenantId: string,
): Promise<string> {
  const spec = starting.spec;
  const client = directory.applications.find((a) => a.appId === spec.clientAppId);
  const clientSp = findServicePrincipal(directory, tenantId, spec.clientAppId);
  const resourceApp = findApplicationByResource(directory, spec.resource);
  const resourceSp = resourceApp && findServicePrincipal(directory, tenantId, resourceApp.appId);
  if (!client || !clientSp || !resourceApp || !resourceSp) {
    throw new Error(
      `Starting token "${starting.name}": client ${spec.clientAppId} or resource ${spec.resource} is not in the directory.`,
    );
  }
  const issuedAt = runtime.scenario.startTime - spec.ageSeconds;
  const common = {
    tenantId,
    resourceApp,
    resourceIdentifier: spec.resource,
    client,
    clientSp,
    issuedAt,
    ...(spec.lifetimeSeconds !== undefined ? { lifetimeSeconds: spec.lifetimeSeconds } : {}),
  };
  if (spec.kind === 'app-only') {
    const roles = assignedApplicationRoles(directory, clientSp, resourceSp, resourceApp);
    return (await mintAccessToken(runtime.authorityEnv, { ...common, clientAuth: '1', roles }))
      .token;
  }
  const user = findUser(directory, spec.userId);
  if (!user)
    throw new Error(
      `Starting token "${starting.name}": user ${spec.userId} is not in the directory.`,
    );
  return (
    await mintAccessToken(runtime.authorityEnv, {
      ...common,
      clientAuth: '0',
      user,
      scopes: spec.scopes,
      amr: spec.amr,
    })
  ).token;
}
