// Spec tests of the checks every token request passes first: method, tenant, grant type, client.
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../simulation/world';
import type { World } from '../../../simulation/world';
import { getScenario } from '../../../../scenarios/index';
import { APP, SECRET, TENANT_ID } from '../../../../scenarios/contoso';
import {
  expectAadError,
  expectStoppedAt,
  checksBefore,
  lastChecksEvent,
  postToken,
  tokenUrl,
} from '../authority.test-helpers';

const ccWorld = (): World => createWorld(getScenario('cc-secret'), { seed: 7 });

/** A valid client-credentials request of the daemon (v2), to alter one parameter at a time. */
const validCc = {
  grant_type: 'client_credentials',
  client_id: APP.daemon,
  client_secret: SECRET.daemon,
  scope: 'api://orders/.default',
};

describe('method-is-post (AADSTS900561)', () => {
  it('answers a GET on the token endpoint with 405 invalid_request', async () => {
    const world = ccWorld();
    const url = `${tokenUrl(world)}?grant_type=client_credentials&client_id=${APP.daemon}`;
    const res = await world.fetch(new Request(url, { method: 'GET' }));
    await expectAadError(res, {
      status: 405,
      error: 'invalid_request',
      code: 900561,
      descriptionContains: ['Received a GET request'],
    });
    expect(expectStoppedAt(world, 'method-is-post', 900561)).toEqual(
      checksBefore('client_credentials', 'method-is-post'),
    );
  });

  it('answers a GET on the v1 endpoint the same way', async () => {
    const world = ccWorld();
    const res = await world.fetch(new Request(tokenUrl(world, 'v1'), { method: 'GET' }));
    await expectAadError(res, { status: 405, error: 'invalid_request', code: 900561 });
  });
});

describe('tenant-exists (AADSTS90002)', () => {
  it('refuses an unknown tenant GUID with 400 invalid_request naming it', async () => {
    const world = ccWorld();
    const other = '0a0b0c0d-1111-4222-8333-444455556666';
    const res = await postToken(world, validCc, {}, { tenant: other });
    await expectAadError(res, {
      status: 400,
      error: 'invalid_request',
      code: 90002,
      descriptionContains: [`Tenant '${other}' not found`],
    });
    expect(expectStoppedAt(world, 'tenant-exists', 90002)).toEqual(
      checksBefore('client_credentials', 'tenant-exists'),
    );
  });

  it('refuses an unknown domain', async () => {
    const world = ccWorld();
    const res = await postToken(world, validCc, {}, { tenant: 'fabrikam.onmicrosoft.com' });
    await expectAadError(res, { status: 400, error: 'invalid_request', code: 90002 });
  });

  it('on common and organizations, client credentials imply no tenant (AADSTS50059)', async () => {
    for (const tenant of ['common', 'organizations']) {
      const world = ccWorld();
      const res = await postToken(world, validCc, {}, { tenant });
      await expectAadError(res, { status: 400, error: 'invalid_request', code: 50059 });
    }
  });

  it('accepts the verified domain and a percent-encoded tenant id', async () => {
    const world = ccWorld();
    const byDomain = await postToken(world, validCc, {}, { tenant: 'contoso.onmicrosoft.com' });
    expect(byDomain.status).toBe(200);
    const encoded = TENANT_ID.replace('3', '%33');
    const byEscape = await postToken(world, validCc, {}, { tenant: encoded });
    expect(byEscape.status).toBe(200);
  });
});

describe('grant-type-present (AADSTS900144)', () => {
  it('asks for grant_type when the body has none', async () => {
    const world = ccWorld();
    const res = await postToken(world, { ...validCc, grant_type: undefined });
    await expectAadError(res, {
      status: 400,
      error: 'invalid_request',
      code: 900144,
      descriptionContains: ["The request body must contain the following parameter: 'grant_type'."],
    });
    expectStoppedAt(world, 'grant-type-present', 900144);
  });

  it('does not count grant_type sent only in the query string', async () => {
    const world = ccWorld();
    const url = `${tokenUrl(world)}?grant_type=client_credentials`;
    const res = await postToken(world, { ...validCc, grant_type: undefined }, {}, { url });
    await expectAadError(res, {
      status: 400,
      error: 'invalid_request',
      code: 900144,
      descriptionContains: ["'grant_type'"],
    });
  });

  it('treats an empty grant_type as missing', async () => {
    const world = ccWorld();
    const res = await postToken(world, { ...validCc, grant_type: '' });
    await expectAadError(res, { status: 400, error: 'invalid_request', code: 900144 });
  });
});

describe('grant-type-supported (AADSTS70003)', () => {
  it('answers unsupported_grant_type echoing the grant type', async () => {
    const world = ccWorld();
    const res = await postToken(world, { ...validCc, grant_type: 'password' });
    await expectAadError(res, {
      status: 400,
      error: 'unsupported_grant_type',
      code: 70003,
      descriptionContains: ["unsupported grant type 'password'"],
    });
    expect(expectStoppedAt(world, 'grant-type-supported', 70003)).toEqual(
      checksBefore('client_credentials', 'grant-type-supported'),
    );
  });
});

describe('client-id-present (AADSTS900144)', () => {
  it('asks for client_id when neither the body nor a Basic header names the client', async () => {
    const world = ccWorld();
    const res = await postToken(world, { ...validCc, client_id: undefined });
    await expectAadError(res, {
      status: 400,
      error: 'invalid_request',
      code: 900144,
      descriptionContains: ["'client_id'"],
    });
    expectStoppedAt(world, 'client-id-present', 900144);
  });
});

describe('client-registered (AADSTS700016)', () => {
  it('answers unauthorized_client for an unknown client_id, naming app and directory', async () => {
    const world = ccWorld();
    const unknown = '11111111-2222-4333-8444-555555555555';
    const res = await postToken(world, { ...validCc, client_id: unknown });
    await expectAadError(res, {
      status: 400,
      error: 'unauthorized_client',
      code: 700016,
      descriptionContains: [
        `Application with identifier '${unknown}' was not found in the directory '${TENANT_ID}'.`,
      ],
    });
    expect(expectStoppedAt(world, 'client-registered', 700016)).toEqual(
      checksBefore('client_credentials', 'client-registered'),
    );
  });

  it('answers 700016 for an app registration without a service principal in the tenant', async () => {
    const scenario = getScenario('cc-secret');
    const world = createWorld({
      ...scenario,
      directory: {
        ...scenario.directory,
        servicePrincipals: scenario.directory.servicePrincipals.filter(
          (sp) => sp.appId !== APP.daemon,
        ),
      },
    });
    const res = await postToken(world, validCc);
    await expectAadError(res, { status: 400, error: 'unauthorized_client', code: 700016 });
  });
});

describe('correlation id', () => {
  it("echoes the client's client-request-id (query string, as MSAL sends it) as correlation_id", async () => {
    const world = ccWorld();
    const id = 'aaaabbbb-cccc-4ddd-8eee-ffff00001111';
    const url = `${tokenUrl(world)}?client-request-id=${id}`;
    const res = await postToken(world, { ...validCc, grant_type: 'password' }, {}, { url });
    const body = await expectAadError(res, {
      status: 400,
      error: 'unsupported_grant_type',
      code: 70003,
    });
    expect(body.correlation_id).toBe(id);
  });

  it('stamps the error with the simulated clock', async () => {
    const world = ccWorld();
    const res = await postToken(world, { ...validCc, grant_type: 'password' });
    const body = await expectAadError(res, {
      status: 400,
      error: 'unsupported_grant_type',
      code: 70003,
    });
    // The scenario starts 2026-03-02 09:00:00Z and each hop on the simulated network takes 1 s.
    expect(body.timestamp).toBe('2026-03-02 09:00:01Z');
    expect(lastChecksEvent(world)?.endpoint).toBe('token v2.0');
  });
});
