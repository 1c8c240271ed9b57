// Pure derivation of React Flow nodes and edges from a run, the playback cursor and the layout.
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type {
  PartyId,
  PartyView,
  PendingPrompt,
  SimulationRun,
  StepOutcome,
} from '../../engine/index';
import { buildLinks, buildTimeline, linkId } from '../../state/index';
import { KIND_LABELS } from './kinds';

/** Data of a party node. */
export interface PartyNodeData extends Record<string, unknown> {
  party: PartyView;
  /** Whether the party sends or receives the current step's message. */
  role: 'from' | 'to' | null;
  /** On the user node while the flow waits for the person, e.g. `Your turn: sign in`. */
  prompting: string | null;
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
  /** The person's decision the message carries, e.g. `Ada: accepts`. */
  decision: string | null;
  /** Travel time in ms. */
  durationMs: number;
}

/** Data of a message edge. */
export interface MessageEdgeData extends Record<string, unknown> {
  /** `idle` = no message yet, `used` = a revealed message used it, `active` = current message. */
  state: 'idle' | 'used' | 'active';
  packet: PacketData | null;
  /** Whether the browser is one end (front channel: drawn amber). */
  frontChannel: boolean;
  /** The hop whose error decided a failed run, once revealed: it stays red. */
  failed: boolean;
}

/** An edge between two parties that exchange messages. */
export type MessageFlowEdge = Edge<MessageEdgeData, 'message'>;

/** Data of the link between the person and their browser. */
export interface PersonEdgeData extends Record<string, unknown> {
  /** The person acts now: a prompt waits, or the current message carries their decision. */
  active: boolean;
}

/** The person-to-browser link (no HTTP travels on it). */
export type PersonFlowEdge = Edge<PersonEdgeData, 'person'>;

/** Any edge of the canvas. */
export type FlowEdge = MessageFlowEdge | PersonFlowEdge;

/**
 * Colours of the active edge's arrowhead, per outcome: the theme's tokens (theme.css), so the
 * arrowhead matches the edge stroke in canvas.css under any theme.
 */
export const OUTCOME_COLOURS: Record<StepOutcome, string> = {
  request: 'var(--outcome-request)',
  success: 'var(--outcome-ok)',
  redirect: 'var(--outcome-redirect)',
  error: 'var(--outcome-error)',
};

/** Nodes and edges for the canvas. */
export interface FlowGraph {
  nodes: PartyFlowNode[];
  edges: FlowEdge[];
}

/** Options of {@link buildFlowGraph}. */
export interface FlowGraphOptions {
  /** Parties to draw while there is no run yet (from the scenario definition). */
  parties?: readonly PartyView[];
  /** The prompt the flow waits at, which highlights the user. */
  prompt?: PendingPrompt | null;
}

const PROMPT_BADGES: Record<PendingPrompt['prompt'], string> = {
  'sign-in': 'Your turn: sign in',
  mfa: 'Your turn: approve MFA',
  consent: 'Your turn: consent',
  clock: 'Your turn: let time pass',
};

function isFrontChannel(parties: readonly PartyView[], a: PartyId, b: PartyId): boolean {
  return parties.some((p) => p.kind === 'browser' && (p.id === a || p.id === b));
}

function personEdges(parties: readonly PartyView[], active: boolean): PersonFlowEdge[] {
  const user = parties.find((p) => p.kind === 'user');
  const browser = parties.find((p) => p.kind === 'browser');
  if (!user || !browser) return [];
  return [
    {
      id: linkId(user.id, browser.id),
      type: 'person',
      source: user.id,
      target: browser.id,
      selectable: false,
      focusable: false,
      data: { active },
    },
  ];
}

/**
 * Derives the canvas graph: one node per party (at the user's dragged position, else the
 * scenario layout), one edge per pair of parties that exchange messages, the user linked to
 * their browser, and the current step's packet on its edge. `packetMs` is the packet's travel
 * time. Without a run (still computing) it draws `options.parties` and no messages.
 */
export function buildFlowGraph(
  run: SimulationRun | null,
  cursor: number,
  positions: Record<PartyId, { x: number; y: number }>,
  packetMs: number,
  options: FlowGraphOptions = {},
): FlowGraph {
  const parties = run?.parties ?? options.parties ?? [];
  const current = run?.steps[cursor];
  const row = run ? buildTimeline(run)[cursor] : undefined;
  const prompt = options.prompt ?? null;
  const nodes: PartyFlowNode[] = parties.map((party) => ({
    id: party.id,
    type: 'party',
    position: positions[party.id] ?? party.position,
    data: {
      party,
      role: current?.from === party.id ? 'from' : current?.to === party.id ? 'to' : null,
      prompting: prompt && party.kind === 'user' ? PROMPT_BADGES[prompt.prompt] : null,
    },
    draggable: true,
    selectable: false,
    focusable: false,
    ariaRole: 'group',
    ariaLabel: `${party.label} (${KIND_LABELS[party.kind]})`,
    // Sizes before React Flow measures the node (canvas.css): the prerendered first screen and
    // the first fit use them; the measured size replaces them.
    initialWidth: party.kind === 'authority' ? 330 : 300,
    initialHeight: party.kind === 'authority' ? 132 : 170,
  }));
  if (!run) return { nodes, edges: personEdges(parties, false) };
  const revealed = new Set(run.steps.slice(0, cursor + 1).map((s) => linkId(s.from, s.to)));
  const activeId = current ? linkId(current.from, current.to) : null;
  const failedStep =
    !run.result.ok && run.result.failedStep !== undefined && run.result.failedStep <= cursor
      ? run.steps[run.result.failedStep]
      : undefined;
  const failedId = failedStep ? linkId(failedStep.from, failedStep.to) : null;
  const messageEdges: MessageFlowEdge[] = buildLinks(run).map((link) => {
    const active = link.id === activeId && current !== undefined && row !== undefined;
    const frontChannel = isFrontChannel(parties, link.source, link.target);
    const colour =
      current && frontChannel && current.outcome === 'request'
        ? OUTCOME_COLOURS.redirect
        : current
          ? OUTCOME_COLOURS[current.outcome]
          : OUTCOME_COLOURS.request;
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
              color: colour,
              width: 18,
              height: 18,
            },
          }
        : {}),
      data: {
        state: active ? 'active' : revealed.has(link.id) ? 'used' : 'idle',
        frontChannel,
        failed: link.id === failedId,
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
                decision: row.decision,
                durationMs: packetMs,
              }
            : null,
      },
    };
  });
  const acting = prompt !== null || (row?.decision ?? null) !== null;
  return { nodes, edges: [...personEdges(parties, acting), ...messageEdges] };
}
