// The canvas graph derived from a real run: nodes, one edge per talking pair, the current packet.
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/index';
import type { SimulationRun } from '../../engine/index';
import { getScenario } from '../../scenarios/index';
import { loadEngine } from '../../state/index';
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
