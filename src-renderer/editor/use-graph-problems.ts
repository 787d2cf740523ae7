/**
 * The graph's own problems (cycles, unconnected inputs, name clashes, syntax),
 * checked as it changes and put on the nodes they concern. Problems without a
 * node are the flow's, shown in the toolbar.
 */
import { useEffect, useState } from "react";
import { validateGraph, type GraphProblem } from "../../shared/graph/index.ts";
import { useDocument, useDocumentStoreApi } from "./store/context.tsx";
import type { NodeDiagnostic } from "./store/types.ts";

export function useGraphProblems(): GraphProblem[] {
  const graph = useDocument((s) => s.graph);
  const store = useDocumentStoreApi();
  const [problems, setProblems] = useState<GraphProblem[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => {
      const found = validateGraph(graph).problems;
      setProblems(found);
      store.getState().setDiagnostics("graph", toDiagnostics(found));
    }, 150);
    return () => clearTimeout(timer);
  }, [graph, store]);
  return problems;
}

export function toDiagnostics(problems: readonly GraphProblem[]): NodeDiagnostic[] {
  return problems
    .filter((p) => p.nodeId !== undefined)
    .map((p) => ({
      nodeId: p.nodeId!,
      severity: p.severity,
      message: p.message,
      source: "graph" as const,
      ...(p.line !== undefined ? { line: p.line } : {}),
      ...(p.column !== undefined ? { column: p.column } : {}),
    }));
}
