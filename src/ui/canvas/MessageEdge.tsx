// A message edge: a straight line between two parties, and the current step's travelling packet.
import { memo, useEffect, useRef, type ReactElement } from 'react';
import {
  BaseEdge,
  EdgeLabelRenderer,
  useInternalNode,
  type EdgeProps,
  type InternalNode,
} from '@xyflow/react';
import { useReducedMotion } from '../shell/use-reduced-motion';
import { borderPoint, centreOf, lerp, type Box, type Point } from './geometry';
import type { MessageFlowEdge, PacketData } from './flow-graph';

function boxOf(node: InternalNode): Box {
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

/** Where a packet starts and lands along the line (fractions of the border-to-border segment). */
const PACKET_START = 0.08;
const PACKET_END = 0.72;
const PACKET_STILL = 0.6;

function packetTransform(p: Point): string {
  return `translate(-50%, -50%) translate(${p.x}px, ${p.y}px)`;
}

/**
 * The packet pill: caption (method or status), token chips and the person's decision; travels
 * with the Web Animations API. Requests through the browser (front channel) are amber.
 */
function Packet({
  packet,
  start,
  end,
  reduced,
  frontChannel,
}: {
  packet: PacketData;
  start: Point;
  end: Point;
  reduced: boolean;
  frontChannel: boolean;
}): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const animated = useRef<number | null>(null);
  const from = lerp(start, end, PACKET_START);
  const rest = lerp(start, end, reduced ? PACKET_STILL : PACKET_END);
  const fromTransform = packetTransform(from);
  const restTransform = packetTransform(rest);

  useEffect(() => {
    const element = ref.current;
    if (!element || reduced || animated.current === packet.stepIndex) return;
    animated.current = packet.stepIndex;
    if (typeof element.animate !== 'function') return;
    const animation = element.animate(
      [
        { transform: fromTransform, opacity: 0.2 },
        { transform: fromTransform, opacity: 1, offset: 0.08 },
        { transform: restTransform, opacity: 1 },
      ],
      { duration: packet.durationMs, easing: 'cubic-bezier(0.4, 0, 0.2, 1)' },
    );
    return () => animation.cancel();
  }, [packet.stepIndex, packet.durationMs, reduced, fromTransform, restTransform]);

  return (
    <div
      ref={ref}
      className={`packet outcome-${packet.outcome}${frontChannel ? ' is-front-channel' : ''}`}
      style={{ transform: restTransform }}
      aria-hidden="true"
    >
      <span className="packet-caption">{packet.caption}</span>
      {packet.chips.map((chip) => (
        <span key={chip} className="packet-chip">
          {chip}
        </span>
      ))}
      {packet.decision ? <span className="packet-decision">{packet.decision}</span> : null}
    </div>
  );
}

/** Draws the floating edge between two party nodes and, when active, the packet on it. */
function MessageEdgeView({
  id,
  source,
  target,
  data,
  markerEnd,
}: EdgeProps<MessageFlowEdge>): ReactElement | null {
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  const reduced = useReducedMotion();
  if (!sourceNode || !targetNode) return null;
  const packet = data?.packet ?? null;
  const forward = !packet || packet.from === source;
  const fromBox = boxOf(forward ? sourceNode : targetNode);
  const toBox = boxOf(forward ? targetNode : sourceNode);
  const start = borderPoint(fromBox, centreOf(toBox));
  const end = borderPoint(toBox, centreOf(fromBox));
  const path = `M ${start.x},${start.y} L ${end.x},${end.y}`;
  const state = data?.state ?? 'idle';
  const outcome = packet?.outcome ?? 'request';
  const frontChannel = data?.frontChannel ?? false;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={state === 'active' ? markerEnd : undefined}
        className={`message-edge edge-${state}${state === 'active' ? ` outcome-${outcome}` : ''}${frontChannel ? ' front-channel' : ''}${data?.failed ? ' is-failed' : ''}`}
        interactionWidth={0}
      />
      {packet ? (
        <EdgeLabelRenderer>
          <Packet
            key={packet.stepIndex}
            packet={packet}
            start={start}
            end={end}
            reduced={reduced}
            frontChannel={frontChannel}
          />
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

/** The edge component registered as edge type `message`. */
export const MessageEdge = memo(MessageEdgeView);
