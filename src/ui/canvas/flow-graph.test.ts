// The canvas graph derived from a real run: nodes, one edge per talking pair, the current packet.
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/index';
import type { SimulationRun } from '../../engine/index';
import { getScenario } from '../../scenarios/index';
import { loadEngine, scenarioParties } from '../../state/index';
import { buildFlowGraph } from './flow-graph';

let run: SimulationRun;

beforeAll(async () => {
  await loadEngine();
  run = await runScenario(getScenario('obo-secret'), { variants: [], seed: 1 });
});

describe('buildFlowGraph', () => {
  it('draws every party and no packet before step 1', () => {
    const graph = buildFlowGraph(run, -1, {}, 1000);
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(run.parties.map((p) => p.id).sort());
    expect(graph.nodes.every((n) => n.data.role === null)).toBe(true);
    expect(graph.edges.every((e) => e.data?.state === 'idle' && e.data.packet === null)).toBe(true);
  });

  it('puts the current message on its edge, travelling from sender to receiver', () => {
    const index = run.steps.findIndex((s) => s.kind === 'response' && s.tag === 'obo');
    const step = run.steps[index];
    if (!step) throw new Error('no OBO response');
    const graph = buildFlowGraph(run, index, {}, 960);
    const active = graph.edges.filter((e) => e.data?.state === 'active');
    expect(active).toHaveLength(1);
    expect(active[0]?.data?.packet).toMatchObject({
      stepIndex: index,
      from: step.from,
      to: step.to,
      outcome: 'success',
      caption: '200',
      chips: ['token B'],
      durationMs: 960,
    });
    expect(graph.nodes.find((n) => n.id === step.from)?.data.role).toBe('from');
    expect(graph.nodes.find((n) => n.id === step.to)?.data.role).toBe('to');
    const usedOrActive = graph.edges.filter((e) => e.data?.state !== 'idle').length;
    const revealedPairs = new Set(
      run.steps.slice(0, index + 1).map((s) => [s.from, s.to].sort().join('|')),
    );
    expect(usedOrActive).toBe(revealedPairs.size);
  });

  it('places a dragged party at its dragged position', () => {
    const graph = buildFlowGraph(run, 0, { authority: { x: 7, y: 9 } }, 1000);
    expect(graph.nodes.find((n) => n.id === 'authority')?.position).toEqual({ x: 7, y: 9 });
  });
});

describe('buildFlowGraph for sign-in flows', () => {
  let waiting: SimulationRun;
  let done: SimulationRun;
  beforeAll(async () => {
    waiting = await runScenario(getScenario('full-chain'), { seed: 1 });
    done = await runScenario(getScenario('full-chain'), { seed: 1, decisions: 'script' });
  });

  it('draws the parties of the scenario, and the user linked to the browser, before any run', () => {
    const parties = scenarioParties(getScenario('full-chain'));
    const graph = buildFlowGraph(null, -1, {}, 1000, { parties });
    expect(graph.nodes.map((n) => n.id)).toEqual(parties.map((p) => p.id));
    expect(graph.edges).toEqual([
      expect.objectContaining({ type: 'person', source: 'user', target: 'browser' }),
    ]);
  });

  it('highlights the user while a prompt waits', () => {
    const last = waiting.steps.length - 1;
    const graph = buildFlowGraph(waiting, last, {}, 1000, { prompt: waiting.pendingPrompt });
    const user = graph.nodes.find((n) => n.id === 'user');
    expect(user?.data.prompting).toBe('Your turn: sign in');
    const person = graph.edges.find((e) => e.type === 'person');
    expect(person?.data).toEqual({ active: true });
    expect(graph.nodes.filter((n) => n.data.prompting !== null)).toHaveLength(1);
  });

  it("puts the person's decision on the browser-to-authority hop, drawn as front channel", () => {
    const index = done.steps.findIndex((s) => s.events.some((e) => e.type === 'user.decided'));
    const graph = buildFlowGraph(done, index + 1, {}, 1000);
    const accept = done.steps.findIndex(
      (s, i) => i > index && s.events.some((e) => e.type === 'user.decided'),
    );
    const at = buildFlowGraph(done, accept, {}, 1000);
    const active = at.edges.find((e) => e.type === 'message' && e.data?.state === 'active');
    expect(active?.data).toMatchObject({
      frontChannel: true,
      packet: { decision: 'Ada: accepts', from: 'browser', to: 'authority' },
    });
    expect(graph.edges.find((e) => e.type === 'person')?.data).toEqual({ active: false });
  });
});
