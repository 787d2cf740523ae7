/**
 * Undo and redo as stacks of snapshots (graph and selection). Snapshots share
 * structure with each other, so a step costs the objects it changed, not a
 * copy of the graph. Two kinds of step span several changes: typing (edits
 * with the same merge key within `mergeWindowMs` of each other) and dragging
 * (the snapshot from before the drag is recorded when the drag ends).
 */
import type { FlowGraph } from "../../../shared/graph/model.ts";
import type { Selection } from "./types.ts";

export interface Snapshot {
  readonly graph: FlowGraph;
  readonly selection: Selection;
}

export interface HistoryOptions {
  /** Steps kept; the oldest are dropped beyond it. */
  limit?: number;
  mergeWindowMs?: number;
}

export interface History {
  /** Records the state before a change; a change with the merge key of the last one, soon enough after it, joins that step. */
  record(before: Snapshot, at: number, mergeKey?: string): void;
  /** Returns the snapshot to go back to, keeping `current` for redo; null when there is nothing to undo. */
  undo(current: Snapshot): Snapshot | null;
  redo(current: Snapshot): Snapshot | null;
  /** The next change starts a new step even if it has the same merge key. */
  breakMerge(): void;
  /** The snapshot from before an unfinished drag, if one is going on. */
  dragStart: Snapshot | null;
  clear(): void;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

export function createHistory({ limit = 200, mergeWindowMs = 1000 }: HistoryOptions = {}): History {
  let past: Snapshot[] = [];
  let future: Snapshot[] = [];
  let merge: { key: string; at: number } | null = null;
  return {
    dragStart: null,
    record(before, at, mergeKey) {
      future = [];
      if (mergeKey !== undefined && merge?.key === mergeKey && at - merge.at <= mergeWindowMs && past.length > 0) {
        merge.at = at;
        return;
      }
      merge = mergeKey === undefined ? null : { key: mergeKey, at };
      past.push(before);
      if (past.length > limit) past = past.slice(past.length - limit);
    },
    undo(current) {
      const previous = past.pop();
      merge = null;
      if (!previous) return null;
      future.push(current);
      return previous;
    },
    redo(current) {
      const next = future.pop();
      merge = null;
      if (!next) return null;
      past.push(current);
      return next;
    },
    breakMerge() {
      merge = null;
    },
    clear() {
      past = [];
      future = [];
      merge = null;
      this.dragStart = null;
    },
    get canUndo() {
      return past.length > 0;
    },
    get canRedo() {
      return future.length > 0;
    },
  };
}
