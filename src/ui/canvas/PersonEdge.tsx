// The link between the person and their browser: no HTTP travels on it, only decisions.
import { memo, type ReactElement } from 'react';
import { BaseEdge, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import { borderPoint, centreOf, type Box } from './geometry';
import type { PersonFlowEdge } from './flow-graph';

function boxOf(node: InternalNode): Box {
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

/** A short amber line from the user to the browser, bold while the person acts. */
function PersonEdgeView({
  id,
  source,
  target,
  data,
}: EdgeProps<PersonFlowEdge>): ReactElement | null {
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  if (!sourceNode || !targetNode) return null;
  const from = boxOf(sourceNode);
  const to = boxOf(targetNode);
  const start = borderPoint(from, centreOf(to));
  const end = borderPoint(to, centreOf(from));
  return (
    <BaseEdge
      id={id}
      path={`M ${start.x},${start.y} L ${end.x},${end.y}`}
      className={`person-edge${data?.active ? ' is-active' : ''}`}
      interactionWidth={0}
    />
  );
}

/** The edge component registered as edge type `person`. */
export const PersonEdge = memo(PersonEdgeView);
