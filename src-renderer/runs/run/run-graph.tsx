/** The run graph, read-only: what ran and what waited on what, coloured by state, live. */
import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, type Edge } from "@xyflow/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { buildRunGraph } from "../../../shared/graph/run-graph.ts";
import type { FlowRunRecord, TaskRunRecord } from "../../../shared/store/types.ts";
import { layerLayout } from "../lib/layers.ts";
import { rootFailures } from "./failure-banner.tsx";
import { ELK_MAX_NODES, elkLayout, NODE_HEIGHT, NODE_WIDTH } from "./elk-layout.ts";
import { RunGraphNode, type RunNode } from "./graph-node.tsx";
import { STATE_HEX } from "./state-colours.ts";
import type { FlowRun, TaskRun } from "./use-run.ts";

const nodeTypes = { run: RunGraphNode };
const SIZE = { width: NODE_WIDTH, height: NODE_HEIGHT, gapX: 60, gapY: 16 };

interface Props {
  taskRuns: TaskRun[];
  subflowRuns: FlowRun[];
  selected: string | null;
  onSelect: (id: string | null) => void;
}

export function RunGraph(props: Props) {
  return (
    <ReactFlowProvider>
      <Graph {...props} />
    </ReactFlowProvider>
  );
}

function Graph({ taskRuns, subflowRuns, selected, onSelect }: Props) {
  const graph = useMemo(() => buildRunGraph(taskRuns as TaskRunRecord[], subflowRuns as FlowRunRecord[]), [taskRuns, subflowRuns]);
  // Layout follows the graph's shape only, not its states, so a state change never moves a node.
  const shape = useMemo(() => `${graph.nodes.map((n) => n.id).join(",")}|${graph.edges.length}`, [graph]);
  const quick = useMemo(() => layerLayout(graph.nodes.map((n) => n.id), graph.edges, SIZE), [shape]);
  const [elk, setElk] = useState<{ shape: string; positions: Map<string, { x: number; y: number }> } | null>(null);
  const flow = useReactFlow();

  useEffect(() => {
    if (graph.nodes.length === 0 || graph.nodes.length > ELK_MAX_NODES) return;
    let stale = false;
    const timer = setTimeout(() => {
      elkLayout(graph.nodes.map((n) => n.id), graph.edges).then(
        (positions) => !stale && setElk({ shape, positions }),
        () => {}, // the quick layout stays
      );
    }, 150);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [shape]);

  const positions = elk && elk.shape === shape ? elk.positions : quick;
  const byId = useMemo(() => new Map(taskRuns.map((t) => [t.id, t])), [taskRuns]);
  const nodes: RunNode[] = useMemo(
    () =>
      graph.nodes.map((n) => {
        const t = byId.get(n.id);
        return {
          id: n.id,
          type: "run",
          position: positions.get(n.id) ?? { x: 0, y: 0 },
          selected: n.id === selected,
          draggable: false,
          connectable: false,
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
          data: { label: n.label, kind: n.kind, stateType: n.stateType, stateName: n.stateName, startTime: n.startTime, endTime: n.endTime, runCount: t?.runCount ?? 1, maxRetries: t?.maxRetries ?? 0 },
        };
      }),
    [graph, positions, selected, byId],
  );
  const edges: Edge[] = useMemo(() => {
    const state = new Map(graph.nodes.map((n) => [n.id, n.stateType]));
    return graph.edges.map((e) => {
      const s = state.get(e.source);
      const failed = s === "FAILED" || s === "CRASHED";
      return { id: `${e.source}>${e.target}`, source: e.source, target: e.target, animated: state.get(e.target) === "RUNNING", style: failed ? { stroke: STATE_HEX.FAILED } : undefined, focusable: false };
    });
  }, [graph]);

  // Frame the graph until the reader pans or zooms: small graphs whole, big ones from their start,
  // or from the first task run that failed on its own — where a failure is read from.
  const moved = useRef(false);
  const focusId = useMemo(() => rootFailures(taskRuns)[0]?.id, [taskRuns]);
  useEffect(() => {
    if (moved.current) return;
    const id = requestAnimationFrame(() => {
      const focus = focusId ? positions.get(focusId) : undefined;
      if (positions.size <= 40) void flow.fitView({ maxZoom: 1.2, padding: 0.15 });
      else if (focus) void flow.setCenter(focus.x + NODE_WIDTH / 2, focus.y + NODE_HEIGHT / 2, { zoom: 0.9 });
      else void flow.setViewport({ x: 24, y: 24, zoom: 0.8 });
    });
    return () => cancelAnimationFrame(id);
  }, [positions, flow, focusId]);

  if (graph.nodes.length === 0) return <p className="p-6 text-zinc-500">No task runs yet.</p>;
  return (
    <div className="h-full w-full" data-testid="run-graph">
      <ReactFlow<RunNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable
        onlyRenderVisibleElements={nodes.length > 200}
        onNodeClick={(_, node) => onSelect(node.id === selected ? null : node.id)}
        onPaneClick={() => onSelect(null)}
        minZoom={0.05}
        proOptions={{ hideAttribution: true }}
        onMoveStart={(event) => {
          if (event) moved.current = true;
        }}
      >
        <Background gap={20} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
