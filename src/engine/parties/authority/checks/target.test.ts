// Spec tests of the target checks: scope (v2) or resource (v1), one resource, registered, provisioned, assigned.
import { describe, expect, it } from 'vitest';
import { applyVariants } from '../../../simulation/variants';
import { createWorld } from '../../../simulation/world';
import type { World } from '../../../simulation/world';
import type { ScenarioDefinition } from '../../../model/scenario';
import { getScenario } from '../../../../scenarios/index';
import { APP, SECRET, SP, TENANT_ID } from '../../../../scenarios/contoso';
import {
  expectAadError,
  expectStoppedAt,
  checksBefore,
  JWT_BEARER_GRANT,
  jwtPayload,
  postToken,
} from '../authority.test-helpers';

const ccWorld = (scenario: ScenarioDefinition = getScenario('cc-secret')): World =>
  createWorld(scenario, { seed: 3 });

/** A deep copy of a scenario to change its directory. */
const cloneOf = (id: 'cc-secret' | 'obo-secret'): ScenarioDefinition =>
  applyVariants(getScenario(id), []);

const cc = (scope: string | undefined, extra: Record<string, string> = {}) => ({
  grant_type: 'client_credentials',
  client_id: APP.daemon,
  client_secret: SECRET.daemon,
  scope,
  ...extra,
});

describe('target-parameter-present (AADSTS900144, AADSTS901002)', () => {
  it('asks for scope on v2', async () => {
    const world = ccWorld();
    const res = await postToken(world, cc(undefined));
    await expectAadError(res, {
      status: 400,
      error: 'invalid_request',
      code: 900144,
      descriptionContains: ["The request body must contain the following parameter: 'scope'."],
    });
    expect(expectStoppedAt(world, 'target-parameter-present', 900144)).toEqual(
      checksBefore('client_credentials', 'target-parameter-present'),
    );
  });

  it('refuses the v1 resource parameter on v2 with 901002', async () => {
    const world = ccWorld();
    const res = await postToken(world, cc('api://orders/.default', { resource: 'api://orders' }));
    await expectAadError(res, {
      status: 400,
      error: 'invalid_request',
      code: 901002,
      descriptionContains: ["The 'resource' request parameter is not supported."],
    });
    expectStoppedAt(world, 'target-parameter-present', 901002);
  });

  it('asks for resource on v1', async () => {
    const world = ccWorld();
    const res = await postToken(world, cc(undefined), {}, { endpoint: 'v1' });
    await expectAadError(res, {
      status: 400,
      error: 'invalid_request',
      code: 900144,
      descriptionContains: ["'resource'"],
    });
  });
});

describe('scope-single-resource (AADSTS700022, AADSTS70011)', () => {
  it('refuses scopes of two resources with 700022', async () => {
    const world = ccWorld();
    const scope = 'api://orders/.default api://reports-api/.default';
    const res = await postToken(world, cc(scope));
    await expectAadError(res, {
      status: 400,
      error: 'invalid_scope',
      code: 700022,
      descriptionContains: ['contains more than one resource', `Scope ${scope} is not valid.`],
    });
    expectStoppedAt(world, 'scope-single-resource', 700022);
  });

  it('refuses a scope naming no resource (OIDC scopes only) with 70011', async () => {
    const world = ccWorld();
    const res = await postToken(world, cc('openid offline_access'));
    await expectAadError(res, {
      status: 400,
      error: 'invalid_scope',
      code: 70011,
      descriptionContains: ['The scope openid offline_access is not valid.'],
    });
    expectStoppedAt(world, 'scope-single-resource', 70011);
  });

  it('resolves the resource regardless of case and of a doubled slash before /.default', async () => {
    for (const scope of ['API://ORDERS/.default', 'api://orders//.default']) {
      const world = ccWorld();
      const res = await postToken(world, cc(scope));
      expect(res.status).toBe(200);
    }
  });
});

describe('scope-is-default (AADSTS1002012)', () => {
  it('refuses client credentials for a named permission instead of /.default', async () => {
    const world = ccWorld();
    const res = await postToken(world, cc('api://orders/Orders.Read'));
    await expectAadError(res, {
      status: 400,
      error: 'invalid_scope',
      code: 1002012,
      descriptionContains: [
        'The provided value for scope api://orders/Orders.Read is not valid.',
        'Client credential flows must have a scope value with /.default suffixed',
      ],
    });
    expect(expectStoppedAt(world, 'scope-is-default', 1002012)).toEqual(
      checksBefore('client_credentials', 'scope-is-default'),
    );
  });

  it('refuses /.default mixed with a named permission', async () => {
    const world = ccWorld();
    const res = await postToken(world, cc('api://orders/.default api://orders/Orders.Read'));
    await expectAadError(res, { status: 400, error: 'invalid_scope', code: 1002012 });
  });
});

describe('resource-registered (AADSTS70011 on v2, AADSTS500011 on v1)', () => {
  it('answers invalid_scope 70011 for an unknown resource on v2', async () => {
    const world = ccWorld();
    const res = await postToken(world, cc('api://unknown-api/.default'));
    await expectAadError(res, {
      status: 400,
      error: 'invalid_scope',
      code: 70011,
      descriptionContains: ['The scope api://unknown-api/.default is not valid.'],
    });
    expectStoppedAt(world, 'resource-registered', 70011);
  });

  it('answers invalid_resource 500011 for an unknown resource on v1', async () => {
    const world = ccWorld();
    const res = await postToken(
      world,
      cc(undefined, { resource: 'api://unknown-api' }),
      {},
      { endpoint: 'v1' },
    );
    await expectAadError(res, {
      status: 400,
      error: 'invalid_resource',
      code: 500011,
      descriptionContains: [
        `The resource principal named api://unknown-api was not found in the tenant named ${TENANT_ID}.`,
      ],
    });
    expectStoppedAt(world, 'resource-registered', 500011);
  });
});

describe('not-token-for-itself (AADSTS90009)', () => {
  const selfRequest = (scope: string) => ({
    grant_type: 'client_credentials',
    client_id: APP.todoApi,
    client_secret: SECRET.todoApi,
    scope,
  });

  it('refuses an app naming itself by App ID URI', async () => {
    const world = ccWorld();
    const res = await postToken(world, selfRequest('api://todo-api/.default'));
    await expectAadError(res, {
      status: 400,
      error: 'invalid_request',
      code: 90009,
      descriptionContains: [
        `Application '${APP.todoApi}'(Todo API) is requesting a token for itself.`,
      ],
    });
    expectStoppedAt(world, 'not-token-for-itself', 90009);
  });

  it('issues a token when the app names itself by its GUID', async () => {
    const world = ccWorld();
    const res = await postToken(world, selfRequest(`${APP.todoApi}/.default`));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string };
    expect(jwtPayload(body.access_token).aud).toBe(APP.todoApi);
  });
});

describe('resource-provisioned (AADSTS500011)', () => {
  it('answers invalid_resource when the API has no service principal in the tenant', async () => {
    const scenario = cloneOf('cc-secret');
    scenario.directory.servicePrincipals = scenario.directory.servicePrincipals.filter(
      (sp) => sp.appId !== APP.ordersApi,
    );
    const world = ccWorld(scenario);
    const res = await postToken(world, cc('api://orders/.default'));
    await expectAadError(res, {
      status: 400,
      error: 'invalid_resource',
      code: 500011,
      descriptionContains: ['The resource principal named api://orders was not found'],
    });
    expect(expectStoppedAt(world, 'resource-provisioned', 500011)).toEqual(
      checksBefore('client_credentials', 'resource-provisioned'),
    );
  });
});

describe('app-role-assignment (AADSTS50105)', () => {
  const requireAssignment = (scenario: ScenarioDefinition) => {
    const orders = scenario.directory.servicePrincipals.find((sp) => sp.appId === APP.ordersApi);
    if (!orders) throw new Error('No Orders API service principal.');
    orders.appRoleAssignmentRequired = true;
    return scenario;
  };

  it('refuses a client without an app role on an API that requires assignment', async () => {
    const scenario = requireAssignment(cloneOf('cc-secret'));
    scenario.directory.appRoleAssignments = scenario.directory.appRoleAssignments.filter(
      (a) => a.principalId !== SP.daemon,
    );
    const world = ccWorld(scenario);
    const res = await postToken(world, cc('api://orders/.default'));
    await expectAadError(res, {
      status: 400,
      error: 'invalid_grant',
      code: 50105,
      descriptionContains: [
        `application Orders API ('${APP.ordersApi}')`,
        "'Inventory Sync (daemon)' is blocked",
      ],
    });
    expectStoppedAt(world, 'app-role-assignment', 50105);
  });

  it('issues the token when the client holds a role', async () => {
    const world = ccWorld(requireAssignment(cloneOf('cc-secret')));
    const res = await postToken(world, cc('api://orders/.default'));
    expect(res.status).toBe(200);
  });

  it('issues a token without roles when assignment is not required and nothing is granted', async () => {
    const world = createWorld(getScenario('cc-secret'), { variants: ['no-app-role'] });
    const res = await postToken(world, cc('api://orders/.default'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string };
    expect(jwtPayload(body.access_token)).not.toHaveProperty('roles');
  });
});

describe('scopes-exposed (AADSTS70011 in OBO)', () => {
  const obo = async (world: World, scope: string) => {
    const { tokenA } = await world.startingTokens();
    return postToken(world, {
      grant_type: JWT_BEARER_GRANT,
      client_id: APP.todoApi,
      client_secret: SECRET.todoApi,
      assertion: tokenA,
      requested_token_use: 'on_behalf_of',
      scope,
    });
  };

  it('refuses a permission the downstream API does not expose', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const res = await obo(world, 'api://reports-api/Reports.Write offline_access');
    await expectAadError(res, {
      status: 400,
      error: 'invalid_scope',
      code: 70011,
      descriptionContains: ['The scope api://reports-api/Reports.Write is not valid.'],
    });
    expectStoppedAt(world, 'scopes-exposed', 70011);
  });

  it('refuses /.default mixed with a named permission', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const res = await obo(world, 'api://reports-api/.default api://reports-api/Reports.Read');
    await expectAadError(res, { status: 400, error: 'invalid_scope', code: 70011 });
    expectStoppedAt(world, 'scopes-exposed', 70011);
  });

  it('refuses an OBO request naming only OIDC scopes', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const res = await obo(world, 'offline_access');
    await expectAadError(res, { status: 400, error: 'invalid_scope', code: 70011 });
    expectStoppedAt(world, 'scope-single-resource', 70011);
  });
});
