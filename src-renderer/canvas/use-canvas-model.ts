/** The store's graph as xyflow nodes and edges, re-derived only from the slices they depend on. */
import type { NodeChange } from "@xyflow/react";
import { useCallback, useMemo, useState } from "react";
import { useRunStatuses } from "../editor/run/live-run-context.tsx";
import { useDocument } from "../editor/store/context.tsx";
import { createEdgeMapper, createNodeMapper, type CanvasEdge, type CanvasNode, type Size } from "./lib/to-flow.ts";

export function useCanvasModel(): {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** Keeps xyflow's measurements: a controlled node without `measured` would be measured again and hidden meanwhile. */
  applyDimensions: (changes: readonly NodeChange<CanvasNode>[]) => void;
} {
  const graph = useDocument((s) => s.graph);
  const selection = useDocument((s) => s.selection);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const [mapNodes] = useState(createNodeMapper);
  const [mapEdges] = useState(createEdgeMapper);
  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges]);
  const statuses = useRunStatuses();
  // A run status line makes a card taller: the size given to xyflow follows it.
  const nodes = useMemo(() => mapNodes(graph.nodes, graph.edges, selectedNodes, measured, statuses), [mapNodes, graph.nodes, graph.edges, selectedNodes, measured, statuses]);
  const mapped = useMemo(() => mapEdges(graph, selectedEdges), [mapEdges, graph, selectedEdges]);
  // Wires out of a node that finished in the run shown carried its result: they light up.
  const edges = useMemo(() => {
    if (statuses.size === 0) return mapped;
    return mapped.map((e) => {
      const phase = statuses.get(e.source)?.phase;
      return phase === "completed" || phase === "cached" ? { ...e, className: `${e.className ?? ""} fb-edge-carried`, animated: false } : e;
    });
  }, [mapped, statuses]);

  const applyDimensions = useCallback((changes: readonly NodeChange<CanvasNode>[]) => {
    setMeasured((prev) => {
      let next: Map<string, Size> | null = null;
      for (const c of changes) {
        if (c.type !== "dimensions" || !c.dimensions) continue;
        const old = (next ?? prev).get(c.id);
        if (old && old.width === c.dimensions.width && old.height === c.dimensions.height) continue;
        next ??= new Map(prev);
        next.set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
      }
      return next ?? prev;
    });
  }, []);

  return { nodes, edges, applyDimensions };
}
