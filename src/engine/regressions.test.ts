// Regression tests for bugs found by the property and spec suites.
import { describe, expect, it } from 'vitest';
import { getScenario } from '../scenarios/index';
import { APP } from '../scenarios/contoso';
import { signJwt, toBase64Url } from './crypto';
import { createWorld } from './index';
import { AUTHORITY_ORIGIN } from './parties/authority/keys';
import {
  ASSERTION_TYPE,
  expectAadError,
  JWT_BEARER_GRANT,
  postToken,
  signClientAssertion,
  tokenUrl,
} from './parties/authority/authority.test-helpers';

describe('regressions', () => {
  it('a malformed percent-escape in the tenant segment is an unknown tenant, not a crash', async () => {
    const world = createWorld(getScenario('cc-secret'));
    const response = await postToken(
      world,
      { grant_type: 'client_credentials' },
      {},
      { url: `${AUTHORITY_ORIGIN}/%zz/oauth2/v2.0/token` },
    );
    await expectAadError(response, { status: 400, error: 'invalid_request', code: 90002 });
    const discovery = await world.fetch(
      new Request(`${AUTHORITY_ORIGIN}/%E0%A4%A/v2.0/.well-known/openid-configuration`),
    );
    expect(discovery.status).toBe(400);
  });

  it('a client assertion with an out-of-range nbf is AADSTS700024, not a crash', async () => {
    const world = createWorld(getScenario('cc-certificate'));
    const assertion = await signClientAssertion({
      key: 'daemon-app',
      clientId: APP.daemon,
      audience: tokenUrl(world),
      now: world.now(),
      payload: { nbf: 1e16, exp: 1e16 + 600 },
    });
    const response = await postToken(world, {
      grant_type: 'client_credentials',
      client_id: APP.daemon,
      scope: 'api://orders/.default',
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: assertion,
    });
    await expectAadError(response, { status: 401, error: 'invalid_client', code: 700024 });
  });

  it('an OBO assertion without exp is refused with AADSTS50013', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const header = {
      kid: (await import('./crypto')).decodeJwtParts((await world.startingTokens()).tokenA ?? '')
        ?.header.kid,
    };
    const assertion = await signJwt('authority', 'RS256', header, {
      aud: APP.todoApi,
      iss: `${AUTHORITY_ORIGIN}/${world.runtime.scenario.tenantId}/v2.0`,
      scp: 'Todo.Read',
      oid: '1e0b7c2d-4a5f-4b6e-9c8d-2f1a3b4c5d6e',
    });
    const response = await postToken(world, {
      grant_type: JWT_BEARER_GRANT,
      client_id: APP.todoApi,
      client_secret: 'Tq3W~sim-todo-api-secret-Hc6Vd2Mz8Ks4Nx',
      assertion,
      requested_token_use: 'on_behalf_of',
      scope: 'api://reports-api/Reports.Read',
    });
    await expectAadError(response, { status: 400, error: 'invalid_grant', code: 50013 });
  });

  it('client-supplied text never reaches WWW-Authenticate raw', async () => {
    const world = createWorld(getScenario('cc-secret'));
    const part = (value: unknown) => toBase64Url(JSON.stringify(value));
    const evil = 'a\r\nSet-Cookie: x=1\u0101';
    const forged = `${part({ alg: 'RS256', typ: 'JWT', crit: [evil], [evil]: 1 })}.${part({ aud: APP.ordersApi })}.c2lnbmF0dXJl`;
    const response = await world.fetch(
      new Request('https://orders.contoso.example/orders', {
        headers: { Authorization: `Bearer ${forged}` },
      }),
    );
    expect(response.status).toBe(401);
    const header = response.headers.get('www-authenticate') ?? '';
    expect(header).toMatch(/^Bearer /);
    expect(header).not.toMatch(/[\r\n]/);
  });
});
