// The canvas: parties as nodes, message edges with the travelling packet, refit on resize.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useNodesInitialized,
  useReactFlow,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
  type OnNodeDrag,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { selectCanvas, stepDurationMs, useAppStore } from '../../state/index';
import type { PartyView, SimulationRun } from '../../engine/index';
import { buildFlowGraph, type FlowEdge, type FlowGraph, type PartyFlowNode } from './flow-graph';
import { keepUnchangedEdges, keepUnchangedNodes } from './keep-unchanged';
import { MessageEdge } from './MessageEdge';
import { PartyNode } from './PartyNode';
import { PersonEdge } from './PersonEdge';
import { useHydrated } from '../use-hydrated';

const nodeTypes = { party: PartyNode } satisfies NodeTypes;
const edgeTypes = { message: MessageEdge, person: PersonEdge } satisfies EdgeTypes;
const FIT_OPTIONS = { padding: 0.06, maxZoom: 1.25 };
const MIN_ZOOM = 0.25;
const MAX_ZOOM = 2;
/** The packet lands a little before playback moves on. */
const PACKET_SHARE = 0.8;

/** Props of {@link FlowCanvas}. */
export interface FlowCanvasProps {
  /** The run, or `null` while the first run computes. */
  run: SimulationRun | null;
  /** Parties to draw while there is no run (from the scenario definition). */
  parties: readonly PartyView[];
}

/**
 * The canvas size the first fit assumes before the canvas is measured (about its size in a
 * 1440x900 window): the prerendered first screen is laid out for it, and the measured size
 * replaces it on the client.
 */
const ASSUMED_SIZE = { width: 750, height: 440 };

function Canvas({ graph }: { graph: FlowGraph }): ReactElement {
  const { moveParty, scenarioId } = useAppStore(selectCanvas);
  const [nodes, setNodes] = useState(graph.nodes);
  const [edges, setEdges] = useState(graph.edges);
  const [shownGraph, setShownGraph] = useState(graph);
  if (shownGraph !== graph) {
    setShownGraph(graph);
    setNodes(keepUnchangedNodes(graph.nodes, nodes));
    setEdges(keepUnchangedEdges(graph.edges, edges));
  }
  const onNodesChange = useCallback(
    (changes: NodeChange<PartyFlowNode>[]) => setNodes((nds) => applyNodeChanges(changes, nds)),
    [],
  );
  const onNodeDragStop: OnNodeDrag<PartyFlowNode> = useCallback(
    (_event, node) => moveParty(node.id, node.position),
    [moveParty],
  );

  const { fitView } = useReactFlow();
  const initialized = useNodesInitialized();
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (initialized) void fitView(FIT_OPTIONS);
  }, [initialized, scenarioId, fitView]);
  useEffect(() => {
    const element = wrapper.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void fitView(FIT_OPTIONS));
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [fitView]);

  // `data-live` tells that React Flow has hydrated (or drawn) the canvas: panning, zooming and
  // dragging work from then on. The prerendered canvas is painted before it (CanvasIsland).
  const live = useHydrated();
  return (
    <div className="canvas" ref={wrapper} data-live={live ? 'true' : undefined}>
      <ReactFlow<PartyFlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        fitView
        fitViewOptions={FIT_OPTIONS}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        nodesConnectable={false}
        elementsSelectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        zoomOnDoubleClick={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        panActivationKeyCode={null}
        zoomActivationKeyCode={null}
        disableKeyboardA11y
      >
        <Background
          variant={BackgroundVariant.Dots}
          gap={24}
          size={1.5}
          color="var(--canvas-dot)"
        />
        <Controls showInteractive={false} position="bottom-left" fitViewOptions={FIT_OPTIONS} />
      </ReactFlow>
    </div>
  );
}

/**
 * The flow diagram: the scenario's parties as soon as they are known, then the run's messages
 * once it lands.
 */
export function FlowCanvas({ run, parties }: FlowCanvasProps): ReactElement {
  const { cursor, speed, positions, prompt } = useAppStore(selectCanvas);
  const graph: FlowGraph = useMemo(
    () =>
      buildFlowGraph(run, cursor, positions, stepDurationMs(speed) * PACKET_SHARE, {
        parties,
        prompt,
      }),
    [run, parties, cursor, positions, speed, prompt],
  );
  // The provider's initial nodes and size let the server render them (the prerendered first
  // screen) and the hydrating client start from the same store.
  return (
    <ReactFlowProvider
      initialNodes={graph.nodes}
      initialEdges={graph.edges}
      initialWidth={ASSUMED_SIZE.width}
      initialHeight={ASSUMED_SIZE.height}
      fitView
      initialFitViewOptions={FIT_OPTIONS}
      initialMinZoom={MIN_ZOOM}
      initialMaxZoom={MAX_ZOOM}
    >
      <Canvas graph={graph} />
    </ReactFlowProvider>
  );
}
