// Which error wins: a token request that breaks two rules gets the error of the earlier check of the table.
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../simulation/world';
import type { World } from '../../../simulation/world';
import { getScenario } from '../../../../scenarios/index';
import { APP, SECRET } from '../../../../scenarios/contoso';
import type { CheckName } from './check';
import { tokenCheckOrder } from '../token-endpoint';
import type { TokenGrantType } from '../token-endpoint';
import {
  checksBefore,
  expectStoppedAt,
  JWT_BEARER_GRANT,
  postToken,
} from '../authority.test-helpers';

/** One broken rule: parameters to override, a tenant segment or what-ifs of the scenario. */
interface Break {
  check: CheckName;
  code: number;
  params?: Record<string, string | undefined>;
  tenant?: string;
  variants?: string[];
}

interface TwoBreaks {
  name: string;
  scenario: 'cc-secret' | 'obo-secret';
  grant: TokenGrantType;
  /** Breaks the rule the table checks first: its error must win. */
  earlier: Break;
  /** Breaks a rule checked later: alone, it fails at its own check. */
  later: Break;
}

const cc = {
  grant_type: 'client_credentials',
  client_id: APP.daemon,
  client_secret: SECRET.daemon,
  scope: 'api://orders/.default',
};

async function obo(world: World): Promise<Record<string, string | undefined>> {
  const { tokenA } = await world.startingTokens();
  return {
    grant_type: JWT_BEARER_GRANT,
    client_id: APP.todoApi,
    client_secret: SECRET.todoApi,
    assertion: tokenA,
    requested_token_use: 'on_behalf_of',
    scope: 'api://reports-api/Reports.Read offline_access',
  };
}

const CASES: TwoBreaks[] = [
  {
    name: 'an unknown tenant and an unknown client: the tenant is checked first',
    scenario: 'cc-secret',
    grant: 'client_credentials',
    earlier: {
      check: 'tenant-exists',
      code: 90002,
      tenant: '0a0b0c0d-1111-4222-8333-444455556666',
    },
    later: {
      check: 'client-registered',
      code: 700016,
      params: { client_id: '11111111-2222-4333-8444-555555555555' },
    },
  },
  {
    name: 'an unsupported grant type without client_id: the grant type is checked first',
    scenario: 'cc-secret',
    grant: 'client_credentials',
    earlier: { check: 'grant-type-supported', code: 70003, params: { grant_type: 'password' } },
    later: { check: 'client-id-present', code: 900144, params: { client_id: undefined } },
  },
  {
    name: 'no client credential and no scope: the client authenticates before the target is read',
    scenario: 'cc-secret',
    grant: 'client_credentials',
    earlier: {
      check: 'client-credential-present',
      code: 7000218,
      params: { client_secret: undefined },
    },
    later: { check: 'target-parameter-present', code: 900144, params: { scope: undefined } },
  },
  {
    name: 'a wrong secret and a scope without /.default: the secret is checked first',
    scenario: 'cc-secret',
    grant: 'client_credentials',
    earlier: {
      check: 'client-secret-valid',
      code: 7000215,
      params: { client_secret: 'k-daemon-1' },
    },
    later: {
      check: 'scope-is-default',
      code: 1002012,
      params: { scope: 'api://orders/Orders.Read' },
    },
  },
  {
    name: 'OBO with a wrong secret and no requested_token_use: client authentication first',
    scenario: 'obo-secret',
    grant: JWT_BEARER_GRANT,
    earlier: { check: 'client-secret-valid', code: 7000215, params: { client_secret: 'nope' } },
    later: {
      check: 'requested-token-use',
      code: 900144,
      params: { requested_token_use: undefined },
    },
  },
  {
    name: 'OBO with an expired token A for a downstream API nobody consented to: the assertion first',
    scenario: 'obo-secret',
    grant: JWT_BEARER_GRANT,
    earlier: { check: 'assertion-not-expired', code: 500133, variants: ['token-expired'] },
    later: { check: 'delegated-consent', code: 65001, variants: ['consent-missing'] },
  },
  {
    name: 'OBO without consent from a user who needs MFA: consent is checked before Conditional Access',
    scenario: 'obo-secret',
    grant: JWT_BEARER_GRANT,
    earlier: { check: 'delegated-consent', code: 65001, variants: ['consent-missing'] },
    later: { check: 'conditional-access', code: 50076, variants: ['downstream-requires-mfa'] },
  },
];

/** Posts the scenario's valid request with `breaks` applied; returns the world to inspect. */
async function postBroken(c: TwoBreaks, breaks: Break[]): Promise<World> {
  const world = createWorld(getScenario(c.scenario), {
    seed: 3,
    variants: breaks.flatMap((b) => b.variants ?? []),
  });
  const base = c.scenario === 'cc-secret' ? cc : await obo(world);
  const params = Object.assign({}, base, ...breaks.map((b) => b.params ?? {})) as Record<
    string,
    string | undefined
  >;
  const tenant = breaks.find((b) => b.tenant)?.tenant;
  await postToken(world, params, {}, tenant ? { tenant } : {});
  return world;
}

describe('which error wins', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const order = tokenCheckOrder(c.grant);
    expect(order.indexOf(c.earlier.check)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(c.earlier.check)).toBeLessThan(order.indexOf(c.later.check));

    const alone = await postBroken(c, [c.later]);
    expectStoppedAt(alone, c.later.check, c.later.code);

    const both = await postBroken(c, [c.earlier, c.later]);
    expect(expectStoppedAt(both, c.earlier.check, c.earlier.code)).toEqual(
      checksBefore(c.grant, c.earlier.check),
    );
  });
});
