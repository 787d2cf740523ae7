/**
 * A task run's attempts, from its state history: each Running (or Retrying)
 * starts one; the next AwaitingRetry or terminal state ends it.
 */
import type { SerializedErrorShape } from "../../../shared/api/records.ts";
import type { StateType } from "../../../shared/sdk/states.ts";
import type { StateRecord, TaskRunRecord } from "../../../shared/store/types.ts";

export interface Attempt {
  number: number;
  stateType: StateType;
  stateName: string;
  start: number | null;
  end: number | null;
  error: SerializedErrorShape | null;
}

export function attemptsOf(states: readonly Pick<StateRecord, "type" | "name" | "timestamp" | "error" | "message">[], run: Pick<TaskRunRecord, "stateType" | "stateName" | "startTime" | "endTime" | "error">): Attempt[] {
  const attempts: Attempt[] = [];
  let current: Attempt | null = null;
  for (const s of [...states].sort((a, b) => a.timestamp - b.timestamp)) {
    if (s.type === "RUNNING") {
      current = { number: attempts.length + 1, stateType: "RUNNING", stateName: s.name, start: s.timestamp, end: null, error: null };
      attempts.push(current);
    } else if (current && (s.name === "AwaitingRetry" || s.type === "COMPLETED" || s.type === "FAILED" || s.type === "CRASHED" || s.type === "CANCELLED")) {
      current.end = s.timestamp;
      current.stateType = s.name === "AwaitingRetry" ? "FAILED" : s.type;
      current.stateName = s.name === "AwaitingRetry" ? "Failed, retried" : s.name;
      current.error = s.error ?? null;
      current = null;
    } else if (!current && (s.type === "COMPLETED" || s.type === "FAILED")) {
      // A cached result or a failure before starting: one attempt that never ran.
      attempts.push({ number: attempts.length + 1, stateType: s.type, stateName: s.name, start: s.timestamp, end: s.timestamp, error: s.error ?? null });
    }
  }
  if (attempts.length === 0) attempts.push({ number: 1, stateType: run.stateType, stateName: run.stateName, start: run.startTime, end: run.endTime, error: run.error });
  return attempts;
}
