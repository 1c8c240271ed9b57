// The editor's edits: chains built from forms run (multi-hop OBO), and removals leave a valid world.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/index';
import { SCENARIOS } from '../../scenarios/index';
import { addParty, connectClient, connectObo, newSecret, removeParty, setIn } from './edit';
import { resolveWorld, worldFromScenario, type World } from './schema';

function world(id: string): World {
  const scenario = SCENARIOS.find((s) => s.id === id);
  if (!scenario) throw new Error(`No scenario ${id}`);
  return worldFromScenario(scenario);
}

async function run(value: World) {
  const resolved = resolveWorld(JSON.parse(JSON.stringify(value)), SCENARIOS);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  return runScenario(resolved.scenario, { decisions: 'script' });
}

describe('editor edits', () => {
  it('setIn copies along the path and removes keys with undefined', () => {
    const base = { a: { b: [1, 2] }, c: 1 };
    const next = setIn(base, ['a', 'b', 1], 3);
    expect(next).toEqual({ a: { b: [1, 3] }, c: 1 });
    expect(base.a.b[1]).toBe(2);
    expect(setIn(base, ['c'], undefined)).toEqual({ a: { b: [1, 2] } });
  });

  it('extends the OBO chain by one hop: API A -> API B -> API C', async () => {
    let next = addParty(world('obo-secret'), 'api', 'Ledger API (API C)');
    const added = next.parties.at(-1);
    expect(added?.kind).toBe('api');
    next = connectObo(next, 'api-b', added?.id ?? '');
    const result = await run(next);
    expect(result.result.ok).toBe(true);
    const route = result.steps.filter((s) => s.kind === 'request').map((s) => `${s.from}>${s.to}`);
    expect(route).toContain('api-b>authority');
    expect(route).toContain(`api-b>${added?.id ?? ''}`);
  });

  it('adds a SAML service the middle tier calls with a SAML assertion On-Behalf-Of', async () => {
    let next = addParty(world('obo-secret'), 'saml-service', 'Payroll (SAML)');
    const saml = next.parties.at(-1);
    expect(saml?.kind).toBe('saml-service');
    next = connectObo(next, 'api-a', saml?.id ?? '');
    const result = await run(next);
    expect(result.result.ok).toBe(true);
    const exchange = result.steps.find(
      (s) =>
        s.kind === 'request' &&
        s.from === 'api-a' &&
        s.to === 'authority' &&
        s.request.method === 'POST',
    );
    expect(exchange?.request.body).toContain(
      'requested_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Asaml2',
    );
    expect(result.steps.some((s) => s.kind === 'request' && s.to === saml?.id)).toBe(true);
  });

  it('adds a daemon that calls a new API with client credentials', async () => {
    let next = addParty(world('obo-secret'), 'api', 'Stock API');
    const api = next.parties.at(-1)?.id ?? '';
    next = addParty(next, 'daemon', 'Night job');
    const daemon = next.parties.at(-1)?.id ?? '';
    next = { ...connectClient(next, daemon, api, 'client_credentials'), starter: daemon };
    const result = await run(next);
    expect(result.result.ok).toBe(true);
    expect(result.steps.some((s) => s.from === daemon && s.to === 'authority')).toBe(true);
  });

  it('connects a signed-in client with a delegated token', async () => {
    let next = addParty(world('cc-secret'), 'api', 'Notes API');
    const api = next.parties.at(-1)?.id ?? '';
    next = addParty(next, 'spa', 'Notes app');
    const spa = next.parties.at(-1)?.id ?? '';
    next = { ...connectClient(next, spa, api, 'delegated'), starter: spa };
    expect((await run(next)).result.ok).toBe(true);
  });

  it('removes a party and every call to it', async () => {
    const next = removeParty(world('obo-secret'), 'api-b');
    const apiA = next.parties.find((p) => p.id === 'api-a');
    expect(apiA?.kind).toBe('api');
    expect(apiA && 'obo' in apiA ? apiA.obo : undefined).toBeUndefined();
    expect((await run(next)).result.ok).toBe(true);
  });

  it('makes fresh secrets', () => {
    const a = newSecret(1000);
    const b = newSecret(1000);
    expect(a.secretText).not.toBe(b.secretText);
    expect(a.secretText).toMatch(/^Sim~[A-Za-z0-9_-]{40}$/);
    expect(a.endDateTime - a.startDateTime).toBe(180 * 86_400);
  });
});
