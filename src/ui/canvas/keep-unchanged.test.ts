// A step keeps the node and edge objects it does not change, so React Flow and the memoised
// components skip them; what the step changes is new.
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/index';
import type { SimulationRun } from '../../engine/index';
import { fanOutScenario } from '../../scenarios/generated/fan-out';
import { buildFlowGraph } from './flow-graph';
import { keepUnchangedEdges, keepUnchangedNodes } from './keep-unchanged';

let run: SimulationRun;

beforeAll(async () => {
  run = await runScenario(fanOutScenario(40), { variants: [], seed: 1 });
});

describe('keepUnchangedNodes and keepUnchangedEdges', () => {
  it('keep every object a step leaves as it was and replace the ones it changes', () => {
    const before = buildFlowGraph(run, 4, {}, 1000);
    const after = buildFlowGraph(run, 5, {}, 1000);
    const nodes = keepUnchangedNodes(after.nodes, before.nodes);
    const edges = keepUnchangedEdges(after.edges, before.edges);
    const step = run.steps[5];
    const previous = run.steps[4];
    const involved = new Set([step?.from, step?.to, previous?.from, previous?.to]);
    for (const [i, node] of nodes.entries()) {
      if (involved.has(node.id)) expect(node).toBe(after.nodes[i]);
      else expect(node).toBe(before.nodes.find((n) => n.id === node.id));
    }
    expect(nodes.filter((n, i) => n !== before.nodes[i]).length).toBeLessThanOrEqual(4);
    const changed = edges.filter((e) => !before.edges.includes(e));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThanOrEqual(2);
    expect(edges.find((e) => e.data?.state === 'active')).toBe(
      after.edges.find((e) => e.data?.state === 'active'),
    );
  });

  it('keep the measured size of a node whose data changed', () => {
    const before = buildFlowGraph(run, -1, {}, 1000).nodes.map((n) => ({
      ...n,
      measured: { width: 300, height: 150 },
    }));
    const moved = buildFlowGraph(run, -1, { [run.parties[0]?.id ?? '']: { x: 1, y: 2 } }, 1000);
    const nodes = keepUnchangedNodes(moved.nodes, before);
    expect(nodes[0]).not.toBe(before[0]);
    expect(nodes[0]?.position).toEqual({ x: 1, y: 2 });
    expect(nodes[0]?.measured).toEqual({ width: 300, height: 150 });
    expect(nodes[1]).toBe(before[1]);
  });
});
