// Interop: real clients (MSAL for Node, jose's remote JWKS) accept the engine's headless fetch handlers.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AuthError,
  ConfidentialClientApplication,
  InteractionRequiredAuthError,
  ServerError,
} from '@azure/msal-node';
import type { Configuration, INetworkModule, NetworkResponse } from '@azure/msal-node';
import { createRemoteJWKSet, customFetch, decodeJwt, jwtVerify } from 'jose';
import { createWorld, fixturePrivateKeyPem, getFixtureKey } from './index';
import type { World } from './index';
import { getScenario } from '../scenarios/index';
import { APP, SECRET, TENANT_ID } from '../scenarios/contoso';

/** Recipe A (reference section 8.3): a host MSAL knows, with the tenant GUID, needs no discovery. */
const AUTHORITY = `https://login.microsoftonline.com/${TENANT_ID}`;

/**
 * An MSAL `INetworkModule` forwarding to the world's fetch handler. Bodies are parsed JSON and
 * non-2xx responses resolve (a rejection would become `network_error` and lose the STS error).
 * `seen` records the URLs exactly as MSAL asked for them; `rewriteHost` maps an own host
 * (recipe B) onto the world's authority origin.
 */
function networkClientFor(
  world: World,
  options: { seen?: string[]; rewriteHost?: string } = {},
): INetworkModule {
  const send = async <T>(
    method: 'GET' | 'POST',
    url: string,
    request?: { headers?: Record<string, string>; body?: string },
  ): Promise<NetworkResponse<T>> => {
    options.seen?.push(`${method} ${url.split('?')[0] ?? ''}`);
    const target = options.rewriteHost
      ? url.replace(`https://${options.rewriteHost}/`, 'https://login.microsoftonline.com/')
      : url;
    const response = await world.fetch(
      new Request(target, {
        method,
        headers: request?.headers ?? {},
        ...(method === 'POST' ? { body: request?.body ?? '' } : {}),
      }),
    );
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { error: 'non_json_response', error_description: text };
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { status: response.status, headers, body: body as T };
  };
  return {
    sendGetRequestAsync: (url, request) => send('GET', url, request),
    sendPostRequestAsync: (url, request) => send('POST', url, request),
  };
}

/** A confidential client for `clientId` whose whole network is `world`. */
function msalApp(world: World, auth: Omit<Configuration['auth'], 'authority'>) {
  return new ConfidentialClientApplication({
    auth: { ...auth, authority: AUTHORITY },
    system: { networkClient: networkClientFor(world) },
  });
}

/** Requests seen by the world, as `METHOD URL-without-query`. */
function requestsSeen(world: World): string[] {
  return world
    .log()
    .filter((s) => s.kind === 'request')
    .map((s) => `${s.request.method} ${s.request.url.split('?')[0] ?? ''}`);
}

async function callApi(world: World, url: string, token: string): Promise<Response> {
  return world.fetch(new Request(url, { headers: { Authorization: `Bearer ${token}` } }));
}

/** Runs `fn` and returns what it threw (fails the test if it resolved). */
async function rejectionOf(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection, got a result.');
}

/**
 * MSAL stamps client assertions with the wall clock (nbf = iat = now, exp = now + 600), while the
 * world checks them on its simulated clock (scenario start 2026-03-02 09:00Z): without this the
 * authority answers AADSTS700024. Moves the wall clock (Date only) to the world's clock.
 */
function alignWallClock(world: World): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(world.now() * 1000);
}

const TOKEN_ENDPOINT = `${AUTHORITY}/oauth2/v2.0/token`;

describe('MSAL for Node against the headless world', () => {
  beforeAll(async () => {
    // Warm the fixture key cache so the first test does not pay for key import.
    await getFixtureKey('authority');
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('recipe A needs no discovery: client credentials with a secret is the only request', async () => {
    const world = createWorld(getScenario('cc-secret'));
    const app = msalApp(world, { clientId: APP.daemon, clientSecret: SECRET.daemon });
    const result = await app.acquireTokenByClientCredential({ scopes: ['api://orders/.default'] });
    expect(result).not.toBeNull();
    expect(requestsSeen(world)).toEqual([`POST ${TOKEN_ENDPOINT}`]);
    const claims = decodeJwt(result?.accessToken ?? '');
    expect(claims.roles).toEqual(['Orders.Read.All']);
    expect(claims.aud).toBe(APP.ordersApi);
    expect(claims.tid).toBe(TENANT_ID);
    expect(result?.tokenType).toBe('Bearer');
    expect(result?.expiresOn?.getTime()).toBeGreaterThan(Date.now());

    const api = await callApi(
      world,
      'https://orders.contoso.example/orders',
      result?.accessToken ?? '',
    );
    expect(api.status).toBe(200);

    // A second call is served from MSAL's cache: no new request reaches the authority.
    const again = await app.acquireTokenByClientCredential({ scopes: ['api://orders/.default'] });
    expect(again?.accessToken).toBe(result?.accessToken);
    expect(requestsSeen(world).filter((r) => r.startsWith('POST'))).toHaveLength(1);
  });

  describe('recipe B: an own host trusted through knownAuthorities', () => {
    const HOST = 'login.sim.test';
    const base = `https://${HOST}/${TENANT_ID}`;
    const appFor = (world: World, seen: string[], withMetadata: boolean) =>
      new ConfidentialClientApplication({
        auth: {
          clientId: APP.daemon,
          clientSecret: SECRET.daemon,
          authority: base,
          knownAuthorities: [HOST],
          ...(withMetadata
            ? {
                authorityMetadata: JSON.stringify({
                  authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
                  token_endpoint: `${base}/oauth2/v2.0/token`,
                  issuer: `${base}/v2.0`,
                  jwks_uri: `${base}/discovery/v2.0/keys`,
                }),
              }
            : {}),
        },
        system: { networkClient: networkClientFor(world, { seen, rewriteHost: HOST }) },
      });

    it('with authorityMetadata: zero GETs, one POST', async () => {
      const world = createWorld(getScenario('cc-secret'));
      const seen: string[] = [];
      const result = await appFor(world, seen, true).acquireTokenByClientCredential({
        scopes: ['api://orders/.default'],
      });
      expect(decodeJwt(result?.accessToken ?? '').roles).toEqual(['Orders.Read.All']);
      expect(seen).toEqual([`POST ${base}/oauth2/v2.0/token`]);
    });

    it("without authorityMetadata: MSAL reads and accepts the engine's OpenID configuration", async () => {
      const world = createWorld(getScenario('cc-secret'));
      const seen: string[] = [];
      const result = await appFor(world, seen, false).acquireTokenByClientCredential({
        scopes: ['api://orders/.default'],
      });
      expect(decodeJwt(result?.accessToken ?? '').roles).toEqual(['Orders.Read.All']);
      // One discovery GET; MSAL then posts to the token_endpoint the engine's document names,
      // host included.
      expect(seen).toEqual([
        `GET ${base}/v2.0/.well-known/openid-configuration`,
        `POST ${TOKEN_ENDPOINT}`,
      ]);
      expect(requestsSeen(world)).toEqual([
        `GET ${AUTHORITY}/v2.0/.well-known/openid-configuration`,
        `POST ${TOKEN_ENDPOINT}`,
      ]);
    });
  });

  it('client credentials with a certificate (x5t#S256 + PS256)', async () => {
    const world = createWorld(getScenario('cc-certificate'));
    alignWallClock(world);
    const key = await getFixtureKey('daemon-app');
    const app = msalApp(world, {
      clientId: APP.daemon,
      clientCertificate: {
        thumbprintSha256: key.thumbprints.sha256Hex,
        privateKey: fixturePrivateKeyPem('daemon-app'),
      },
    });
    const result = await app.acquireTokenByClientCredential({ scopes: ['api://orders/.default'] });
    expect(requestsSeen(world)).toEqual([`POST ${TOKEN_ENDPOINT}`]);
    const request = world.log()[0]?.request;
    const form = new URLSearchParams(request?.body ?? '');
    expect(form.get('client_assertion_type')).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    );
    expect(form.has('client_secret')).toBe(false);
    const claims = decodeJwt(result?.accessToken ?? '');
    expect(claims.roles).toEqual(['Orders.Read.All']);
    expect(claims.aud).toBe(APP.ordersApi);

    const api = await callApi(
      world,
      'https://orders.contoso.example/orders',
      result?.accessToken ?? '',
    );
    expect(api.status).toBe(200);
  });

  it('client credentials with a certificate and the SHA-1 thumbprint (x5t + RS256)', async () => {
    const world = createWorld(getScenario('cc-certificate'));
    alignWallClock(world);
    const key = await getFixtureKey('daemon-app');
    const app = msalApp(world, {
      clientId: APP.daemon,
      clientCertificate: {
        thumbprint: key.thumbprints.sha1Hex,
        privateKey: fixturePrivateKeyPem('daemon-app'),
      },
    });
    const result = await app.acquireTokenByClientCredential({ scopes: ['api://orders/.default'] });
    expect(decodeJwt(result?.accessToken ?? '').roles).toEqual(['Orders.Read.All']);
  });

  it('a wrong secret surfaces as a ServerError with AADSTS7000215', async () => {
    const world = createWorld(getScenario('cc-secret'));
    const app = msalApp(world, { clientId: APP.daemon, clientSecret: 'k-daemon-1' });
    const error = await rejectionOf(() =>
      app.acquireTokenByClientCredential({ scopes: ['api://orders/.default'] }),
    );
    expect(error).toBeInstanceOf(ServerError);
    const serverError = error as ServerError;
    expect(serverError.errorCode).toBe('invalid_client');
    expect(serverError.errorMessage).toContain('AADSTS7000215');
    expect(serverError.status).toBe(401);
  });

  it('On-Behalf-Of with a secret: token A becomes token B for the Reports API', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const { tokenA } = await world.startingTokens();
    const app = msalApp(world, { clientId: APP.todoApi, clientSecret: SECRET.todoApi });
    const result = await app.acquireTokenOnBehalfOf({
      oboAssertion: tokenA ?? '',
      scopes: ['api://reports-api/Reports.Read'],
    });
    expect(requestsSeen(world)).toEqual([`POST ${TOKEN_ENDPOINT}`]);
    const form = new URLSearchParams(world.log()[0]?.request.body ?? '');
    expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(form.get('requested_token_use')).toBe('on_behalf_of');

    const tokenB = decodeJwt(result?.accessToken ?? '');
    const a = decodeJwt(tokenA ?? '');
    expect(tokenB.aud).toBe(APP.reportsApi);
    expect(tokenB.scp).toBe('Reports.Read');
    expect(tokenB.oid).toBe(a.oid);
    expect(tokenB.azp).toBe(APP.todoApi);
    // MSAL caches token B under the hash of token A: asking again sends nothing.
    const again = await app.acquireTokenOnBehalfOf({
      oboAssertion: tokenA ?? '',
      scopes: ['api://reports-api/Reports.Read'],
    });
    expect(again?.fromCache).toBe(true);
    expect(again?.accessToken).toBe(result?.accessToken);

    const api = await callApi(
      world,
      'https://reports-api.contoso.example/me/reports/summary',
      result?.accessToken ?? '',
    );
    expect(api.status).toBe(200);
  });

  it('On-Behalf-Of with a certificate', async () => {
    const world = createWorld(getScenario('obo-certificate'));
    alignWallClock(world);
    const { tokenA } = await world.startingTokens();
    const key = await getFixtureKey('middle-tier-api');
    const app = msalApp(world, {
      clientId: APP.todoApi,
      clientCertificate: {
        thumbprintSha256: key.thumbprints.sha256Hex,
        privateKey: fixturePrivateKeyPem('middle-tier-api'),
      },
    });
    const result = await app.acquireTokenOnBehalfOf({
      oboAssertion: tokenA ?? '',
      scopes: ['api://reports-api/Reports.Read'],
    });
    expect(decodeJwt(result?.accessToken ?? '').scp).toBe('Reports.Read');
  });

  it('missing consent surfaces as invalid_grant / AADSTS65001 / consent_required', async () => {
    const world = createWorld(getScenario('obo-secret'), { variants: ['consent-missing'] });
    const { tokenA } = await world.startingTokens();
    const app = msalApp(world, { clientId: APP.todoApi, clientSecret: SECRET.todoApi });
    const error = await rejectionOf(() =>
      app.acquireTokenOnBehalfOf({
        oboAssertion: tokenA ?? '',
        scopes: ['api://reports-api/Reports.Read'],
      }),
    );
    expect(error).toBeInstanceOf(AuthError);
    const authError = error as AuthError;
    expect(`${authError.errorCode} ${authError.errorMessage}`).toContain('invalid_grant');
    expect(authError.errorMessage).toContain('AADSTS65001');
    expect(authError.subError).toBe('consent_required');
    // consent_required is one of MSAL's interaction-required sub-errors.
    expect(error).toBeInstanceOf(InteractionRequiredAuthError);
  });

  it('a downstream MFA policy surfaces as InteractionRequiredAuthError with claims', async () => {
    const world = createWorld(getScenario('obo-secret'), {
      variants: ['downstream-requires-mfa'],
    });
    const { tokenA } = await world.startingTokens();
    const app = msalApp(world, { clientId: APP.todoApi, clientSecret: SECRET.todoApi });
    const error = await rejectionOf(() =>
      app.acquireTokenOnBehalfOf({
        oboAssertion: tokenA ?? '',
        scopes: ['api://reports-api/Reports.Read'],
      }),
    );
    expect(error).toBeInstanceOf(InteractionRequiredAuthError);
    const interaction = error as InteractionRequiredAuthError;
    expect(interaction.errorCode).toBe('invalid_grant');
    expect(interaction.errorMessage).toContain('AADSTS50076');
    expect(interaction.subError).toBe('basic_action');
    const claims = JSON.parse(interaction.claims) as {
      access_token: { capolids: { essential: boolean; values: string[] } };
    };
    expect(claims.access_token.capolids.essential).toBe(true);
    expect(claims.access_token.capolids.values).toHaveLength(1);
  });
});

describe("jose's remote JWKS and the discovery document over the world's fetch", () => {
  it('verifies an issued token with createRemoteJWKSet + jwtVerify', async () => {
    const world = createWorld(getScenario('cc-secret'));
    const app = msalApp(world, { clientId: APP.daemon, clientSecret: SECRET.daemon });
    const result = await app.acquireTokenByClientCredential({ scopes: ['api://orders/.default'] });
    const token = result?.accessToken ?? '';

    const jwks = createRemoteJWKSet(
      new URL(`https://login.microsoftonline.com/${TENANT_ID}/discovery/v2.0/keys`),
      {
        [customFetch]: (url: string, options: RequestInit) =>
          world.fetch(new Request(url, options)),
      },
    );
    const { payload, protectedHeader } = await jwtVerify(token, jwks, {
      issuer: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
      audience: APP.ordersApi,
      algorithms: ['RS256'],
      currentDate: new Date(world.now() * 1000),
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload.roles).toEqual(['Orders.Read.All']);
    expect(requestsSeen(world)).toContain(
      `GET https://login.microsoftonline.com/${TENANT_ID}/discovery/v2.0/keys`,
    );
  });

  it('serves a coherent v2.0 OpenID configuration', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const response = await world.fetch(
      new Request(`${AUTHORITY}/v2.0/.well-known/openid-configuration`),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const config = (await response.json()) as Record<string, unknown>;
    expect(config.issuer).toBe(`https://login.microsoftonline.com/${TENANT_ID}/v2.0`);
    expect(config.token_endpoint).toBe(TOKEN_ENDPOINT);
    expect(config.authorization_endpoint).toBe(`${AUTHORITY}/oauth2/v2.0/authorize`);
    expect(config.jwks_uri).toBe(`${AUTHORITY}/discovery/v2.0/keys`);

    // The advertised jwks_uri serves the key that signs the tokens the token_endpoint issues.
    const keys = (await (await world.fetch(new Request(String(config.jwks_uri)))).json()) as {
      keys: { kid?: string; kty?: string; use?: string }[];
    };
    expect(keys.keys.length).toBeGreaterThan(0);
    for (const key of keys.keys) {
      expect(key.kty).toBe('RSA');
      expect(key.kid).toBeTruthy();
    }
    const { tokenA } = await world.startingTokens();
    const header = JSON.parse(
      Buffer.from((tokenA ?? '').split('.')[0] ?? '', 'base64url').toString('utf8'),
    ) as { kid: string };
    expect(keys.keys.map((k) => k.kid)).toContain(header.kid);
  });
});
