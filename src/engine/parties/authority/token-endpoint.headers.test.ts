// Spec tests: the token endpoint's error responses carry the headers HTTP and OAuth require (issue 6).
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../../scenarios/index';
import { APP, SECRET } from '../../../scenarios/contoso';
import { createWorld } from '../../index';
import { basicAuthorization, expectAadError, postToken, tokenUrl } from './authority.test-helpers';

describe('405 Method Not Allowed carries Allow (RFC 9110 section 15.5.6)', () => {
  it.each(['GET', 'PUT', 'DELETE', 'PATCH'])(
    '%s on the v2 and v1 token endpoints',
    async (method) => {
      const world = createWorld(getScenario('cc-secret'));
      for (const endpoint of ['v2', 'v1'] as const) {
        const response = await world.fetch(
          new Request(tokenUrl(world, endpoint), {
            method,
            ...(method === 'GET' ? {} : { body: 'grant_type=client_credentials' }),
          }),
        );
        expect(response.headers.get('allow')).toBe('POST');
        await expectAadError(response, { status: 405, error: 'invalid_request', code: 900561 });
      }
    },
  );

  it('a POST never carries Allow', async () => {
    const world = createWorld(getScenario('cc-secret'));
    const response = await postToken(world, { grant_type: 'client_credentials' });
    expect(response.headers.get('allow')).toBeNull();
  });
});

describe('401 invalid_client after HTTP Basic carries WWW-Authenticate (RFC 6749 section 5.2)', () => {
  it('a wrong secret sent with Basic: WWW-Authenticate: Basic realm=...', async () => {
    const world = createWorld(getScenario('cc-basic'));
    const response = await postToken(
      world,
      { grant_type: 'client_credentials', scope: 'api://orders/.default' },
      { Authorization: basicAuthorization(APP.daemon, 'wrong-secret') },
    );
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="[^"]+"$/);
    await expectAadError(response, { status: 401, error: 'invalid_client', code: 7000215 });
  });

  it('an undecodable Basic header also gets the challenge when the request fails with 401', async () => {
    const world = createWorld(getScenario('cc-basic'));
    const response = await postToken(
      world,
      { grant_type: 'client_credentials', client_id: APP.daemon, scope: 'api://orders/.default' },
      { Authorization: 'Basic !!!not-base64' },
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="[^"]+"$/);
  });

  it('a wrong secret in the body: no WWW-Authenticate', async () => {
    const world = createWorld(getScenario('cc-secret'));
    const response = await postToken(world, {
      grant_type: 'client_credentials',
      client_id: APP.daemon,
      client_secret: 'wrong-secret',
      scope: 'api://orders/.default',
    });
    expect(response.headers.get('www-authenticate')).toBeNull();
    await expectAadError(response, { status: 401, error: 'invalid_client', code: 7000215 });
  });

  it('a 400 after Basic: no WWW-Authenticate', async () => {
    const world = createWorld(getScenario('cc-basic'));
    const response = await postToken(
      world,
      { grant_type: 'client_credentials', scope: 'api://nope/.default' },
      { Authorization: basicAuthorization(APP.daemon, SECRET.daemon) },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('www-authenticate')).toBeNull();
  });
});
