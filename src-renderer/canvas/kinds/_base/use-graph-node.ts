import { useDocument } from "../../../editor/store/context.tsx";
import type { GraphNode, NodeKind } from "../../../../shared/graph/model.ts";
import type { NodeDiagnostic } from "../../../editor/store/types.ts";
import { nodeIndex } from "../../lib/graph-index.ts";

/** The node's own slice of the document: re-renders when this node changes, not when others do. */
export function useGraphNode<K extends NodeKind>(id: string, kind: K): Extract<GraphNode, { kind: K }> | undefined {
  return useDocument((s) => {
    const node = nodeIndex(s.graph.nodes).get(id);
    return node?.kind === kind ? (node as Extract<GraphNode, { kind: K }>) : undefined;
  });
}

const NONE: readonly NodeDiagnostic[] = [];

export function useNodeDiagnostics(id: string): readonly NodeDiagnostic[] {
  return useDocument((s) => s.diagnostics[id] ?? NONE);
}
