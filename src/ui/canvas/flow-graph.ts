// Pure derivation of React Flow nodes and edges from a run, the playback cursor and the layout.
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { PartyId, PartyView, SimulationRun, StepOutcome } from '../../engine/index';
import { buildLinks, buildTimeline, linkId } from '../../state/index';
import { KIND_LABELS } from './kinds';

/** Data of a party node. */
export interface PartyNodeData extends Record<string, unknown> {
  party: PartyView;
  /** Whether the party sends or receives the current step's message. */
  role: 'from' | 'to' | null;
}

/** A party node. */
export type PartyFlowNode = Node<PartyNodeData, 'party'>;

/** The message travelling on an edge at the current step. */
export interface PacketData {
  stepIndex: number;
  from: PartyId;
  to: PartyId;
  outcome: StepOutcome;
  /** Method of a request (`POST`) or status of a response (`200`). */
  caption: string;
  /** Tokens the message carries, e.g. `token A`. */
  chips: string[];
  /** Travel time in ms. */
  durationMs: number;
}

/** Data of a message edge. */
export interface MessageEdgeData extends Record<string, unknown> {
  /** `idle` = no message yet, `used` = a revealed message used it, `active` = current message. */
  state: 'idle' | 'used' | 'active';
  packet: PacketData | null;
}

/** An edge between two parties that exchange messages. */
export type MessageFlowEdge = Edge<MessageEdgeData, 'message'>;

/** Stroke colours of the active edge and its arrowhead, per outcome (match styles.css). */
export const OUTCOME_COLOURS: Record<StepOutcome, string> = {
  request: '#1d4ed8',
  success: '#15803d',
  redirect: '#b45309',
  error: '#b91c1c',
};

/** Nodes and edges for the canvas. */
export interface FlowGraph {
  nodes: PartyFlowNode[];
  edges: MessageFlowEdge[];
}

/**
 * Derives the canvas graph: one node per party (at the user's dragged position, else the
 * scenario layout), one edge per pair of parties that exchange messages, and the current
 * step's packet on its edge. `packetMs` is the packet's travel time.
 */
export function buildFlowGraph(
  run: SimulationRun,
  cursor: number,
  positions: Record<PartyId, { x: number; y: number }>,
  packetMs: number,
): FlowGraph {
  const current = run.steps[cursor];
  const row = buildTimeline(run)[cursor];
  const nodes: PartyFlowNode[] = run.parties.map((party) => ({
    id: party.id,
    type: 'party',
    position: positions[party.id] ?? party.position,
    data: {
      party,
      role: current?.from === party.id ? 'from' : current?.to === party.id ? 'to' : null,
    },
    draggable: true,
    selectable: false,
    focusable: false,
    ariaRole: 'group',
    ariaLabel: `${party.label} (${KIND_LABELS[party.kind]})`,
  }));
  const revealed = new Set(run.steps.slice(0, cursor + 1).map((s) => linkId(s.from, s.to)));
  const activeId = current ? linkId(current.from, current.to) : null;
  const edges: MessageFlowEdge[] = buildLinks(run).map((link) => {
    const active = link.id === activeId && current !== undefined && row !== undefined;
    return {
      id: link.id,
      type: 'message',
      source: link.source,
      target: link.target,
      selectable: false,
      focusable: false,
      ...(active && current
        ? {
            markerEnd: {
              type: MarkerType.ArrowClosed,
              color: OUTCOME_COLOURS[current.outcome],
              width: 18,
              height: 18,
            },
          }
        : {}),
      data: {
        state: active ? 'active' : revealed.has(link.id) ? 'used' : 'idle',
        packet:
          active && current && row
            ? {
                stepIndex: current.index,
                from: current.from,
                to: current.to,
                outcome: current.outcome,
                caption:
                  current.kind === 'request'
                    ? current.request.method
                    : String(current.response?.status ?? ''),
                chips: row.chips,
                durationMs: packetMs,
              }
            : null,
      },
    };
  });
  return { nodes, edges };
}
