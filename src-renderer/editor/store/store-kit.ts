/**
 * What the store's slices share: one way to change the graph (`commit`, one
 * undo step), the history, the clock and the id source. Slices are functions
 * from this kit to a part of DocumentActions.
 */
import type { FlowGraph } from "../../../shared/graph/model.ts";
import { jsonEqual } from "./equal.ts";
import { pruneSelection } from "./graph-edits.ts";
import type { History, Snapshot } from "./history.ts";
import type { DocumentActions, DocumentState, DocumentStore, Selection } from "./types.ts";

export interface StoreKit {
  get(): DocumentStore;
  set(patch: Partial<DocumentState>): void;
  now(): number;
  newId(taken: { has(id: string): boolean }): string;
  history: History;
  /**
   * Makes `graph` the document's graph as one undo step (or as part of the
   * last step, if it had the same `mergeKey` and came within the merge
   * window). Nothing happens when `graph` is the current graph. The selection
   * is `selection`, else the current one without what no longer exists.
   */
  commit(graph: FlowGraph, options?: { selection?: Selection; mergeKey?: string }): void;
  /** Shows a snapshot without recording a step (undo, redo, a drag in progress). */
  show(snapshot: Partial<Snapshot>): void;
  /** Ends a drag that is going on: the positions since its start become one step. */
  finishDrag(): void;
  snapshot(): Snapshot;
  /** Whether `graph` differs by value from the saved one (for a new document: from the graph it was made with). */
  isDirty(graph: FlowGraph): boolean;
}

export type Slice<K extends keyof DocumentActions> = (kit: StoreKit) => Pick<DocumentActions, K>;

export const NOTHING_SELECTED: Selection = Object.freeze({ nodes: Object.freeze([]), edges: Object.freeze([]) });

export function createKit(
  set: (patch: Partial<DocumentState>) => void,
  get: () => DocumentStore,
  deps: { history: History; now: () => number; newId: StoreKit["newId"]; newDocument: FlowGraph | null },
): StoreKit {
  const { history, now, newId } = deps;
  // A new document is clean at the graph it was made with, until its first save.
  const isDirty = (graph: FlowGraph): boolean => {
    const clean = get().savedGraph ?? deps.newDocument;
    return clean === null || (graph !== clean && !jsonEqual(graph, clean));
  };
  const kit: StoreKit = {
    get,
    set,
    now,
    newId,
    history,
    isDirty,
    snapshot: () => ({ graph: get().graph, selection: get().selection }),
    show({ graph, selection }) {
      const s = get();
      const nextGraph = graph ?? s.graph;
      set({
        graph: nextGraph,
        selection: selection ?? pruneSelection(s.selection, nextGraph),
        dirty: nextGraph === s.graph ? s.dirty : isDirty(nextGraph),
        canUndo: history.canUndo,
        canRedo: history.canRedo,
      });
    },
    finishDrag() {
      const start = history.dragStart;
      if (!start) return;
      history.dragStart = null;
      // A drag that ends where it began is no step.
      if (jsonEqual(start.graph, get().graph)) return;
      history.record(start, now());
      set({ canUndo: history.canUndo, canRedo: history.canRedo });
    },
    commit(graph, { selection, mergeKey } = {}) {
      kit.finishDrag();
      const before = kit.snapshot();
      if (graph === before.graph) {
        if (selection) set({ selection });
        return;
      }
      history.record(before, now(), mergeKey);
      kit.show({ graph, ...(selection ? { selection } : {}) });
    },
  };
  return kit;
}
