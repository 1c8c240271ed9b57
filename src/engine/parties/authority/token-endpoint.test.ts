// Spec tests of the token endpoint's success paths, response shapes, check trace and assertion reuse.
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../simulation/world';
import type { World } from '../../simulation/world';
import {
  findApplicationByResource,
  findServicePrincipal,
  findUser,
} from '../../directory/directory';
import { getScenario } from '../../../scenarios/index';
import { APP, SECRET, TENANT_ID, USER } from '../../../scenarios/contoso';
import { mintAccessToken } from './tokens';
import { tokenCheckOrder } from './token-endpoint';
import {
  ASSERTION_TYPE,
  checksBefore,
  expectAadError,
  JWT_BEARER_GRANT,
  jwtPayload,
  lastChecksEvent,
  postToken,
  signClientAssertion,
  tokenUrl,
} from './authority.test-helpers';

const ccRequest = {
  grant_type: 'client_credentials',
  client_id: APP.daemon,
  client_secret: SECRET.daemon,
  scope: 'api://orders/.default',
};

const oboRequest = (
  assertion: string,
  scope = 'api://reports-api/Reports.Read offline_access',
) => ({
  grant_type: JWT_BEARER_GRANT,
  client_id: APP.todoApi,
  client_secret: SECRET.todoApi,
  assertion,
  requested_token_use: 'on_behalf_of',
  scope,
});

async function tokenA(world: World): Promise<string> {
  const { tokenA: token } = await world.startingTokens();
  if (!token) throw new Error('The scenario has no token A.');
  return token;
}

type Json = Record<string, unknown>;

describe('client credentials success (v2)', () => {
  it('answers 200 Bearer with integer expires_in/ext_expires_in, no scope and no refresh token', async () => {
    const world = createWorld(getScenario('cc-secret'), { seed: 2 });
    const res = await postToken(world, ccRequest);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store, no-cache');
    expect(res.headers.get('pragma')).toBe('no-cache');
    const body = (await res.json()) as Json;
    expect(Object.keys(body).sort()).toEqual(
      ['access_token', 'expires_in', 'ext_expires_in', 'token_type'].sort(),
    );
    expect(body.token_type).toBe('Bearer');
    expect(Number.isInteger(body.expires_in)).toBe(true);
    expect(Number.isInteger(body.ext_expires_in)).toBe(true);
    // The platform's lifetime: a random 60 to 90 minutes.
    expect(body.expires_in).toBeGreaterThanOrEqual(3600);
    expect(body.expires_in).toBeLessThanOrEqual(5400);
    expect(body).not.toHaveProperty('scope');
    expect(body).not.toHaveProperty('refresh_token');
  });

  it('issues an app-only v2.0 token with the granted app roles', async () => {
    const world = createWorld(getScenario('cc-secret'), { seed: 2 });
    const body = (await (await postToken(world, ccRequest)).json()) as { access_token: string };
    const claims = jwtPayload(body.access_token);
    expect(claims).toMatchObject({
      aud: APP.ordersApi,
      iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
      azp: APP.daemon,
      azpacr: '1',
      idtyp: 'app',
      roles: ['Orders.Read.All'],
      tid: TENANT_ID,
      ver: '2.0',
    });
    expect(claims).not.toHaveProperty('scp');
    expect(claims.sub).toBe(claims.oid);
    expect(Number(claims.exp) - Number(claims.iat)).toBeGreaterThanOrEqual(3600);
  });

  it('sets azpacr 2 for a certificate credential', async () => {
    const world = createWorld(getScenario('cc-certificate'));
    const assertion = await signClientAssertion({
      key: 'daemon-app',
      clientId: APP.daemon,
      audience: tokenUrl(world),
      now: world.now(),
    });
    const res = await postToken(world, {
      ...ccRequest,
      client_secret: undefined,
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: assertion,
    });
    const body = (await res.json()) as { access_token: string };
    expect(jwtPayload(body.access_token).azpacr).toBe('2');
  });

  it('records every passed check in order, then the issued token', async () => {
    const world = createWorld(getScenario('cc-secret'));
    await postToken(world, ccRequest);
    const response = world.log().at(-1);
    expect(response?.kind).toBe('response');
    const [checks, issued] = response?.events ?? [];
    expect(checks).toEqual({
      type: 'authority.checks',
      endpoint: 'token v2.0',
      passed: tokenCheckOrder('client_credentials'),
    });
    expect(issued).toEqual({
      type: 'token.issued',
      tokenType: 'access_token',
      version: '2.0',
      audience: APP.ordersApi,
      subject: 'app',
      roles: ['Orders.Read.All'],
    });
  });
});

describe('client credentials success (v1)', () => {
  it('answers string-typed numbers with expires_on, not_before and resource', async () => {
    const world = createWorld(getScenario('cc-secret'), { seed: 4 });
    const res = await postToken(
      world,
      { ...ccRequest, scope: undefined, resource: 'api://orders' },
      {},
      { endpoint: 'v1' },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, string>;
    expect(body.token_type).toBe('Bearer');
    expect(body.resource).toBe('api://orders');
    for (const field of ['expires_in', 'ext_expires_in', 'expires_on', 'not_before']) {
      expect(typeof body[field]).toBe('string');
      expect(body[field]).toMatch(/^\d+$/);
    }
    const now = world.now();
    expect(Number(body.not_before)).toBe(now);
    expect(Number(body.expires_on)).toBe(now + Number(body.expires_in));
    expect(body).not.toHaveProperty('refresh_token');
    expect(body).not.toHaveProperty('scope');
    // The format follows the resource (Orders API asks for v2.0), not the endpoint.
    const claims = jwtPayload(body.access_token ?? '');
    expect(claims.ver).toBe('2.0');
    expect(Number(claims.exp)).toBe(Number(body.expires_on));
    expect(lastChecksEvent(world)?.endpoint).toBe('token v1.0');
  });
});

describe('On-Behalf-Of success (v2)', () => {
  it('answers scope, integer lifetimes and a refresh token when offline_access is asked', async () => {
    const world = createWorld(getScenario('obo-secret'), { seed: 9 });
    const res = await postToken(world, oboRequest(await tokenA(world)));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.token_type).toBe('Bearer');
    expect(body.scope).toBe('api://reports-api/Reports.Read');
    expect(Number.isInteger(body.expires_in)).toBe(true);
    expect(Number.isInteger(body.ext_expires_in)).toBe(true);
    expect(typeof body.refresh_token).toBe('string');
    expect(String(body.refresh_token).length).toBeGreaterThan(0);
    expect(body).not.toHaveProperty('resource');
    expect(body).not.toHaveProperty('expires_on');
  });

  it('returns no refresh token without offline_access', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const res = await postToken(
      world,
      oboRequest(await tokenA(world), 'api://reports-api/Reports.Read'),
    );
    const body = (await res.json()) as Json;
    expect(res.status).toBe(200);
    expect(body).not.toHaveProperty('refresh_token');
  });

  it('issues token B: same user, aud = downstream app id, azp = middle tier, scp delegated only', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const a = await tokenA(world);
    const body = (await (await postToken(world, oboRequest(a))).json()) as { access_token: string };
    const claimsA = jwtPayload(a);
    const claimsB = jwtPayload(body.access_token);
    expect(claimsB).toMatchObject({
      aud: APP.reportsApi,
      azp: APP.todoApi,
      azpacr: '1',
      scp: 'Reports.Read',
      oid: USER.ada,
      name: 'Ada Lovelace',
      preferred_username: 'ada@contoso.onmicrosoft.com',
      tid: TENANT_ID,
      ver: '2.0',
    });
    expect(claimsA.azp).toBe(APP.spa);
    expect(claimsB.oid).toBe(claimsA.oid);
    expect(claimsB.sub).not.toBe(claimsA.sub); // sub is pairwise per resource
    expect(claimsB).not.toHaveProperty('roles');
    expect(claimsB).not.toHaveProperty('idtyp');
  });

  it("never carries the user's roles from token A into token B", async () => {
    const world = createWorld(getScenario('obo-secret'));
    const directory = world.runtime.scenario.directory;
    const resourceApp = findApplicationByResource(directory, 'api://todo-api');
    const client = directory.applications.find((x) => x.appId === APP.spa);
    const clientSp = findServicePrincipal(directory, TENANT_ID, APP.spa);
    const user = findUser(directory, USER.ada);
    if (!resourceApp || !client || !clientSp || !user) throw new Error('Directory incomplete.');
    const withRoles = await mintAccessToken(world.runtime.authorityEnv, {
      tenantId: TENANT_ID,
      resourceApp,
      resourceIdentifier: 'api://todo-api',
      client,
      clientSp,
      clientAuth: '0',
      user,
      scopes: ['Todo.Read'],
      roles: ['Todo.Admin'],
      amr: ['pwd'],
    });
    expect(withRoles.payload.roles).toEqual(['Todo.Admin']);
    const res = await postToken(world, oboRequest(withRoles.token));
    expect(res.status).toBe(200);
    const claimsB = jwtPayload(((await res.json()) as { access_token: string }).access_token);
    expect(claimsB).not.toHaveProperty('roles');
    expect(claimsB.scp).toBe('Reports.Read');
  });

  it('grants every consented scope for /.default', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const res = await postToken(
      world,
      oboRequest(await tokenA(world), 'api://reports-api/.default'),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; scope: string };
    expect(body.scope).toBe('api://reports-api/Reports.Read');
    expect(jwtPayload(body.access_token).scp).toBe('Reports.Read');
  });

  it('records every OBO check in order, then token B and the refresh token', async () => {
    const world = createWorld(getScenario('obo-secret'));
    await postToken(world, oboRequest(await tokenA(world)));
    const events = world.log().at(-1)?.events ?? [];
    expect(events[0]).toEqual({
      type: 'authority.checks',
      endpoint: 'token v2.0',
      passed: tokenCheckOrder(JWT_BEARER_GRANT),
    });
    expect(events.slice(1).map((e) => (e.type === 'token.issued' ? e.tokenType : e.type))).toEqual([
      'access_token',
      'refresh_token',
    ]);
  });
});

describe('On-Behalf-Of success (v1)', () => {
  it('answers a v1.0 token for the App ID URI, string numbers and a refresh token', async () => {
    const world = createWorld(getScenario('obo-v1'));
    const res = await postToken(
      world,
      {
        grant_type: JWT_BEARER_GRANT,
        client_id: APP.todoApi,
        client_secret: SECRET.todoApi,
        assertion: await tokenA(world),
        requested_token_use: 'on_behalf_of',
        resource: 'api://reports-api',
        scope: 'openid',
      },
      {},
      { endpoint: 'v1' },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, string>;
    expect(body).toMatchObject({
      token_type: 'Bearer',
      scope: 'Reports.Read',
      resource: 'api://reports-api',
    });
    expect(body.expires_in).toMatch(/^\d+$/);
    expect(body.expires_on).toMatch(/^\d+$/);
    expect(body.not_before).toMatch(/^\d+$/);
    expect(typeof body.refresh_token).toBe('string');
    const claims = jwtPayload(body.access_token ?? '');
    expect(claims).toMatchObject({
      aud: 'api://reports-api',
      iss: `https://sts.windows.net/${TENANT_ID}/`,
      appid: APP.todoApi,
      appidacr: '1',
      scp: 'Reports.Read',
      amr: ['pwd'],
      ver: '1.0',
    });
  });
});

describe('assertion reuse (no replay rejection)', () => {
  it('accepts the same client assertion (same jti) twice, as MSAL reuses it for 10 minutes', async () => {
    const world = createWorld(getScenario('cc-certificate'));
    const assertion = await signClientAssertion({
      key: 'daemon-app',
      clientId: APP.daemon,
      audience: tokenUrl(world),
      now: world.now(),
      jti: 'c0ffee00-0000-4000-8000-00000000beef',
    });
    const request = {
      ...ccRequest,
      client_secret: undefined,
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: assertion,
    };
    expect((await postToken(world, request)).status).toBe(200);
    world.advance(300);
    expect((await postToken(world, request)).status).toBe(200);
  });

  it('accepts the same user assertion for two OBO exchanges', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const a = await tokenA(world);
    expect((await postToken(world, oboRequest(a))).status).toBe(200);
    expect((await postToken(world, oboRequest(a))).status).toBe(200);
  });
});

describe('authority.checks trace event on failure', () => {
  it('lists the checks passed in order and names the failed check and its code', async () => {
    const world = createWorld(getScenario('cc-secret'));
    await expectAadError(await postToken(world, { ...ccRequest, client_secret: 'nope' }), {
      status: 401,
      error: 'invalid_client',
      code: 7000215,
    });
    const event = lastChecksEvent(world);
    expect(event).toEqual({
      type: 'authority.checks',
      endpoint: 'token v2.0',
      passed: checksBefore('client_credentials', 'client-secret-valid'),
      failed: {
        check: 'client-secret-valid',
        code: 7000215,
        rule: 'A client_secret (body or Basic) equals a registered secret that has not expired.',
      },
    });
    // The failed response step carries the catalogue's error card.
    const step = world.log().at(-1);
    expect(step?.outcome).toBe('error');
    expect(step?.error).toMatchObject({ code: 7000215, error: 'invalid_client' });
  });

  it('records no token.issued event on failure', async () => {
    const world = createWorld(getScenario('obo-secret'), { variants: ['consent-missing'] });
    await postToken(world, oboRequest(await tokenA(world)));
    const events = world.log().at(-1)?.events ?? [];
    expect(events.map((e) => e.type)).toEqual(['authority.checks']);
  });
});
