// Spec tests: an API refuses authentic tokens that never expire or claim to be issued in the future (issue 6).
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../../scenarios/index';
import { APP, USER } from '../../../scenarios/contoso';
import { decodeJwtParts, signJwt } from '../../crypto';
import { createWorld } from '../../index';
import type { World } from '../../index';
import { AUTHORITY_ORIGIN } from '../authority/keys';

const REPORTS = 'https://reports-api.contoso.example/me/reports/summary';

/** A token signed with the authority's real key for the Reports API, with `claims` over the defaults. */
async function authenticToken(
  world: World,
  claims: Record<string, unknown>,
  drop: string[] = [],
): Promise<string> {
  const kid = decodeJwtParts((await world.startingTokens()).tokenA ?? '')?.header.kid;
  const now = world.now();
  const payload: Record<string, unknown> = {
    aud: APP.reportsApi,
    iss: `${AUTHORITY_ORIGIN}/${world.runtime.scenario.tenantId}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    azp: APP.todoApi,
    oid: USER.ada,
    scp: 'Reports.Read',
    tid: world.runtime.scenario.tenantId,
    ver: '2.0',
    ...claims,
  };
  const kept = Object.fromEntries(Object.entries(payload).filter(([name]) => !drop.includes(name)));
  return signJwt('authority', 'RS256', { kid }, kept);
}

async function call(world: World, token: string) {
  const response = await world.fetch(
    new Request(REPORTS, { headers: { Authorization: `Bearer ${token}` } }),
  );
  return {
    status: response.status,
    challenge: response.headers.get('www-authenticate') ?? '',
    body: (await response.json()) as Record<string, string>,
  };
}

describe('bearer validation: exp is required, iat may not be in the future', () => {
  it('an authentic token without exp is 401 invalid_token naming exp', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const r = await call(world, await authenticToken(world, {}, ['exp']));
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('invalid_token');
    expect(r.body.error_description).toMatch(/\bexp\b/);
    expect(r.challenge).toContain('error="invalid_token"');
    expect(r.challenge).toMatch(/error_description="[^"]*\bexp\b/);
  });

  it('a non-numeric exp is 401 invalid_token', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const r = await call(world, await authenticToken(world, { exp: 'never' }));
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('invalid_token');
  });

  it('an iat beyond the clock-skew allowance in the future is 401 invalid_token naming iat', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const now = world.now();
    const r = await call(
      world,
      await authenticToken(world, { iat: now + 3600, exp: now + 7200 }, ['nbf']),
    );
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('invalid_token');
    expect(r.body.error_description).toMatch(/\biat\b/);
  });

  it('an iat slightly ahead, inside the allowance, and a normal token are accepted', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const now = world.now();
    expect(
      (await call(world, await authenticToken(world, { iat: now + 60 }, ['nbf']))).status,
    ).toBe(200);
    expect((await call(world, await authenticToken(world, {}))).status).toBe(200);
  });
});
