/**
 * Opening a flow: a graph gets a document store; a file the canvas cannot show
 * opens as code. A document that was just saved for the first time is handed
 * over to the page of its new id, so its undo history survives.
 */
import type { StoreApi } from "zustand";
import type { ApiClient } from "../../shared/api/client.ts";
import type { FlowDetail } from "../../shared/api/contract.ts";
import type { FlowGraph } from "../../shared/graph/model.ts";
import { createDocumentStore } from "./store/create-document-store.ts";
import type { DocumentStore } from "./store/types.ts";

export type OpenedDocument = { kind: "graph"; store: StoreApi<DocumentStore> } | { kind: "code"; flow: FlowDetail };

const handedOver = new Map<string, StoreApi<DocumentStore>>();

export function handOver(flowId: string, store: StoreApi<DocumentStore>): void {
  handedOver.set(flowId, store);
}

export async function openDocument(client: ApiClient, flowId: string | null): Promise<OpenedDocument> {
  if (flowId === null) return { kind: "graph", store: createDocumentStore({ flowId: null, updatedAt: null, graph: emptyGraph(await freshName(client)) }) };
  const kept = handedOver.get(flowId);
  if (kept) {
    handedOver.delete(flowId);
    return { kind: "graph", store: kept };
  }
  const flow = await client.call("flows.get", { id: flowId });
  if (!flow.graph) return { kind: "code", flow };
  return { kind: "graph", store: createDocumentStore({ flowId: flow.id, updatedAt: flow.updatedAt, graph: flow.graph }) };
}

export function emptyGraph(name: string): FlowGraph {
  return { name, params: [], options: {}, header: "", nodes: [], edges: [] };
}

/** "Untitled flow", or "Untitled flow 2" when that file exists: the first save must not collide. */
async function freshName(client: ApiClient): Promise<string> {
  const ids = new Set((await client.call("flows.list", {}).catch(() => ({ flows: [] }))).flows.map((f) => f.id));
  let n = 1;
  while (ids.has(n === 1 ? "untitled-flow" : `untitled-flow-${n}`)) n++;
  return n === 1 ? "Untitled flow" : `Untitled flow ${n}`;
}
