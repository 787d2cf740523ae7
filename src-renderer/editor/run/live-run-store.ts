/**
 * The run the editor is showing: its flow run, task runs and logs as events
 * bring them, and each node's status derived from them. Statuses of nodes
 * whose task runs did not change keep their identity, so only the nodes
 * that changed re-render on the canvas.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { ApiEvent } from "../../../shared/api/events.ts";
import { taskRunsByNode } from "../../../shared/graph/run-graph.ts";
import type { FlowGraph } from "../../../shared/graph/model.ts";
import type { FlowRunRecord, StoredLog, TaskRunRecord } from "../../../shared/store/types.ts";
import { nodeStatus, type NodeRunStatus } from "./node-status.ts";

/** Lines kept in memory for the node details; the run page pages through all of them. */
export const LOG_KEEP = 20_000;

export interface LiveRunState {
  runId: string | null;
  flowRun: FlowRunRecord | null;
  taskRuns: ReadonlyMap<string, TaskRunRecord>;
  byNode: ReadonlyMap<string, TaskRunRecord[]>;
  statuses: ReadonlyMap<string, NodeRunStatus>;
  logs: readonly StoredLog[];
  show(runId: string): void;
  /** Merges a snapshot or a batch of events; older copies of a record never replace newer ones. */
  merge(update: { flowRun?: FlowRunRecord; taskRuns?: readonly TaskRunRecord[]; logs?: readonly StoredLog[] }, graph: FlowGraph): void;
  applyEvents(events: readonly ApiEvent[], graph: FlowGraph): void;
  clear(): void;
}

export function createLiveRunStore(): StoreApi<LiveRunState> {
  const empty = { runId: null, flowRun: null, taskRuns: new Map(), byNode: new Map(), statuses: new Map(), logs: [] };
  return createStore<LiveRunState>()((set, get) => ({
    ...empty,
    show: (runId) => set({ ...empty, runId }),
    clear: () => set(empty),
    applyEvents: (events, graph) => {
      const runId = get().runId;
      let flowRun: FlowRunRecord | undefined;
      const taskRuns: TaskRunRecord[] = [];
      const logs: StoredLog[] = [];
      for (const e of events) {
        if (e.type === "flow-run" && e.run.id === runId) flowRun = e.run as FlowRunRecord;
        else if (e.type === "task-run" && e.taskRun.flowRunId === runId) taskRuns.push(e.taskRun as TaskRunRecord);
        else if (e.type === "log") logs.push(e.log as StoredLog);
      }
      get().merge({ ...(flowRun ? { flowRun } : {}), taskRuns, logs }, graph);
    },
    merge: (update, graph) => {
      const state = get();
      const flowRun = update.flowRun && (!state.flowRun || !isOlder(update.flowRun, state.flowRun)) ? update.flowRun : state.flowRun;
      let taskRuns = state.taskRuns;
      if (update.taskRuns?.length) {
        const next = new Map(taskRuns);
        for (const run of update.taskRuns) {
          const known = next.get(run.id);
          if (!known || !isOlder(run, known)) next.set(run.id, run);
        }
        taskRuns = next;
      }
      const logs = update.logs?.length ? mergeLogs(state.logs, update.logs) : state.logs;
      const byNode = taskRuns === state.taskRuns ? state.byNode : taskRunsByNode(graph, [...taskRuns.values()]);
      set({ flowRun, taskRuns, logs, byNode, statuses: statusesFor(graph, byNode, flowRun, state.statuses) });
    },
  }));
}

const RANK: Record<string, number> = { SCHEDULED: 0, PENDING: 1, PAUSED: 1, RUNNING: 2, CANCELLING: 3, COMPLETED: 4, FAILED: 4, CRASHED: 4, CANCELLED: 4 };

/** Records carry no version: a later attempt, then a later phase, then an end time, is newer. */
export function isOlder(a: Pick<TaskRunRecord, "runCount" | "stateType" | "endTime" | "startTime">, b: typeof a): boolean {
  if (a.runCount !== b.runCount) return a.runCount < b.runCount;
  if (RANK[a.stateType] !== RANK[b.stateType]) return RANK[a.stateType]! < RANK[b.stateType]!;
  if ((a.endTime === null) !== (b.endTime === null)) return a.endTime === null;
  return (a.startTime ?? 0) < (b.startTime ?? 0);
}

function mergeLogs(known: readonly StoredLog[], incoming: readonly StoredLog[]): StoredLog[] {
  const last = known.length ? known[known.length - 1]!.id : -1;
  const fresh = incoming.filter((l) => l.id > last).sort((a, b) => a.id - b.id);
  const all = fresh.length ? [...known, ...fresh] : [...known];
  return all.length > LOG_KEEP ? all.slice(all.length - LOG_KEEP) : all;
}

function statusesFor(graph: FlowGraph, byNode: ReadonlyMap<string, TaskRunRecord[]>, flowRun: FlowRunRecord | null, previous: ReadonlyMap<string, NodeRunStatus>): Map<string, NodeRunStatus> {
  const out = new Map<string, NodeRunStatus>();
  for (const node of graph.nodes) {
    if (node.kind === "input" || node.kind === "output") continue;
    const status = nodeStatus(byNode.get(node.id), flowRun);
    if (!status) continue;
    const before = previous.get(node.id);
    out.set(node.id, before && sameStatus(before, status) ? before : status);
  }
  return out;
}

function sameStatus(a: NodeRunStatus, b: NodeRunStatus): boolean {
  return a.phase === b.phase && a.startTime === b.startTime && a.endTime === b.endTime && a.attempt === b.attempt && a.maxAttempts === b.maxAttempts && a.done === b.done && a.total === b.total && a.message === b.message;
}
