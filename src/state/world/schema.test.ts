// The world format: every built-in scenario round-trips to the same trace; random edits give a run or field errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRawRequest, formatRawResponse, runScenario } from '../../engine/index';
import type { ScenarioDefinition, SimulationRun } from '../../engine/index';
import { SCENARIOS } from '../../scenarios/index';
import {
  parseWorld,
  resolveWorld,
  scenarioFromWorld,
  worldFromScenario,
  worldJsonSchema,
  type World,
} from './schema';

const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** The wire messages of a run, PS256 signatures (randomised salt, RFC 8017) masked. */
function wire(run: SimulationRun): string[] {
  const mask = (text: string) =>
    text.replace(JWT, (jwt) =>
      atob((jwt.split('.')[0] ?? '').replace(/-/g, '+').replace(/_/g, '/')).includes('"PS256"')
        ? jwt.replace(/\.[^.]*$/, '.<sig>')
        : jwt,
    );
  return run.steps.map((s) =>
    mask(
      `${formatRawRequest(s.request)}\n${s.response ? formatRawResponse(s.response) : '(no response)'}`,
    ),
  );
}

function scenario(id: string): ScenarioDefinition {
  const found = SCENARIOS.find((s) => s.id === id);
  if (!found) throw new Error(`No scenario ${id}`);
  return found;
}

function roundTrip(world: World): World {
  const parsed = parseWorld(JSON.parse(JSON.stringify(world)));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return parsed.world;
}

describe('world format', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    '%s round-trips through JSON to the same trace',
    async (_id, scenario) => {
      const world = roundTrip(worldFromScenario(scenario));
      const rebuilt = scenarioFromWorld(world, SCENARIOS);
      expect(rebuilt.variants.map((v) => v.id)).toEqual(scenario.variants.map((v) => v.id));
      const [a, b] = await Promise.all([
        runScenario(scenario, { decisions: 'script' }),
        runScenario(rebuilt, { decisions: 'script' }),
      ]);
      expect(wire(b)).toEqual(wire(a));
      expect(b.result).toEqual(a.result);
    },
  );

  it("keeps the base scenario's what-ifs working on the world", async () => {
    const base = SCENARIOS.find((s) => s.id === 'obo-secret');
    if (!base) throw new Error('obo-secret missing');
    const rebuilt = scenarioFromWorld(roundTrip(worldFromScenario(base)), SCENARIOS);
    const variant = base.variants[0];
    if (!variant) throw new Error('no what-if');
    const [a, b] = await Promise.all([
      runScenario(base, { variants: [variant.id], decisions: 'script' }),
      runScenario(rebuilt, { variants: [variant.id], decisions: 'script' }),
    ]);
    expect(wire(b)).toEqual(wire(a));
  });

  it('reports bad input at the field, never throwing', () => {
    const world = worldFromScenario(scenario('cc-secret')) as unknown as Record<string, unknown>;
    expect(parseWorld(null)).toMatchObject({ ok: false });
    expect(parseWorld({ ...world, version: 2 })).toMatchObject({
      ok: false,
      issues: [expect.objectContaining({ path: 'version' })],
    });
    const parties = (world.parties as Record<string, unknown>[]).map((p, i) =>
      i === 0 ? { ...p, kind: 'toaster' } : p,
    );
    const result = parseWorld({ ...world, parties });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toMatch(/^parties\.0/);
    expect(parseWorld({ ...world, starter: 'nobody' })).toMatchObject({
      ok: false,
      issues: [{ path: 'starter', message: 'No party has the id "nobody".' }],
    });
  });

  it('refuses a starting token whose client or resource the authority cannot find (the runtime would throw)', () => {
    const obo = worldFromScenario(scenario('obo-secret'));
    const [token] = obo.startingTokens;
    if (!token) throw new Error('obo-secret has no starting token');
    const broken = {
      ...obo,
      startingTokens: [
        { ...token, spec: { ...token.spec, clientAppId: ' ', resource: 'api://nowhere' } },
      ],
    };
    const result = parseWorld(broken);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((i) => i.path)).toEqual([
        'startingTokens.0.spec.clientAppId',
        'startingTokens.0.spec.resource',
      ]);
    // A browser's navigate action needs a URL: a blank one is a field error, not a TypeError later.
    const sign = worldFromScenario(scenario('obo-implicit'));
    const parties = sign.parties.map((p) =>
      p.kind === 'browser'
        ? { ...p, program: p.program.map((a) => (a.do === 'navigate' ? { ...a, url: ' ' } : a)) }
        : p,
    );
    const blank = parseWorld({ ...sign, parties });
    expect(blank.ok).toBe(false);
    if (!blank.ok) expect(blank.issues[0]?.path).toMatch(/^parties\.\d+\.program\.0\.url$/);
  });

  it('refuses an On-Behalf-Of loop', () => {
    const obo = worldFromScenario(scenario('obo-secret'));
    const parties = obo.parties.map((p) =>
      p.kind === 'api'
        ? {
            ...p,
            obo: {
              id: 'loop',
              credential: { type: 'none' },
              endpoint: 'v2',
              scope: 'x',
              downstream: 'api-a',
              path: '/x',
            },
          }
        : p,
    );
    const result = parseWorld({ ...obo, parties });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.message).join()).toMatch(/circle/);
  });

  it('has a JSON Schema for the editor', () => {
    const schema = worldJsonSchema();
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties as object)).toContain('directory');
  });

  it('random edits give a run or field errors, never an exception', async () => {
    const bases = SCENARIOS.map((s) => JSON.parse(JSON.stringify(worldFromScenario(s))) as unknown);
    /** Sets (or deletes, for `undefined`) the value at a path chosen by `picks` in `value`. */
    const edit = (value: unknown, picks: number[], replacement: unknown): unknown => {
      const root = structuredClone(value);
      let node: unknown = root;
      for (let i = 0; i < picks.length; i += 1) {
        if (typeof node !== 'object' || node === null) break;
        const keys = Object.keys(node);
        if (keys.length === 0) break;
        const key = keys[(picks[i] ?? 0) % keys.length] ?? '';
        const child = (node as Record<string, unknown>)[key];
        const last = i === picks.length - 1 || typeof child !== 'object' || child === null;
        if (last) {
          if (replacement === undefined) Reflect.deleteProperty(node, key);
          else (node as Record<string, unknown>)[key] = replacement;
          break;
        }
        node = child;
      }
      return root;
    };
    await fc.assert(
      fc.asyncProperty(
        fc.nat(bases.length - 1),
        fc.array(fc.nat(40), { minLength: 1, maxLength: 8 }),
        fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }), fc.string(), fc.boolean()),
        async (which, picks, replacement) => {
          const parsed = resolveWorld(edit(bases[which], picks, replacement), SCENARIOS);
          if (!parsed.ok) {
            expect(parsed.issues.length).toBeGreaterThan(0);
            for (const issue of parsed.issues) expect(issue.message).not.toBe('');
            return;
          }
          const run = await runScenario(parsed.scenario, {
            decisions: 'script',
          });
          expect(run.steps.length).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
