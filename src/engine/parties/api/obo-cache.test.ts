// Spec tests of the middle tier's OBO cache: keyed by the incoming token A, served until 5 minutes before exp.
import { describe, expect, it } from 'vitest';
import { OBO_SECRET } from '../../../scenarios/obo-secret';
import { OBO_CALLED_TWICE } from '../../../scenarios/obo-token-cache';
import { createClock } from '../../core/clock';
import { Network } from '../../core/network';
import { createRandom } from '../../core/random';
import { runScenario } from '../../index';
import type { OboCall } from '../../model/scenario';
import type { TraceEvent } from '../../model/trace';
import type { PartyEnv } from '../shared/env';
import { lookUpOboCache, oboCacheKey, storeOboToken } from './obo-cache';
import type { OboCache } from './obo-cache';

const OBO: OboCall = {
  id: 'obo',
  credential: { type: 'client_secret_post', secret: 's' },
  endpoint: 'v2',
  scope: 'api://reports-api/Reports.Read',
  downstream: 'api-b',
  path: '/',
  tokenCache: { refreshBeforeExpirySeconds: 300 },
};

function env(now: number): PartyEnv {
  const clock = createClock(now);
  return {
    network: new Network(clock),
    clock,
    random: createRandom(1),
    tenantId: 't',
    partyUrls: new Map(),
  };
}

describe('OBO cache', () => {
  it('keys by the hash of token A: another token A never finds this token B', async () => {
    const e = env(1000);
    const cache: OboCache = new Map();
    const keyA = await oboCacheKey('token-a-of-ada', OBO);
    const keyOther = await oboCacheKey('token-a-of-grace', OBO);
    expect(keyA).not.toBe(keyOther);
    expect(keyA).not.toContain('token-a-of-ada');
    storeOboToken(OBO, cache, keyA, { access_token: 'token-b', expires_in: 3600 }, e);
    expect(lookUpOboCache('api-a', OBO, cache, keyA, e)).toBe('token-b');
    expect(lookUpOboCache('api-a', OBO, cache, keyOther, e)).toBeUndefined();
  });

  it('serves until 5 minutes before exp, then misses (expired)', async () => {
    const cache: OboCache = new Map();
    const key = await oboCacheKey('token-a', OBO);
    storeOboToken(OBO, cache, key, { access_token: 'token-b', expires_in: '3600' }, env(0));
    expect(lookUpOboCache('api-a', OBO, cache, key, env(3299))).toBe('token-b');
    const late = env(3300);
    expect(lookUpOboCache('api-a', OBO, cache, key, late)).toBeUndefined();
  });

  it('without tokenCache, looks nothing up and records no event', async () => {
    const e = env(0);
    const { tokenCache: _off, ...noCache } = OBO;
    const cache: OboCache = new Map();
    const key = await oboCacheKey('token-a', noCache);
    storeOboToken(noCache, cache, key, { access_token: 'token-b', expires_in: 3600 }, e);
    expect(cache.size).toBe(0);
    expect(lookUpOboCache('api-a', noCache, cache, key, e)).toBeUndefined();
  });

  it('the OBO scenario what-if: a second call with the same token A makes no second OBO request', async () => {
    const variants = OBO_SECRET.variants.filter((v) => v.id !== OBO_CALLED_TWICE.id);
    const scenario = { ...OBO_SECRET, variants: [...variants, OBO_CALLED_TWICE] };
    const run = await runScenario(scenario, { variants: [OBO_CALLED_TWICE.id] });
    expect(run.result.ok).toBe(true);
    const oboRequests = run.steps.filter((s) => s.kind === 'request' && s.tag === 'obo');
    expect(oboRequests).toHaveLength(1);
    const downstream = run.steps.filter((s) => s.kind === 'request' && s.tag === 'obo:downstream');
    expect(downstream).toHaveLength(2);
    expect(downstream[0]?.request.headers.Authorization).toBe(
      downstream[1]?.request.headers.Authorization,
    );
    const outcomes = run.steps
      .flatMap((s) => s.events)
      .filter((e): e is Extract<TraceEvent, { type: 'token.cache' }> => e.type === 'token.cache')
      .map((e) => e.outcome);
    expect(outcomes).toEqual(['miss', 'hit']);
  });
});
