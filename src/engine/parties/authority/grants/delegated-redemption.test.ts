// Spec tests: codes and refresh tokens are redeemed only for resources the user consented to (issue 6).
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../../../scenarios/index';
import { APP, SECRET, SP, TENANT_ID } from '../../../../scenarios/contoso';
import { createWorld } from '../../../index';
import type { World } from '../../../index';
import { expectAadError, JWT_BEARER_GRANT, jwtPayload, postToken } from '../authority.test-helpers';
import { mintDelegatedAccessToken } from '../tokens';

const AUTHORITY = `https://login.microsoftonline.com/${TENANT_ID}`;
const REDIRECT = 'https://webapp.contoso.example/signin-oidc';
const ORDERS_SCOPE = 'openid profile offline_access api://orders/Orders.Read';

/** Authorize (no PKCE) -> sign in as Ada -> accept consent; resolves with the code. */
async function codeFor(world: World, scope = ORDERS_SCOPE): Promise<string> {
  const form = (fields: Record<string, string>, cookie = '') => ({
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
  const q = new URLSearchParams({
    client_id: APP.webApp,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope,
    state: 's',
  });
  const signIn = await world.fetch(new Request(`${AUTHORITY}/oauth2/v2.0/authorize?${q}`));
  const flowOf = (html: string) => /name="flow" value="([^"]+)"/.exec(html)?.[1] ?? '';
  let response = await world.fetch(
    new Request(
      `${AUTHORITY}/login`,
      form({ flow: flowOf(await signIn.text()), login: 'ada@contoso.onmicrosoft.com' }),
    ),
  );
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (response.status === 200) {
    response = await world.fetch(
      new Request(
        `${AUTHORITY}/consent`,
        form({ flow: flowOf(await response.text()), consent: 'accept' }, cookie),
      ),
    );
  }
  return new URL(response.headers.get('location') ?? 'x:').searchParams.get('code') ?? '';
}

const redeem = (world: World, code: string, scope = ORDERS_SCOPE) =>
  postToken(world, {
    grant_type: 'authorization_code',
    client_id: APP.webApp,
    client_secret: SECRET.webApp,
    code,
    redirect_uri: REDIRECT,
    scope,
  });

async function refreshTokenOf(world: World): Promise<string> {
  const body = (await (await redeem(world, await codeFor(world))).json()) as Record<string, string>;
  return body.refresh_token ?? '';
}

const refresh = (world: World, token: string, scope: string | undefined) =>
  postToken(world, {
    grant_type: 'refresh_token',
    client_id: APP.webApp,
    client_secret: SECRET.webApp,
    refresh_token: token,
    scope,
  });

describe('code and refresh token redemption for another resource', () => {
  it('refreshing for a resource the user never consented to is AADSTS65001, never an empty scp', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const token = await refreshTokenOf(world);
    await expectAadError(await refresh(world, token, 'api://todo-api/Todo.Read'), {
      status: 400,
      error: 'invalid_grant',
      code: 65001,
      suberror: 'consent_required',
    });
  });

  it('redeeming a code for a resource the user never consented to is AADSTS65001', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const code = await codeFor(world);
    await expectAadError(
      await redeem(world, code, 'openid offline_access api://todo-api/Todo.Read'),
      {
        status: 400,
        error: 'invalid_grant',
        code: 65001,
        suberror: 'consent_required',
      },
    );
  });

  it('a refresh token is redeemable for any resource the user consented to for this client', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const token = await refreshTokenOf(world);
    world.runtime.scenario.directory.oauth2PermissionGrants.push({
      id: 'grant-webapp-todo',
      clientId: SP.webApp,
      consentType: 'AllPrincipals',
      principalId: null,
      resourceId: SP.todoApi,
      scope: 'Todo.Read',
    });
    const response = await refresh(world, token, 'api://todo-api/Todo.Read offline_access');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    const claims = jwtPayload(body.access_token ?? '');
    expect(claims.aud).toBe(APP.todoApi);
    expect(claims.scp).toBe('Todo.Read');
    expect(body.scope?.split(' ')).toContain('api://todo-api/Todo.Read');
  });

  it('an explicitly requested scope outside the consent is AADSTS65001 even on the grant resource', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const token = await refreshTokenOf(world);
    const orders = world.runtime.scenario.directory.applications.find(
      (a) => a.appId === APP.ordersApi,
    );
    orders?.api.oauth2PermissionScopes.push({
      id: 'e1a2b3c4-0009-4000-8000-000000000009',
      value: 'Orders.Write',
      type: 'User',
      isEnabled: true,
      adminConsentDisplayName: 'Write your orders',
      adminConsentDescription: 'Write your orders',
      userConsentDisplayName: 'Write your orders',
      userConsentDescription: 'Write your orders',
    });
    await expectAadError(await refresh(world, token, 'api://orders/Orders.Write'), {
      status: 400,
      error: 'invalid_grant',
      code: 65001,
      suberror: 'consent_required',
    });
  });

  it('without scope, a refresh token is redeemed for the resource and scopes of its grant', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const token = await refreshTokenOf(world);
    const response = await refresh(world, token, undefined);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    expect(jwtPayload(body.access_token ?? '').scp).toBe('Orders.Read');
  });
});

describe('the OBO refresh token (token B can be refreshed by the middle tier)', () => {
  async function oboRefreshToken(world: World): Promise<string> {
    const tokenA = (await world.startingTokens()).tokenA ?? '';
    const response = await postToken(world, {
      grant_type: JWT_BEARER_GRANT,
      client_id: APP.todoApi,
      client_secret: SECRET.todoApi,
      assertion: tokenA,
      requested_token_use: 'on_behalf_of',
      scope: 'api://reports-api/Reports.Read offline_access',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    expect(body.refresh_token).toMatch(/^1\./);
    return body.refresh_token ?? '';
  }
  const refreshB = (world: World, token: string, scope: string | undefined) =>
    postToken(world, {
      grant_type: 'refresh_token',
      client_id: APP.todoApi,
      client_secret: SECRET.todoApi,
      refresh_token: token,
      scope,
    });

  it('with scope: a new token B for the downstream API with its consented scope', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const token = await oboRefreshToken(world);
    const response = await refreshB(world, token, 'api://reports-api/Reports.Read offline_access');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    const claims = jwtPayload(body.access_token ?? '');
    expect(claims.aud).toBe(APP.reportsApi);
    expect(claims.scp).toBe('Reports.Read');
    expect(claims.azp).toBe(APP.todoApi);
    expect(body.scope?.split(' ')).toEqual(
      expect.arrayContaining(['api://reports-api/Reports.Read', 'offline_access']),
    );
    expect(body.refresh_token).toMatch(/^1\./);
  });

  it('without scope: the resource and scopes of the OBO grant', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const token = await oboRefreshToken(world);
    const response = await refreshB(world, token, undefined);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    const claims = jwtPayload(body.access_token ?? '');
    expect(claims.aud).toBe(APP.reportsApi);
    expect(claims.scp).toBe('Reports.Read');
  });

  it('remembers the downstream resource and scopes of the OBO grant', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const token = await oboRefreshToken(world);
    expect(world.runtime.authorityEnv.refreshTokens.get(token)).toMatchObject({
      clientAppId: APP.todoApi,
      resourceAppId: APP.reportsApi,
      scopes: ['Reports.Read'],
    });
  });
});

describe('minting invariant: no delegated access token with an empty scp', () => {
  it('mintDelegatedAccessToken answers AADSTS65001 consent_required instead of minting', async () => {
    const world = createWorld(getScenario('auth-code-pkce'));
    const d = world.runtime.scenario.directory;
    const find = (appId: string) => d.applications.find((a) => a.appId === appId);
    const resourceApp = find(APP.ordersApi);
    const client = find(APP.webApp);
    const clientSp = d.servicePrincipals.find((sp) => sp.appId === APP.webApp);
    const user = d.users[0];
    if (!resourceApp || !client || !clientSp || !user) throw new Error('fixture');
    const before = world.runtime.authorityEnv.issued.size;
    const result = await mintDelegatedAccessToken(world.runtime.authorityEnv, {
      tenantId: TENANT_ID,
      resourceApp,
      resourceIdentifier: 'api://orders',
      client,
      clientSp,
      clientAuth: '1',
      user,
      scopes: [],
    });
    expect(result).toMatchObject({ failure: { code: 65001, suberror: 'consent_required' } });
    expect(world.runtime.authorityEnv.issued.size).toBe(before);
  });
});
