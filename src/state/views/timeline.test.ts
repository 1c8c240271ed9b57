// Timeline rows, canvas links, the live region's sentence and the parties drawn before a run.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SimulationRun } from '../../engine/index';
import { getScenario } from '../../scenarios/index';
import { announceStep, buildLinks, buildTimeline, scenarioParties, shortenLabel } from './index';
import { oboResponseIndex, run } from './runs.test-helpers';

let obo: SimulationRun;
let chain: SimulationRun;
let cancelled: SimulationRun;

beforeAll(async () => {
  obo = await run('obo-secret');
  chain = await run('full-chain', { decisions: 'script' });
  cancelled = await run('full-chain', { variants: ['user-cancels-consent'], decisions: 'script' });
});

describe('timeline', () => {
  it('writes one numbered row per step with party labels and token chips', () => {
    const rows = buildTimeline(obo);
    expect(rows).toHaveLength(obo.steps.length);
    const tokenRequest = rows[oboResponseIndex(obo) - 1];
    expect(tokenRequest?.text).toMatch(
      /^4\. Todo API \(API A\) -> Microsoft Entra ID: POST \/\{tenant\}\/oauth2\/v2\.0\/token$/,
    );
    expect(tokenRequest?.chips).toEqual(['token A']);
    expect(rows[oboResponseIndex(obo)]?.chips).toEqual(['token B']);
    expect(rows[oboResponseIndex(obo)]?.status).toBe(200);
  });

  it('shortens a tenant id path segment only', () => {
    expect(shortenLabel('GET /3f1c6a52-8d1e-4b7a-9c2f-5e0d41a7b9c3/discovery/v2.0/keys')).toBe(
      'GET /{tenant}/discovery/v2.0/keys',
    );
    expect(shortenLabel('GET /me/todos')).toBe('GET /me/todos');
    expect(shortenLabel('400 Bad Request')).toBe('400 Bad Request');
  });

  it("puts the person's decisions on the rows that carry them", () => {
    const rows = buildTimeline(chain).filter((r) => r.decision !== null);
    expect(rows.map((r) => r.decision)).toEqual(['Ada: signs in', 'Ada: accepts']);
    expect(rows.every((r) => r.from === 'browser' && r.to === 'authority')).toBe(true);
    const cancel = buildTimeline(cancelled).filter((r) => r.decision !== null);
    expect(cancel.map((r) => r.decision)).toEqual([
      'Ada: signs in',
      'Ada: cancels (set by the what-if)',
    ]);
  });

  it('announces a step in one sentence', () => {
    expect(announceStep(obo, 0)).toMatch(
      /^Step 1 of 10: Todo web client to Todo API \(API A\), GET \/me\/todos carrying token A\. /,
    );
    expect(announceStep(obo, -1)).toBe('Before step 1.');
  });
});

describe('parties and links', () => {
  it('has one link per pair of parties that talk', () => {
    const pairs = new Set(obo.steps.map((s) => [s.from, s.to].sort().join('|')));
    expect(buildLinks(obo)).toHaveLength(pairs.size);
  });

  it('draws the parties of a scenario from its definition before any run', () => {
    const scenario = getScenario('full-chain');
    const parties = scenarioParties(scenario);
    expect(parties.map((p) => p.id)).toEqual(chain.parties.map((p) => p.id));
    expect(parties.find((p) => p.id === 'user')?.position).toEqual(scenario.layout['user']);
    expect(scenarioParties(scenario)).toBe(parties);
  });
});
