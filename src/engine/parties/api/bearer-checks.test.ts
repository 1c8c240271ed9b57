// BEARER_CHECKS is the order an API validates in: one broken rule stops at its row, two at the earlier one, with jose's words.
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../../scenarios/index';
import { APP, USER } from '../../../scenarios/contoso';
import { decodeJwtParts, signJwt, verifyJwt } from '../../crypto';
import type { Jwks } from '../../crypto';
import { createWorld } from '../../index';
import type { World } from '../../index';
import type { ApiCheckName } from '../../model/checks';
import type { TraceEvent } from '../../model/trace';
import { AUTHORITY_ORIGIN, issuersFor } from '../authority/keys';
import { BEARER_CHECKS } from './bearer-checks';

const REPORTS = 'https://reports-api.contoso.example/me/reports/summary';
const names = BEARER_CHECKS.map((c) => c.name);
const before = (check: ApiCheckName) => names.slice(0, names.indexOf(check));

/** Claims that break one rule each (`drop` removes claims); `tamper` breaks the signature. */
interface Break {
  claims?: Record<string, unknown>;
  drop?: string[];
  tamper?: boolean;
}

const BREAKS = (now: number): Record<string, Break & { check: ApiCheckName; status: number }> => ({
  signature: { check: 'signature', status: 401, tamper: true },
  issuer: { check: 'issuer', status: 401, claims: { iss: 'https://sts.example/evil/' } },
  audience: { check: 'audience', status: 401, claims: { aud: 'api://someone-else' } },
  lifetime: { check: 'lifetime', status: 401, claims: { exp: now - 3600 } },
  scope: { check: 'scope-or-role', status: 403, claims: { scp: 'Something.Else' } },
});

/** A token signed with the authority's key for the Reports API (API B), with the breaks applied. */
async function token(world: World, breaks: Break[]): Promise<string> {
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
  };
  for (const b of breaks) Object.assign(payload, b.claims);
  const dropped = new Set(breaks.flatMap((b) => b.drop ?? []));
  const kept = Object.fromEntries(Object.entries(payload).filter(([name]) => !dropped.has(name)));
  const jwt = await signJwt('authority', 'RS256', { kid }, kept);
  if (!breaks.some((b) => b.tamper)) return jwt;
  const [header, body] = jwt.split('.');
  return `${header ?? ''}.${body ?? ''}.${'A'.repeat(342)}`;
}

async function call(world: World, bearer?: string) {
  const response = await world.fetch(
    new Request(REPORTS, bearer ? { headers: { Authorization: `Bearer ${bearer}` } } : {}),
  );
  const event = world
    .log()
    .flatMap((s) => s.events)
    .filter((e): e is Extract<TraceEvent, { type: 'api.checks' }> => e.type === 'api.checks')
    .at(-1);
  const body = (await response.json()) as Record<string, string>;
  return { status: response.status, description: body.error_description, event };
}

describe('BEARER_CHECKS is the order the API validates in', () => {
  it('names the rules in order, each with a rule text and a source', () => {
    expect(names).toEqual([
      'bearer-present',
      'signature',
      'issuer',
      'audience',
      'lifetime',
      'scope-or-role',
    ]);
    for (const check of BEARER_CHECKS) {
      expect(check.rule.length, check.name).toBeGreaterThan(20);
      expect(check.source.url, check.name).toMatch(/^https:\/\//);
    }
  });

  it('a valid token passes every row in order', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const r = await call(world, await token(world, []));
    expect(r.status).toBe(200);
    expect(r.event).toEqual({ type: 'api.checks', party: 'api-b', passed: names });
  });

  it('no bearer stops at bearer-present', async () => {
    const world = createWorld(getScenario('obo-secret'));
    const r = await call(world);
    expect(r.status).toBe(401);
    expect(r.event?.passed).toEqual([]);
    expect(r.event?.failed).toMatchObject({ check: 'bearer-present', reason: 'missing' });
  });

  it.each(['signature', 'issuer', 'audience', 'lifetime', 'scope'])(
    'one broken rule (%s) stops at its row, with its rule text',
    async (key) => {
      const world = createWorld(getScenario('obo-secret'));
      const broken = BREAKS(world.now())[key];
      if (!broken) throw new Error(key);
      const r = await call(world, await token(world, [broken]));
      expect(r.status).toBe(broken.status);
      expect(r.event?.passed).toEqual(before(broken.check));
      const row = BEARER_CHECKS.find((c) => c.name === broken.check);
      expect(r.event?.failed).toMatchObject({
        check: broken.check,
        rule: row?.rule,
        source: row?.source,
      });
    },
  );

  it.each([
    ['signature', 'issuer'],
    ['issuer', 'audience'],
    ['audience', 'lifetime'],
    ['lifetime', 'scope'],
    ['signature', 'scope'],
  ])('%s and %s broken together: the earlier row answers', async (first, second) => {
    const world = createWorld(getScenario('obo-secret'));
    const breaks = BREAKS(world.now());
    const earlier = breaks[first];
    const later = breaks[second];
    if (!earlier || !later) throw new Error('unknown break');
    const r = await call(world, await token(world, [later, earlier]));
    expect(r.event?.failed?.check).toBe(earlier.check);
    expect(r.status).toBe(earlier.status);
  });
});

describe('the split rules answer with the words of jose jwtVerify', () => {
  const cases: [string, Break][] = [
    ['tampered signature', { tamper: true }],
    ['wrong iss', { claims: { iss: 'https://sts.example/evil/' } }],
    ['no iss', { drop: ['iss'] }],
    ['wrong aud', { claims: { aud: 'api://someone-else' } }],
    ['aud array without this API', { claims: { aud: ['api://a', 'api://b'] } }],
    ['no aud', { drop: ['aud'] }],
    ['expired', { claims: { exp: 1 } }],
    ['nbf in the future', { claims: { nbf: 4_000_000_000 } }],
    ['iat not a number', { claims: { iat: 'now' } }],
    ['nbf not a number', { claims: { nbf: 'soon' } }],
    ['exp not a number', { claims: { exp: 'never' } }],
  ];

  it.each(cases)('%s', async (_, broken) => {
    const world = createWorld(getScenario('obo-secret'));
    const bearer = await token(world, [broken]);
    const r = await call(world, bearer);
    const jwks = (await (
      await world.fetch(
        new Request(`${AUTHORITY_ORIGIN}/${world.runtime.scenario.tenantId}/discovery/v2.0/keys`),
      )
    ).json()) as Jwks;
    const validation = world.runtime.scenario.parties.find((p) => p.id === 'api-b');
    if (validation?.kind !== 'api') throw new Error('api-b');
    const v = validation.validation;
    const jose = await verifyJwt(bearer, jwks, {
      now: world.now(),
      issuer: issuersFor(world.runtime.scenario.tenantId),
      ...(v.validateAudience ? { audience: v.audiences } : {}),
      clockToleranceSeconds: v.clockToleranceSeconds,
    });
    expect(jose.ok).toBe(false);
    if (jose.ok) return;
    expect(r.status).toBe(401);
    expect(r.description).toBe(jose.message);
    expect(r.event?.failed?.reason).toBe(jose.reason);
  });
});
