// The generated scale world: multi-hop On-Behalf-Of works, and 40 parties validate and run.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/index';
import { SCENARIOS } from '../../scenarios/index';
import { fanOutScenario, fanOutWorld } from '../../scenarios/generated/fan-out';
import { resolveWorld } from './schema';

/** The claims of a compact JWT (test-only decoding of the payload). */
function claimsOf(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;
}

describe('fan-out world', () => {
  it('runs a three-hop On-Behalf-Of chain: API A -> API B -> API C', async () => {
    const run = await runScenario(fanOutScenario(5), { decisions: 'script' });
    expect(run.result.ok).toBe(true);
    const route = run.steps.filter((s) => s.kind === 'request').map((s) => `${s.from}>${s.to}`);
    expect(route).toEqual(
      expect.arrayContaining([
        'client>api-1-1',
        'api-1-1>authority',
        'api-1-1>api-1-2',
        'api-1-2>authority',
        'api-1-2>api-1-3',
      ]),
    );
    // The token API C receives: the same user, for API C, requested by API B.
    const last = run.steps.filter((s) => s.kind === 'request' && s.to === 'api-1-3').at(-1);
    const bearer = String(last?.request.headers.Authorization ?? '').replace('Bearer ', '');
    const claims = claimsOf(bearer);
    const world = fanOutWorld(5);
    const appC = world.parties.find((p) => p.id === 'api-1-3');
    const appB = world.parties.find((p) => p.id === 'api-1-2');
    expect(claims.aud).toBe(appC && 'appId' in appC ? appC.appId : '?');
    expect(claims.azp).toBe(appB && 'appId' in appB ? appB.appId : '?');
    expect(claims.scp).toBe('Data.Read');
  });

  it('breaks the chain where a grant is missing (AADSTS65001 at the second hop)', async () => {
    const scenario = fanOutScenario(5);
    scenario.directory.oauth2PermissionGrants = scenario.directory.oauth2PermissionGrants.filter(
      (g) => g.id !== 'grant-api-1-3',
    );
    const run = await runScenario(scenario, { decisions: 'script' });
    expect(run.result.ok).toBe(false);
    expect(run.steps.some((s) => s.error?.code === 65001)).toBe(true);
  });

  it('has 40 parties that validate as a world and all succeed', async () => {
    const resolved = resolveWorld(JSON.parse(JSON.stringify(fanOutWorld(40))), SCENARIOS);
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues.slice(0, 3)));
    expect(resolved.world.parties).toHaveLength(40);
    const run = await runScenario(resolved.scenario, { decisions: 'script' });
    expect(run.result.ok).toBe(true);
    expect(new Set(run.steps.flatMap((s) => [s.from, s.to])).size).toBe(40);
  }, 60_000);
});
