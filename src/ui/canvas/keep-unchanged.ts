// Keeps the previous React Flow node and edge objects when a step leaves them as they were, so
// React Flow skips them (it compares each user node and edge by reference) and the memoised
// PartyNode and MessageEdge do not re-render: a step then redraws the two parties and the edge it
// involves, not all 40 of a large world.
import type { FlowEdge, PartyFlowNode } from './flow-graph';

/** Whether two records hold the same values, one level deep (`Object.is` per key). */
function sameRecord(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.is(left[key], right[key]))
  );
}

/**
 * The derived nodes `next`, each replaced by its previous object when its position, data and
 * label are unchanged; a changed node keeps React Flow's measured size of the previous one.
 */
export function keepUnchangedNodes(
  next: PartyFlowNode[],
  previous: PartyFlowNode[],
): PartyFlowNode[] {
  const byId = new Map(previous.map((node) => [node.id, node]));
  return next.map((node) => {
    const old = byId.get(node.id);
    if (!old) return node;
    const unchanged =
      old.position.x === node.position.x &&
      old.position.y === node.position.y &&
      old.ariaLabel === node.ariaLabel &&
      sameRecord(old.data, node.data);
    if (unchanged) return old;
    return old.measured ? { ...node, measured: old.measured } : node;
  });
}

/** The derived edges `next`, each replaced by its previous object when nothing about it changed. */
export function keepUnchangedEdges(next: FlowEdge[], previous: FlowEdge[]): FlowEdge[] {
  const byId = new Map(previous.map((edge) => [edge.id, edge]));
  return next.map((edge) => {
    const old = byId.get(edge.id);
    if (!old) return edge;
    const { data, markerEnd, ...rest } = edge;
    const { data: oldData, markerEnd: oldMarker, ...oldRest } = old;
    const unchanged =
      sameRecord(rest, oldRest) &&
      sameRecord(data, oldData) &&
      (markerEnd === oldMarker ||
        (typeof markerEnd === 'object' &&
          typeof oldMarker === 'object' &&
          sameRecord(markerEnd, oldMarker)));
    return unchanged ? old : edge;
  });
}
