// Spec tests of client authentication: one method, a credential, the secret, and the certificate assertion.
import { describe, expect, it } from 'vitest';
import { applyVariants } from '../../../simulation/variants';
import { createWorld } from '../../../simulation/world';
import type { World } from '../../../simulation/world';
import { formatAadTimestamp } from '../../../core/clock';
import { getFixtureKey } from '../../../crypto';
import { getScenario } from '../../../../scenarios/index';
import { APP, SECRET } from '../../../../scenarios/contoso';
import {
  ASSERTION_TYPE,
  basicAuthorization,
  expectAadError,
  expectStoppedAt,
  checksBefore,
  postToken,
  signClientAssertion,
  tokenUrl,
} from '../authority.test-helpers';
import type { ClientAssertionOptions } from '../authority.test-helpers';

const ccWorld = (variants: string[] = []): World =>
  createWorld(getScenario('cc-secret'), { seed: 11, variants });

const ccRequest = {
  grant_type: 'client_credentials',
  client_id: APP.daemon,
  scope: 'api://orders/.default',
};

/** Posts a client-credentials request authenticated by an assertion built with `overrides`. */
async function postWithAssertion(
  world: World,
  overrides: Partial<ClientAssertionOptions> = {},
  endpoint: 'v1' | 'v2' = 'v2',
): Promise<Response> {
  const assertion = await signClientAssertion({
    key: 'daemon-app',
    clientId: APP.daemon,
    audience: tokenUrl(world, endpoint),
    now: world.now(),
    ...overrides,
  });
  return postToken(
    world,
    endpoint === 'v2'
      ? { ...ccRequest, client_assertion_type: ASSERTION_TYPE, client_assertion: assertion }
      : {
          grant_type: 'client_credentials',
          client_id: APP.daemon,
          resource: 'api://orders',
          client_assertion_type: ASSERTION_TYPE,
          client_assertion: assertion,
        },
    {},
    { endpoint },
  );
}

describe('one-client-auth-method (AADSTS9002313)', () => {
  it('refuses HTTP Basic and a body secret together (RFC 6749 section 2.3)', async () => {
    const world = ccWorld();
    const res = await postToken(
      world,
      { ...ccRequest, client_secret: SECRET.daemon },
      { Authorization: basicAuthorization(APP.daemon, SECRET.daemon) },
    );
    await expectAadError(res, {
      status: 400,
      error: 'invalid_request',
      code: 9002313,
      descriptionContains: ['client_secret_basic, client_secret_post'],
    });
    expect(expectStoppedAt(world, 'one-client-auth-method', 9002313)).toEqual(
      checksBefore('client_credentials', 'one-client-auth-method'),
    );
  });

  it('refuses a body secret together with a client assertion', async () => {
    const world = ccWorld();
    const assertion = await signClientAssertion({
      key: 'daemon-app',
      clientId: APP.daemon,
      audience: tokenUrl(world),
      now: world.now(),
    });
    const res = await postToken(world, {
      ...ccRequest,
      client_secret: SECRET.daemon,
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: assertion,
    });
    await expectAadError(res, {
      status: 400,
      error: 'invalid_request',
      code: 9002313,
      descriptionContains: ['client_secret_post, private_key_jwt'],
    });
  });
});

describe('client-credential-present (AADSTS7000218)', () => {
  it('answers invalid_client 401 when the body has neither client_secret nor client_assertion', async () => {
    const world = ccWorld();
    const res = await postToken(world, ccRequest);
    await expectAadError(res, {
      status: 401,
      error: 'invalid_client',
      code: 7000218,
      descriptionContains: ["'client_assertion' or 'client_secret'"],
    });
    expect(expectStoppedAt(world, 'client-credential-present', 7000218)).toEqual(
      checksBefore('client_credentials', 'client-credential-present'),
    );
  });

  it('ignores a Basic header that does not decode to id:secret', async () => {
    const world = ccWorld();
    const res = await postToken(world, ccRequest, { Authorization: 'Basic %%%not-base64' });
    await expectAadError(res, { status: 401, error: 'invalid_client', code: 7000218 });
  });
});

describe('client-secret-valid (AADSTS7000215, AADSTS7000222)', () => {
  it('answers 7000215 for a wrong secret in the body, naming the app', async () => {
    const world = ccWorld();
    const res = await postToken(world, { ...ccRequest, client_secret: 'k-daemon-1' });
    await expectAadError(res, {
      status: 401,
      error: 'invalid_client',
      code: 7000215,
      descriptionContains: [`Invalid client secret provided.`, `app '${APP.daemon}'`],
    });
    expect(expectStoppedAt(world, 'client-secret-valid', 7000215)).toEqual(
      checksBefore('client_credentials', 'client-secret-valid'),
    );
  });

  it('answers 7000215 for a wrong secret sent by HTTP Basic (client_id only in the header)', async () => {
    const world = ccWorld();
    const res = await postToken(
      world,
      { ...ccRequest, client_id: undefined },
      { Authorization: basicAuthorization(APP.daemon, 'wrong~secret') },
    );
    await expectAadError(res, { status: 401, error: 'invalid_client', code: 7000215 });
    expectStoppedAt(world, 'client-secret-valid', 7000215);
  });

  it('accepts the right secret by HTTP Basic, form-encoded before base64', async () => {
    const world = ccWorld();
    const res = await postToken(
      world,
      { ...ccRequest, client_id: undefined },
      { Authorization: basicAuthorization(APP.daemon, SECRET.daemon) },
    );
    expect(res.status).toBe(200);
  });

  it('answers 9002313 when the Basic client id differs from the body client_id', async () => {
    const world = ccWorld();
    const res = await postToken(world, ccRequest, {
      Authorization: basicAuthorization(APP.todoApi, SECRET.todoApi),
    });
    await expectAadError(res, {
      status: 400,
      error: 'invalid_request',
      code: 9002313,
      descriptionContains: ['differs from the one in the Basic header'],
    });
    expectStoppedAt(world, 'client-secret-valid', 9002313);
  });

  it('does not accept another app’s secret', async () => {
    const world = ccWorld();
    const res = await postToken(world, { ...ccRequest, client_secret: SECRET.todoApi });
    await expectAadError(res, { status: 401, error: 'invalid_client', code: 7000215 });
  });

  it('answers 7000222 when the matching secret has expired', async () => {
    const world = ccWorld(['secret-expired']);
    const res = await postToken(world, { ...ccRequest, client_secret: SECRET.daemon });
    await expectAadError(res, {
      status: 401,
      error: 'invalid_client',
      code: 7000222,
      descriptionContains: [`The provided client secret keys for app '${APP.daemon}' are expired.`],
    });
    expectStoppedAt(world, 'client-secret-valid', 7000222);
  });

  it('answers 7000222 once the simulated clock passes the secret’s end date', async () => {
    const scenario = applyVariants(getScenario('cc-secret'), []);
    const daemon = scenario.directory.applications.find((a) => a.appId === APP.daemon);
    const credential = daemon?.passwordCredentials[0];
    if (!credential) throw new Error('The daemon has no secret.');
    credential.endDateTime = scenario.startTime + 60;
    const world = createWorld(scenario);
    expect((await postToken(world, { ...ccRequest, client_secret: SECRET.daemon })).status).toBe(
      200,
    );
    world.advance(120);
    const res = await postToken(world, { ...ccRequest, client_secret: SECRET.daemon });
    await expectAadError(res, { status: 401, error: 'invalid_client', code: 7000222 });
  });
});

describe('client-assertion-well-formed (AADSTS50027)', () => {
  it('refuses a client_assertion that is not a JWT', async () => {
    const world = ccWorld();
    const res = await postToken(world, {
      ...ccRequest,
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: 'not-a-jwt',
    });
    await expectAadError(res, {
      status: 400,
      error: 'invalid_request',
      code: 50027,
      descriptionContains: ['JWT token is invalid or malformed.', 'not a compact JWS'],
    });
    expect(expectStoppedAt(world, 'client-assertion-well-formed', 50027)).toEqual(
      checksBefore('client_credentials', 'client-assertion-well-formed'),
    );
  });

  it('refuses an assertion without a certificate thumbprint header', async () => {
    const world = ccWorld();
    const res = await postWithAssertion(world, { thumbprint: 'none' });
    await expectAadError(res, {
      status: 400,
      error: 'invalid_request',
      code: 50027,
      descriptionContains: ['no certificate thumbprint (x5t#S256 or x5t)'],
    });
    expectStoppedAt(world, 'client-assertion-well-formed', 50027);
  });

  it('refuses a wrong client_assertion_type', async () => {
    const world = ccWorld();
    const assertion = await signClientAssertion({
      key: 'daemon-app',
      clientId: APP.daemon,
      audience: tokenUrl(world),
      now: world.now(),
    });
    const res = await postToken(world, {
      ...ccRequest,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:saml2-bearer',
      client_assertion: assertion,
    });
    await expectAadError(res, {
      status: 400,
      error: 'invalid_request',
      code: 50027,
      descriptionContains: ['client_assertion_type must be'],
    });
  });
});

describe('client-assertion-key-registered (AADSTS700027)', () => {
  it("refuses an assertion signed with the 'unregistered' certificate, echoing its thumbprint", async () => {
    const world = ccWorld();
    const unregistered = await getFixtureKey('unregistered');
    const res = await postWithAssertion(world, { key: 'unregistered' });
    await expectAadError(res, {
      status: 401,
      error: 'invalid_client',
      code: 700027,
      descriptionContains: [
        'Client assertion failed signature validation.',
        'Reason - Key was not found.',
        `Thumbprint of key used by client: '${unregistered.thumbprints.x5tS256}'`,
        `app Id '${APP.daemon}'`,
      ],
    });
    expectStoppedAt(world, 'client-assertion-key-registered', 700027);
  });
});

describe('client-assertion-signature (AADSTS700027, AADSTS700024)', () => {
  it('refuses a tampered signature', async () => {
    const world = ccWorld();
    const assertion = await signClientAssertion({
      key: 'daemon-app',
      clientId: APP.daemon,
      audience: tokenUrl(world),
      now: world.now(),
    });
    const [header, payload, signature = ''] = assertion.split('.');
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    const res = await postToken(world, {
      ...ccRequest,
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: `${header}.${payload}.${flipped}`,
    });
    await expectAadError(res, {
      status: 401,
      error: 'invalid_client',
      code: 700027,
      descriptionContains: ['Reason - Signature is invalid.'],
    });
    expectStoppedAt(world, 'client-assertion-signature', 700027);
  });

  it('refuses tampered claims under a genuine signature', async () => {
    const world = ccWorld();
    const genuine = await signClientAssertion({
      key: 'daemon-app',
      clientId: APP.daemon,
      audience: tokenUrl(world),
      now: world.now(),
    });
    const other = await signClientAssertion({
      key: 'daemon-app',
      clientId: APP.daemon,
      audience: tokenUrl(world),
      now: world.now(),
      lifetime: 86400,
    });
    const [header, , signature] = genuine.split('.');
    const [, payload] = other.split('.');
    const res = await postToken(world, {
      ...ccRequest,
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: `${header}.${payload}.${signature}`,
    });
    await expectAadError(res, { status: 401, error: 'invalid_client', code: 700027 });
  });

  it('refuses an assertion claiming the registered thumbprint but signed with another key', async () => {
    const world = ccWorld();
    const res = await postWithAssertion(world, { key: 'unregistered', thumbprintOf: 'daemon-app' });
    await expectAadError(res, {
      status: 401,
      error: 'invalid_client',
      code: 700027,
      descriptionContains: ['Reason - Signature is invalid.'],
    });
    expectStoppedAt(world, 'client-assertion-signature', 700027);
  });

  it('answers 700024 for an expired assertion, printing now, nbf and exp', async () => {
    const world = ccWorld();
    const nbf = world.now() - 3600;
    const res = await postWithAssertion(world, { now: nbf, lifetime: 600 });
    await expectAadError(res, {
      status: 401,
      error: 'invalid_client',
      code: 700024,
      descriptionContains: [
        'Client assertion is not within its valid time range.',
        `Current time: ${formatAadTimestamp(world.now())}`,
        `assertion valid from ${formatAadTimestamp(nbf)}`,
        `expiry time of assertion ${formatAadTimestamp(nbf + 600)}`,
      ],
    });
    expectStoppedAt(world, 'client-assertion-signature', 700024);
  });

  it('answers 700024 for an assertion not yet valid beyond the 5-minute leeway', async () => {
    const world = ccWorld();
    const res = await postWithAssertion(world, { now: world.now() + 3600 });
    await expectAadError(res, { status: 401, error: 'invalid_client', code: 700024 });
  });

  it('tolerates up to 5 minutes of clock skew', async () => {
    const world = ccWorld();
    const res = await postWithAssertion(world, { now: world.now() + 240 });
    expect(res.status).toBe(200);
  });

  it('accepts legacy RS256 with a SHA-1 x5t thumbprint', async () => {
    const world = ccWorld();
    const res = await postWithAssertion(world, { alg: 'RS256' });
    expect(res.status).toBe(200);
  });
});

describe('client-assertion-audience (AADSTS700023)', () => {
  it('refuses an assertion whose aud is not the token endpoint called, echoing the aud', async () => {
    const world = ccWorld();
    const wrong = `https://login.microsoftonline.com/${world.runtime.scenario.tenantId}/v2.0`;
    const res = await postWithAssertion(world, { audience: wrong });
    await expectAadError(res, {
      status: 401,
      error: 'invalid_client',
      code: 700023,
      descriptionContains: [
        'Client assertion audience claim does not match Realm issuer.',
        `Audience found: '"${wrong}"'`,
      ],
    });
    expectStoppedAt(world, 'client-assertion-audience', 700023);
  });

  it('refuses a v2 endpoint aud sent to the v1 endpoint', async () => {
    const world = ccWorld();
    const assertion = await signClientAssertion({
      key: 'daemon-app',
      clientId: APP.daemon,
      audience: tokenUrl(world, 'v2'),
      now: world.now(),
    });
    const res = await postToken(
      world,
      {
        grant_type: 'client_credentials',
        client_id: APP.daemon,
        resource: 'api://orders',
        client_assertion_type: ASSERTION_TYPE,
        client_assertion: assertion,
      },
      {},
      { endpoint: 'v1' },
    );
    await expectAadError(res, { status: 401, error: 'invalid_client', code: 700023 });
  });

  it('refuses an aud array even if it contains the endpoint', async () => {
    const world = ccWorld();
    const res = await postWithAssertion(world, {
      payload: { aud: [tokenUrl(world), 'https://example.com'] },
    });
    await expectAadError(res, { status: 401, error: 'invalid_client', code: 700023 });
  });
});

describe('client-assertion-subject (AADSTS50048)', () => {
  it('refuses an assertion whose sub differs from iss', async () => {
    const world = ccWorld();
    const res = await postWithAssertion(world, { payload: { sub: APP.todoApi } });
    await expectAadError(res, {
      status: 401,
      error: 'invalid_client',
      code: 50048,
      descriptionContains: [`Subject: ${APP.todoApi}, Issuer: ${APP.daemon}`],
    });
    expect(expectStoppedAt(world, 'client-assertion-subject', 50048)).toEqual(
      checksBefore('client_credentials', 'client-assertion-subject'),
    );
  });

  it('refuses an assertion whose iss and sub are not the client_id', async () => {
    const world = ccWorld();
    const res = await postWithAssertion(world, {
      payload: { iss: APP.todoApi, sub: APP.todoApi },
    });
    await expectAadError(res, { status: 401, error: 'invalid_client', code: 50048 });
  });
});

describe('certificate credential success', () => {
  it('accepts a PS256 assertion with x5t#S256 on v2 and on v1', async () => {
    const world = ccWorld();
    expect((await postWithAssertion(world)).status).toBe(200);
    expect((await postWithAssertion(world, {}, 'v1')).status).toBe(200);
  });
});
