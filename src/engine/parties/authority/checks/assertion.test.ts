// Spec tests of the On-Behalf-Of checks: the user assertion, consent and Conditional Access.
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../simulation/world';
import type { World } from '../../../simulation/world';
import { formatAadTimestamp } from '../../../core/clock';
import { decodeJwtParts, signJwt } from '../../../crypto';
import {
  findApplicationByResource,
  findServicePrincipal,
  findUser,
} from '../../../directory/directory';
import { getScenario } from '../../../../scenarios/index';
import { APP, SECRET, TENANT_ID, USER } from '../../../../scenarios/contoso';
import { mintAccessToken } from '../tokens';
import {
  expectAadError,
  expectStoppedAt,
  checksBefore,
  JWT_BEARER_GRANT,
  postToken,
} from '../authority.test-helpers';

const oboWorld = (variants: string[] = []): World =>
  createWorld(getScenario('obo-secret'), { seed: 5, variants });

/** API A's OBO request for Reports.Read with `assertion`; `extra` overrides parameters. */
const oboRequest = (
  assertion: string | undefined,
  extra: Record<string, string | undefined> = {},
) => ({
  grant_type: JWT_BEARER_GRANT,
  client_id: APP.todoApi,
  client_secret: SECRET.todoApi,
  assertion,
  requested_token_use: 'on_behalf_of',
  scope: 'api://reports-api/Reports.Read offline_access',
  ...extra,
});

async function tokenA(world: World): Promise<string> {
  const { tokenA: token } = await world.startingTokens();
  if (!token) throw new Error('The scenario has no token A.');
  return token;
}

/** Mints a delegated token for Ada to `resource` from the SPA with the world's authority. */
async function mintForAda(
  world: World,
  options: { resource?: string; scopes?: string[]; amr?: string[]; roles?: string[] } = {},
): Promise<string> {
  const directory = world.runtime.scenario.directory;
  const resource = options.resource ?? 'api://todo-api';
  const resourceApp = findApplicationByResource(directory, resource);
  const client = directory.applications.find((a) => a.appId === APP.spa);
  const clientSp = findServicePrincipal(directory, TENANT_ID, APP.spa);
  const user = findUser(directory, USER.ada);
  if (!resourceApp || !client || !clientSp || !user) throw new Error('Directory incomplete.');
  const minted = await mintAccessToken(world.runtime.authorityEnv, {
    tenantId: TENANT_ID,
    resourceApp,
    resourceIdentifier: resource,
    client,
    clientSp,
    clientAuth: '0',
    user,
    scopes: options.scopes ?? ['Todo.Read'],
    amr: options.amr ?? ['pwd'],
    ...(options.roles ? { roles: options.roles } : {}),
  });
  return minted.token;
}

describe('requested-token-use (AADSTS900144, AADSTS9002313)', () => {
  it('asks for requested_token_use when it is missing', async () => {
    const world = oboWorld();
    const res = await postToken(
      world,
      oboRequest(await tokenA(world), { requested_token_use: undefined }),
    );
    await expectAadError(res, {
      status: 400,
      error: 'invalid_request',
      code: 900144,
      descriptionContains: ["'requested_token_use'"],
    });
    expect(expectStoppedAt(world, 'requested-token-use', 900144)).toEqual(
      checksBefore(JWT_BEARER_GRANT, 'requested-token-use'),
    );
  });

  it('refuses a requested_token_use other than on_behalf_of', async () => {
    const world = oboWorld();
    const res = await postToken(
      world,
      oboRequest(await tokenA(world), { requested_token_use: 'require' }),
    );
    await expectAadError(res, { status: 400, error: 'invalid_request', code: 9002313 });
    expectStoppedAt(world, 'requested-token-use', 9002313);
  });
});

describe('assertion-present (AADSTS900144)', () => {
  it('asks for the assertion when it is missing', async () => {
    const world = oboWorld();
    const res = await postToken(world, oboRequest(undefined));
    await expectAadError(res, {
      status: 400,
      error: 'invalid_request',
      code: 900144,
      descriptionContains: ["The request body must contain the following parameter: 'assertion'."],
    });
    expectStoppedAt(world, 'assertion-present', 900144);
  });
});

describe('assertion-well-formed (AADSTS50027)', () => {
  it('refuses an assertion that is not a JWT', async () => {
    const world = oboWorld();
    const res = await postToken(world, oboRequest('opaque-refresh-token-looking-thing'));
    await expectAadError(res, {
      status: 400,
      error: 'invalid_request',
      code: 50027,
      descriptionContains: ['The assertion is not a JWT.'],
    });
    expectStoppedAt(world, 'assertion-well-formed', 50027);
  });
});

describe('assertion-not-id-token (AADSTS240002)', () => {
  it('refuses an ID-token-like JWT (no scp, no roles, no idtyp)', async () => {
    const world = oboWorld();
    const a = decodeJwtParts(await tokenA(world));
    if (!a) throw new Error('token A does not decode');
    const idTokenLike = await signJwt('authority', 'RS256', a.header, {
      aud: APP.todoApi,
      iss: a.payload.iss,
      iat: a.payload.iat,
      nbf: a.payload.nbf,
      exp: a.payload.exp,
      name: 'Ada Lovelace',
      nonce: 'n-0S6_WzA2Mj',
      oid: USER.ada,
      preferred_username: 'ada@contoso.onmicrosoft.com',
      sub: 'some-pairwise-sub',
      tid: TENANT_ID,
      ver: '2.0',
    });
    const res = await postToken(world, oboRequest(idTokenLike));
    await expectAadError(res, {
      status: 400,
      error: 'invalid_grant',
      code: 240002,
      descriptionContains: [
        "Input id_token cannot be used as 'urn:ietf:params:oauth:grant-type:jwt-bearer' grant.",
      ],
    });
    expect(expectStoppedAt(world, 'assertion-not-id-token', 240002)).toEqual(
      checksBefore(JWT_BEARER_GRANT, 'assertion-not-id-token'),
    );
  });
});

describe('assertion-signature (AADSTS50013)', () => {
  it("refuses token A re-signed by the 'rogue-authority' key under its own kid", async () => {
    const world = oboWorld();
    const a = decodeJwtParts(await tokenA(world));
    if (!a) throw new Error('token A does not decode');
    const forged = await signJwt('rogue-authority', 'RS256', { kid: 'rogue-key' }, a.payload);
    const res = await postToken(world, oboRequest(forged));
    await expectAadError(res, {
      status: 400,
      error: 'invalid_grant',
      code: 50013,
      descriptionContains: ['Assertion failed signature validation. [Reason - '],
    });
    expectStoppedAt(world, 'assertion-signature', 50013);
  });

  it("refuses a rogue signature that claims the authority's kid", async () => {
    const world = oboWorld();
    const a = decodeJwtParts(await tokenA(world));
    if (!a) throw new Error('token A does not decode');
    const forged = await signJwt('rogue-authority', 'RS256', a.header, a.payload);
    const res = await postToken(world, oboRequest(forged));
    await expectAadError(res, { status: 400, error: 'invalid_grant', code: 50013 });
    expectStoppedAt(world, 'assertion-signature', 50013);
  });

  it("refuses a token signed by the authority's key for another tenant's issuer", async () => {
    const world = oboWorld();
    const a = decodeJwtParts(await tokenA(world));
    if (!a) throw new Error('token A does not decode');
    const other = await signJwt('authority', 'RS256', a.header, {
      ...a.payload,
      iss: 'https://login.microsoftonline.com/0a0b0c0d-1111-4222-8333-444455556666/v2.0',
    });
    const res = await postToken(world, oboRequest(other));
    await expectAadError(res, { status: 400, error: 'invalid_grant', code: 50013 });
  });
});

describe('assertion-not-expired (AADSTS500133)', () => {
  it('refuses token A that expired two minutes ago (the API allowed skew; the token service does not)', async () => {
    const world = oboWorld(['token-expired']);
    const assertion = await tokenA(world);
    const exp = Number(decodeJwtParts(assertion)?.payload.exp);
    const res = await postToken(world, oboRequest(assertion));
    await expectAadError(res, {
      status: 400,
      error: 'invalid_grant',
      code: 500133,
      descriptionContains: [
        'Assertion is not within its valid time range.',
        `expiry time of assertion ${formatAadTimestamp(exp)}`,
      ],
    });
    expectStoppedAt(world, 'assertion-not-expired', 500133);
  });

  it('refuses token A once the simulated clock passes its exp', async () => {
    const world = oboWorld();
    const assertion = await tokenA(world);
    expect((await postToken(world, oboRequest(assertion))).status).toBe(200);
    const exp = Number(decodeJwtParts(assertion)?.payload.exp);
    world.advance(exp - world.now());
    const res = await postToken(world, oboRequest(assertion));
    await expectAadError(res, { status: 400, error: 'invalid_grant', code: 500133 });
  });
});

describe('assertion-audience (AADSTS500131)', () => {
  it('refuses a token issued for another API (Microsoft Graph), naming both audiences', async () => {
    const world = oboWorld(['token-for-graph']);
    const res = await postToken(world, oboRequest(await tokenA(world)));
    await expectAadError(res, {
      status: 400,
      error: 'invalid_grant',
      code: 500131,
      descriptionContains: [
        "The audience in the assertion was 'https://graph.microsoft.com'",
        `the expected audience is '${APP.todoApi}'`,
      ],
    });
    expectStoppedAt(world, 'assertion-audience', 500131);
  });

  it('refuses a token for the Reports API presented by API A', async () => {
    const world = oboWorld();
    const forReports = await mintForAda(world, {
      resource: 'api://reports-api',
      scopes: ['Reports.Read'],
    });
    const res = await postToken(world, oboRequest(forReports));
    await expectAadError(res, { status: 400, error: 'invalid_grant', code: 500131 });
  });

  it("accepts a v1 token whose aud is the middle tier's App ID URI", async () => {
    const scenario = structuredClone({ ...getScenario('obo-secret'), variants: [] });
    const todo = scenario.directory.applications.find((a) => a.appId === APP.todoApi);
    if (!todo) throw new Error('No Todo API.');
    todo.api.requestedAccessTokenVersion = null;
    const world = createWorld(scenario);
    const v1TokenA = await tokenA(world);
    expect(decodeJwtParts(v1TokenA)?.payload.aud).toBe('api://todo-api');
    const res = await postToken(world, oboRequest(v1TokenA));
    expect(res.status).toBe(200);
  });
});

describe('assertion-is-delegated (AADSTS7000114)', () => {
  it('refuses an app-only token: there is no user to act for', async () => {
    const world = oboWorld(['app-only-token']);
    const res = await postToken(world, oboRequest(await tokenA(world)));
    await expectAadError(res, {
      status: 400,
      error: 'unauthorized_client',
      code: 7000114,
      descriptionContains: [
        `Application '${APP.todoApi}' is not allowed to make application on-behalf-of calls.`,
      ],
    });
    expect(expectStoppedAt(world, 'assertion-is-delegated', 7000114)).toEqual(
      checksBefore(JWT_BEARER_GRANT, 'assertion-is-delegated'),
    );
  });
});

describe('delegated-consent (AADSTS65001)', () => {
  it('answers invalid_grant with suberror consent_required when nobody consented', async () => {
    const world = oboWorld(['consent-missing']);
    const res = await postToken(world, oboRequest(await tokenA(world)));
    await expectAadError(res, {
      status: 400,
      error: 'invalid_grant',
      code: 65001,
      suberror: 'consent_required',
      descriptionContains: [
        `The user or administrator has not consented to use the application with ID '${APP.todoApi}' named 'Todo API'.`,
      ],
    });
    expectStoppedAt(world, 'delegated-consent', 65001);
  });

  it('answers 65001 for /.default when nothing is granted', async () => {
    const world = oboWorld(['consent-missing']);
    const res = await postToken(
      world,
      oboRequest(await tokenA(world), { scope: 'api://reports-api/.default' }),
    );
    await expectAadError(res, {
      status: 400,
      error: 'invalid_grant',
      code: 65001,
      suberror: 'consent_required',
    });
  });
});

describe('conditional-access (AADSTS50076)', () => {
  const POLICY_ID = '8d3c1f2e-5b4a-4c6d-9e7f-0a1b2c3d4e5f';

  it('answers a claims challenge when the downstream API requires MFA and token A has amr [pwd]', async () => {
    const world = oboWorld(['downstream-requires-mfa']);
    const assertion = await tokenA(world);
    // Token A is v2.0, so amr is not in it; the authority remembers how the user signed in.
    expect(
      world.runtime.authorityEnv.issued.get(String(decodeJwtParts(assertion)?.payload.uti)),
    ).toMatchObject({ amr: ['pwd'] });
    const res = await postToken(world, oboRequest(assertion));
    const body = await expectAadError(res, {
      status: 400,
      error: 'invalid_grant',
      code: 50076,
      suberror: 'basic_action',
      claims: true,
      descriptionContains: [
        `you must use multi-factor authentication to access '${APP.reportsApi}'`,
      ],
    });
    expect(JSON.parse(body.claims ?? '')).toEqual({
      access_token: { capolids: { essential: true, values: [POLICY_ID] } },
    });
    expect(expectStoppedAt(world, 'conditional-access', 50076)).toEqual(
      checksBefore(JWT_BEARER_GRANT, 'conditional-access'),
    );
  });

  it('issues token B when the user signed in with MFA', async () => {
    const world = oboWorld(['downstream-requires-mfa']);
    const withMfa = await mintForAda(world, { amr: ['pwd', 'mfa'] });
    const res = await postToken(world, oboRequest(withMfa));
    expect(res.status).toBe(200);
  });

  it('does not challenge for an API the policy does not target', async () => {
    const world = oboWorld(['downstream-requires-mfa']);
    const res = await postToken(world, oboRequest(await tokenA(world), { scope: 'User.Read' }));
    // Graph is not targeted by the policy; API A simply has no consent for Graph.
    await expectAadError(res, {
      status: 400,
      error: 'invalid_grant',
      code: 65001,
      suberror: 'consent_required',
    });
  });
});

describe('conditional-access: MFA registration (AADSTS50079)', () => {
  const POLICY_ID = '8d3c1f2e-5b4a-4c6d-9e7f-0a1b2c3d4e5f';

  it("answers the OBO doc's enrolment error when the user has no MFA method registered", async () => {
    const world = oboWorld(['user-must-register-mfa']);
    expect(findUser(world.runtime.scenario.directory, USER.ada)?.isMfaRegistered).toBe(false);
    const res = await postToken(world, oboRequest(await tokenA(world)));
    const body = await expectAadError(res, {
      status: 400,
      error: 'interaction_required',
      code: 50079,
      claims: true,
      descriptionContains: [
        `you must enroll in multifactor authentication to access '${APP.reportsApi}'`,
      ],
    });
    // The documented body has no suberror, and its claims name the policy with polids.
    expect(body.suberror).toBeUndefined();
    expect(JSON.parse(body.claims ?? '')).toEqual({
      access_token: { polids: { essential: true, values: [POLICY_ID] } },
    });
    expectStoppedAt(world, 'conditional-access', 50079);
  });

  it('keeps the 50076 branch for a user who has MFA registered', async () => {
    const world = oboWorld(['downstream-requires-mfa']);
    expect(findUser(world.runtime.scenario.directory, USER.ada)?.isMfaRegistered).not.toBe(false);
    const res = await postToken(world, oboRequest(await tokenA(world)));
    await expectAadError(res, {
      status: 400,
      error: 'invalid_grant',
      code: 50076,
      suberror: 'basic_action',
      claims: true,
    });
  });
});
