/**
 * What a node on the canvas shows during and after a run, from the task runs
 * recorded for it. A node of a map has many task runs: it shows the worst
 * state among them and how many are done.
 */
import type { FlowRunRecord, TaskRunRecord } from "../../../shared/store/types.ts";

export type NodeRunPhase = "pending" | "running" | "retrying" | "completed" | "cached" | "failed" | "cancelled" | "skipped";

export interface NodeRunStatus {
  phase: NodeRunPhase;
  /** When the current attempt started, for a live elapsed time. */
  startTime: number | null;
  endTime: number | null;
  /** 1-based attempt of the latest task run, and how many are allowed. */
  attempt: number;
  maxAttempts: number;
  /** For map nodes: how many task runs ended, of how many. */
  done: number;
  total: number;
  message: string | null;
}

/** Which phase wins when a node has several task runs: the one a user must see first. */
const PRIORITY: NodeRunPhase[] = ["failed", "retrying", "running", "pending", "cancelled", "completed", "cached", "skipped"];

export function phaseOf(run: Pick<TaskRunRecord, "stateType" | "stateName">): NodeRunPhase {
  switch (run.stateType) {
    case "COMPLETED":
      return run.stateName === "Cached" ? "cached" : "completed";
    case "FAILED":
    case "CRASHED":
      return run.stateName === "UpstreamFailed" ? "skipped" : "failed";
    case "CANCELLED":
    case "CANCELLING":
      return "cancelled";
    case "RUNNING":
      return run.stateName === "Retrying" ? "retrying" : "running";
    case "SCHEDULED":
      return run.stateName === "AwaitingRetry" ? "retrying" : "pending";
    case "PENDING":
    case "PAUSED":
      return "pending";
  }
}

/**
 * The node's status, or null when it has not run in this flow run. A node
 * with no task run while the flow is still going is pending; once the flow
 * ended it never ran (a branch not taken, a failure upstream).
 */
export function nodeStatus(taskRuns: readonly TaskRunRecord[] | undefined, flowRun: Pick<FlowRunRecord, "stateType"> | null): NodeRunStatus | null {
  if (!taskRuns || taskRuns.length === 0) {
    if (flowRun && (flowRun.stateType === "RUNNING" || flowRun.stateType === "PENDING" || flowRun.stateType === "SCHEDULED")) {
      return { phase: "pending", startTime: null, endTime: null, attempt: 0, maxAttempts: 0, done: 0, total: 0, message: null };
    }
    return null;
  }
  let worst: TaskRunRecord = taskRuns[0]!;
  let done = 0;
  for (const run of taskRuns) {
    if (PRIORITY.indexOf(phaseOf(run)) < PRIORITY.indexOf(phaseOf(worst))) worst = run;
    if (run.endTime !== null) done++;
  }
  const latest = taskRuns.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
  return {
    phase: phaseOf(worst),
    startTime: worst.startTime,
    endTime: taskRuns.length === 1 ? worst.endTime : done === taskRuns.length ? Math.max(...taskRuns.map((r) => r.endTime ?? 0)) : null,
    attempt: Math.max(1, latest.runCount),
    maxAttempts: latest.maxRetries + 1,
    done,
    total: taskRuns.length,
    message: worst.stateMessage ?? worst.error?.message ?? null,
  };
}
