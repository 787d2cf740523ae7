/** Graphs and helpers for the store's tests (no test runner imports, so it type-checks with the app). */
import type { StoreApi } from "zustand";
import { flowGraphSchema, type FlowGraph, type FlowGraphInput } from "../../../shared/graph/model.ts";
import { createDocumentStore, type DocumentStoreOptions } from "./create-document-store.ts";
import type { DocumentStore } from "./types.ts";

/** A small flow: parameter `url` → fetch (string) → parse (rows: string) → Output. */
export function sampleGraph(extra: Partial<FlowGraphInput> = {}): FlowGraph {
  return flowGraphSchema.parse({
    name: "Sample",
    params: [{ name: "url", type: "string" }],
    header: 'import { z } from "zod";',
    nodes: [
      { id: "in", kind: "input", title: "url", param: "url", position: { x: 0, y: 0 } },
      { id: "fetch", kind: "task", title: "Fetch", inputs: [{ name: "url", type: "string" }], output: "string", code: "return url;", position: { x: 200, y: 0 } },
      { id: "parse", kind: "task", title: "Parse", inputs: [{ name: "rows", type: "string" }], code: "return rows.length;", position: { x: 400, y: 0 } },
      { id: "check", kind: "branch", title: "Check", code: "return true;", position: { x: 400, y: 200 } },
      { id: "out", kind: "output", title: "Output", position: { x: 600, y: 0 } },
    ],
    edges: [
      { source: "in", target: "fetch", input: "url" },
      { source: "fetch", target: "parse", input: "rows" },
      { source: "parse", target: "out", input: "result" },
    ],
    ...extra,
  });
}

/** A store with a settable clock (starting at 1,000,000 ms). */
export function storeOf(graph: FlowGraph = sampleGraph(), flowId: string | null = "sample", options: DocumentStoreOptions = {}): { store: StoreApi<DocumentStore>; s: () => DocumentStore; clock: { t: number } } {
  const clock = { t: 1_000_000 };
  const store = createDocumentStore({ flowId, updatedAt: flowId === null ? null : 1, graph }, { now: () => clock.t, ...options });
  return { store, s: () => store.getState(), clock };
}

export function node(s: () => DocumentStore, id: string) {
  const found = s().graph.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}
