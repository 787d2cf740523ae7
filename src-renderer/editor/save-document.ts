/**
 * Saving writes the flow's .ts file through the API. The host refuses a graph
 * whose file would not read back as the same graph, and a file changed on
 * disk since it was opened; both come back as errors the page explains.
 */
import type { StoreApi } from "zustand";
import type { ApiClient } from "../../shared/api/client.ts";
import type { FlowDetail } from "../../shared/api/contract.ts";
import { ApiError } from "../../shared/api/errors.ts";
import type { DocumentStore } from "./store/types.ts";

export type SaveOutcome =
  | { status: "saved"; flow: FlowDetail; created: boolean }
  | { status: "conflict"; message: string }
  | { status: "invalid"; message: string }
  | { status: "failed"; message: string };

export async function saveDocument(client: ApiClient, store: StoreApi<DocumentStore>, options: { overwrite?: boolean } = {}): Promise<SaveOutcome> {
  const { flowId, graph, updatedAt } = store.getState();
  try {
    const flow = await client.call(
      "flows.save",
      flowId === null ? { graph } : { id: flowId, graph, ...(updatedAt !== null && !options.overwrite ? { ifUnchangedSince: updatedAt } : {}) },
    );
    // The graph saved is the one in the store when the call began; edits made meanwhile stay dirty.
    const saved = store.getState().graph === graph;
    store.getState().markSaved({ flowId: flow.id, updatedAt: flow.updatedAt, ...(saved ? {} : { graph }) });
    return { status: "saved", flow, created: flowId === null };
  } catch (error) {
    if (error instanceof ApiError && error.code === "conflict") return { status: "conflict", message: error.message };
    if (error instanceof ApiError && error.code === "graph-invalid") return { status: "invalid", message: error.message };
    return { status: "failed", message: (error as Error).message };
  }
}
