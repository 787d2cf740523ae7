import type { SerializedError } from "../errors.ts";
import type { FlowRunRecord, StateRecord, TaskRunRecord } from "../store/types.ts";
import { emit, hasListeners } from "./events.ts";
import { getRecorder } from "./runtime.ts";
import type { State, StateName, StateType } from "./states.ts";

export interface TransitionExtra<R> {
  message?: string;
  error?: SerializedError;
  result?: R;
}

type Target = { kind: "flow"; record: FlowRunRecord } | { kind: "task"; record: TaskRunRecord };

/** Moves a run to a new state: updates its row, appends the transition, tells listeners. */
export function transition<R>(target: Target, type: StateType, name: StateName, extra: TransitionExtra<R> = {}): State<R> {
  const record = target.record;
  const timestamp = Date.now();
  const message = extra.message ?? null;
  record.stateType = type;
  record.stateName = name;
  record.stateMessage = message;
  const stateRecord: StateRecord = { runId: record.id, runKind: target.kind, type, name, timestamp, message, error: extra.error ?? null };
  const recorder = getRecorder();
  if (target.kind === "flow") recorder.flowRun(target.record);
  else recorder.taskRun(target.record);
  recorder.state(stateRecord);
  if (hasListeners()) {
    if (target.kind === "flow") emit({ kind: "flow-run-state", run: target.record, state: stateRecord });
    else emit({ kind: "task-run-state", run: target.record, state: stateRecord });
  }
  const state: { -readonly [K in keyof State<R>]: State<R>[K] } = { type, name, timestamp };
  if (extra.message !== undefined) state.message = extra.message;
  if (extra.error !== undefined) state.error = extra.error;
  if ("result" in extra) state.result = extra.result;
  return state;
}
