// Spec tests of the implicit grant at the authorize endpoint, and of what OBO makes of its ID token and access token.
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../../../scenarios/index';
import { APP, SECRET, TENANT_ID } from '../../../../scenarios/contoso';
import { leftHalfSha256Base64Url } from '../../../crypto';
import { createWorld, runScenario } from '../../../index';
import type { World } from '../../../index';
import {
  checksBefore,
  expectStoppedAt,
  JWT_BEARER_GRANT,
  jwtPayload,
  postToken,
} from '../authority.test-helpers';
import { readPage } from '../pages';

const AUTHORIZE = `https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/authorize`;
const REPLY = 'https://webapp.contoso.example/signin-oidc';

function authorizeUrl(params: Record<string, string | undefined> = {}): string {
  const all: Record<string, string | undefined> = {
    client_id: APP.webApp,
    response_type: 'id_token token',
    redirect_uri: REPLY,
    scope: 'openid profile api://todo-api/Todo.Read',
    state: 'st-9',
    nonce: 'n-9',
    ...params,
  };
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(all)) if (v !== undefined) q.set(k, v);
  return `${AUTHORIZE}?${q.toString()}`;
}

/** GET /authorize, then the sign-in POST when a page asks for it; the last response. */
async function authorize(world: World, url: string): Promise<Response> {
  const first = await world.fetch(new Request(url));
  const page = readPage(await first.clone().text());
  if (page?.page !== 'sign-in') return first;
  const cookie = first.headers.get('set-cookie')?.split(';')[0];
  return world.fetch(
    new Request(new URL(page.action, url).toString(), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: new URLSearchParams({ flow: page.flow, login: 'ada@contoso.onmicrosoft.com' }),
    }),
  );
}

/** The fragment parameters of a 302 (where the implicit grant puts its answer). */
function fragmentOf(response: Response): URLSearchParams {
  const location = response.headers.get('location') ?? '';
  expect(location.startsWith(REPLY), 'the answer goes to the reply URL').toBe(true);
  expect(location).toContain('#');
  return new URLSearchParams(location.slice(location.indexOf('#') + 1));
}

describe('implicit grant: response_type id_token token (implicit grant flow doc)', () => {
  it('returns an access token and an ID token bound to it by at_hash, in the fragment, without a code', async () => {
    const world = createWorld(getScenario('obo-implicit'));
    const answer = await authorize(world, authorizeUrl());
    expect(answer.status).toBe(302);
    const fragment = fragmentOf(answer);
    expect(fragment.get('code')).toBeNull();
    expect(fragment.get('token_type')).toBe('Bearer');
    expect(Number(fragment.get('expires_in'))).toBeGreaterThanOrEqual(3600);
    expect(fragment.get('scope')).toBe('api://todo-api/Todo.Read');
    expect(fragment.get('state')).toBe('st-9');
    const access = jwtPayload(fragment.get('access_token') ?? '');
    expect(access).toMatchObject({ azp: APP.webApp, scp: 'Todo.Read', azpacr: '0' });
    const id = jwtPayload(fragment.get('id_token') ?? '');
    expect(id.aud).toBe(APP.webApp);
    expect(id.nonce).toBe('n-9');
    expect(id.c_hash).toBeUndefined();
    expect(id.at_hash).toBe(await leftHalfSha256Base64Url(fragment.get('access_token') ?? ''));
  });

  it('response_type=token alone returns only the access token, by fragment', async () => {
    const world = createWorld(getScenario('obo-implicit'));
    const fragment = fragmentOf(
      await authorize(world, authorizeUrl({ response_type: 'token', nonce: undefined })),
    );
    expect(fragment.get('access_token')).toBeTruthy();
    expect(fragment.get('id_token')).toBeNull();
  });

  it('access tokens not enabled: AADSTS700051 unsupported_response_type, redirected in the fragment', async () => {
    const world = createWorld(getScenario('obo-implicit'), {
      variants: ['implicit-access-token-disabled'],
    });
    const fragment = fragmentOf(await world.fetch(new Request(authorizeUrl())));
    expect(fragment.get('error')).toBe('unsupported_response_type');
    expect(fragment.get('error_description')).toMatch(/^AADSTS700051: response_type 'token'/);
    expect(fragment.get('state')).toBe('st-9');
    expectStoppedAt(world, 'response-type-allowed', 700051);
  });

  it('ID tokens not enabled: AADSTS700054 first, even when access tokens are not enabled either', async () => {
    const world = createWorld(getScenario('obo-implicit'), {
      variants: ['implicit-id-token-disabled'],
    });
    const fragment = fragmentOf(await world.fetch(new Request(authorizeUrl())));
    expect(fragment.get('error_description')).toMatch(/^AADSTS700054/);
    expectStoppedAt(world, 'response-type-allowed', 700054);
  });

  it('code token is not a combination the endpoint serves (AADSTS9002313)', async () => {
    const world = createWorld(getScenario('obo-implicit'));
    await world.fetch(new Request(authorizeUrl({ response_type: 'token code' })));
    expectStoppedAt(world, 'response-type-allowed', 9002313);
  });

  it('tokens never travel in the query string: response_mode=query is AADSTS70007', async () => {
    const world = createWorld(getScenario('obo-implicit'));
    const answer = await world.fetch(new Request(authorizeUrl({ response_mode: 'query' })));
    const location = new URL(answer.headers.get('location') ?? 'x:');
    expect(location.searchParams.get('error_description')).toMatch(/^AADSTS70007: 'query'/);
    expect(location.hash).toBe('');
    expectStoppedAt(world, 'response-type-allowed', 70007);
  });

  it('an ID token needs a nonce (AADSTS900144)', async () => {
    const world = createWorld(getScenario('obo-implicit'));
    await world.fetch(new Request(authorizeUrl({ nonce: undefined })));
    expectStoppedAt(world, 'nonce-present', 900144);
  });
});

describe('OBO client limitations: implicit tokens of a client with a wildcard reply URL', () => {
  async function implicitTokens(world: World) {
    const fragment = fragmentOf(await authorize(world, authorizeUrl()));
    return {
      idToken: fragment.get('id_token') ?? '',
      accessToken: fragment.get('access_token') ?? '',
    };
  }

  const obo = (world: World, clientId: string, secret: string, assertion: string, scope: string) =>
    postToken(world, {
      grant_type: JWT_BEARER_GRANT,
      client_id: clientId,
      client_secret: secret,
      assertion,
      requested_token_use: 'on_behalf_of',
      scope,
    });

  it('the implicit ID token is refused at assertion-implicit-id-token-wildcard (AADSTS240002)', async () => {
    const world = createWorld(getScenario('obo-implicit'));
    const { idToken } = await implicitTokens(world);
    const response = await obo(
      world,
      APP.webApp,
      SECRET.webApp,
      idToken,
      'api://todo-api/Todo.Read',
    );
    expect(response.status).toBe(400);
    expect(expectStoppedAt(world, 'assertion-implicit-id-token-wildcard', 240002)).toEqual(
      checksBefore(JWT_BEARER_GRANT, 'assertion-implicit-id-token-wildcard'),
    );
  });

  it('without the wildcard the rule does not apply: the ID token fails the general rule (assertion-not-id-token)', async () => {
    const base = getScenario('obo-implicit');
    const scenario = { ...base, directory: structuredClone(base.directory) };
    const app = scenario.directory.applications.find((a) => a.appId === APP.webApp);
    if (app) app.web.redirectUris = [REPLY];
    const world = createWorld(scenario);
    const { idToken } = await implicitTokens(world);
    await obo(world, APP.webApp, SECRET.webApp, idToken, 'api://todo-api/Todo.Read');
    expectStoppedAt(world, 'assertion-not-id-token', 240002);
  });

  it('the implicit access token of the same response is redeemed by the middle tier', async () => {
    const world = createWorld(getScenario('obo-implicit'));
    const { accessToken } = await implicitTokens(world);
    const response = await obo(
      world,
      APP.todoApi,
      SECRET.todoApi,
      accessToken,
      'api://reports-api/Reports.Read',
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string };
    expect(jwtPayload(body.access_token)).toMatchObject({ azp: APP.todoApi, scp: 'Reports.Read' });
  });

  it('the scenario: the base run succeeds end to end; the what-if stops at the wildcard rule', async () => {
    const scenario = getScenario('obo-implicit');
    const base = await runScenario(scenario, { decisions: 'script' });
    expect(base.result.ok).toBe(true);
    const posted = base.steps.find(
      (s) => s.kind === 'request' && s.request.method === 'POST' && s.to === 'web-app',
    );
    expect(posted?.request.body).toContain('access_token=');
    const fragmentLoad = base.steps.find(
      (s) => s.kind === 'request' && s.to === 'web-app' && s.request.url.endsWith('/signin-oidc'),
    );
    expect(fragmentLoad?.request.url).not.toContain('#');
    const refused = await runScenario(scenario, {
      variants: ['id-token-for-obo'],
      decisions: 'script',
    });
    expect(refused.result.ok).toBe(false);
    expectStoppedAt(refused, 'assertion-implicit-id-token-wildcard', 240002);
  });
});
