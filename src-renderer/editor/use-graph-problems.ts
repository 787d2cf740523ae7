/**
 * The graph's own problems (cycles, unconnected inputs, name clashes, syntax),
 * checked as it changes and put on the nodes they concern. Problems without a
 * node are the flow's, shown in the toolbar.
 *
 * The check runs in a Web Worker (validate/): with 1,000 nodes it takes about a
 * second, which on the UI thread froze the canvas just after it opened.
 */
import { useEffect, useRef, useState } from "react";
import type { GraphProblem } from "../../shared/graph/index.ts";
import { whenQuiet } from "../canvas/viewport-motion.ts";
import { useDocument, useDocumentStoreApi } from "./store/context.tsx";
import type { NodeDiagnostic } from "./store/types.ts";
import { validateInWorker } from "./validate/validate.ts";

export function useGraphProblems(): GraphProblem[] {
  const graph = useDocument((s) => s.graph);
  const store = useDocumentStoreApi();
  const [problems, setProblems] = useState<GraphProblem[]>([]);
  // Checks started in order; an answer older than one already applied is dropped.
  const started = useRef(0);
  const applied = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    let cancelQuiet = () => {};
    // Posting the graph copies it (tens of ms with 1,000 nodes): at an idle moment, not mid-render or mid-pan.
    const timer = setTimeout(() => (cancelQuiet = whenQuiet(check, { idleTimeout: 1000 })), 150);
    function check() {
      const seq = ++started.current;
      void validateInWorker(graph).then((found) => {
        if (!mounted.current || seq < applied.current) return;
        applied.current = seq;
        setProblems(found);
        store.getState().setDiagnostics("graph", toDiagnostics(found));
      });
    }
    return () => {
      clearTimeout(timer);
      cancelQuiet();
    };
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
