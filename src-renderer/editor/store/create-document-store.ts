/**
 * One zustand vanilla store per open flow document, made of slices that
 * share a kit (store-kit.ts): graph edits, node edits, the document (params,
 * save state, undo/redo), selection, clipboard and diagnostics.
 */
import type { StoreApi } from "zustand";
import { createStore } from "zustand/vanilla";
import type { FlowGraph } from "../../../shared/graph/model.ts";
import { clipboardSlice } from "./clipboard-slice.ts";
import { diagnosticsSlice } from "./diagnostics.ts";
import { documentSlice } from "./document-slice.ts";
import { graphSlice } from "./graph-slice.ts";
import { createHistory } from "./history.ts";
import { createIdSource } from "./naming.ts";
import { nodeEditSlice } from "./node-edit-slice.ts";
import { selectionSlice } from "./selection-slice.ts";
import { createKit, NOTHING_SELECTED } from "./store-kit.ts";
import type { DocumentState, DocumentStore } from "./types.ts";

export interface DocumentStoreInit {
  flowId: string | null;
  updatedAt: number | null;
  graph: FlowGraph;
}

export interface DocumentStoreOptions {
  /** The clock for merging typing into one step and for ids; tests pass their own. */
  now?: () => number;
  /** Undo steps kept (200). */
  historyLimit?: number;
  /** Edits to the same node's code within this long of each other are one step (1000 ms). */
  mergeWindowMs?: number;
}

export function createDocumentStore(init: DocumentStoreInit, options: DocumentStoreOptions = {}): StoreApi<DocumentStore> {
  const now = options.now ?? Date.now;
  const history = createHistory({ limit: options.historyLimit ?? 200, mergeWindowMs: options.mergeWindowMs ?? 1000 });
  const newId = createIdSource(now());
  return createStore<DocumentStore>()((set, get) => {
    const kit = createKit(set, get, { history, now, newId, newDocument: init.flowId === null ? init.graph : null });
    const state: DocumentState = {
      flowId: init.flowId,
      updatedAt: init.updatedAt,
      graph: init.graph,
      // A new document has no saved graph; it is clean until its first edit (see createKit's isDirty).
      savedGraph: init.flowId === null ? null : init.graph,
      dirty: false,
      selection: NOTHING_SELECTED,
      diagnostics: {},
      canUndo: false,
      canRedo: false,
    };
    return {
      ...state,
      ...graphSlice(kit),
      ...nodeEditSlice(kit),
      ...documentSlice(kit),
      ...selectionSlice(kit),
      ...clipboardSlice(kit),
      ...diagnosticsSlice(kit),
    };
  });
}
