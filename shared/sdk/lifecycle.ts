import { serializeError } from "../errors.ts";
import type { StateRecord } from "../store/types.ts";
import type { FlowFrame } from "./context.ts";
import { UNRECORDED, type TaskRunHandle } from "./future.ts";
import { currentRecorder } from "./runtime.ts";
import { isTerminal } from "./states.ts";

/** Runs this process is executing now, so they can be ended honestly if it goes down. */
const flows = new Set<FlowFrame>();
const orphanTasks = new Set<TaskRunHandle>();
let activityListener: ((active: boolean) => void) | undefined;

/** The host is told when the process starts and stops having runs, to hold signal handlers only then. */
export function onActivityChange(listener: (active: boolean) => void): void {
  activityListener = listener;
}

function changed(before: number): void {
  const now = flows.size + orphanTasks.size;
  if ((before === 0) !== (now === 0)) activityListener?.(now > 0);
}

export function trackFlow(frame: FlowFrame, done: Promise<unknown>): void {
  const before = flows.size + orphanTasks.size;
  flows.add(frame);
  changed(before);
  void done.finally(() => {
    const size = flows.size + orphanTasks.size;
    flows.delete(frame);
    changed(size);
  });
}

export function trackOrphan(handle: TaskRunHandle): void {
  const before = flows.size + orphanTasks.size;
  orphanTasks.add(handle);
  changed(before);
  void handle.done.finally(() => {
    const size = flows.size + orphanTasks.size;
    orphanTasks.delete(handle);
    changed(size);
  });
}

export function hasActiveRuns(): boolean {
  return flows.size + orphanTasks.size > 0;
}

/** Top-level flow runs in progress (subflows follow their parent). */
export function activeRootFlows(): FlowFrame[] {
  return [...flows].filter((f) => f.record.parentFlowRunId === null);
}

/**
 * The process is going down with runs in flight: mark every one Crashed and write
 * that synchronously, since nothing after this point can be awaited.
 */
export function crashActiveRunsSync(message: string): number {
  const recorder = currentRecorder();
  if (!recorder) return 0;
  const now = Date.now();
  let count = 0;
  const error = serializeError(new Error(message));
  const crash = (kind: "flow" | "task", record: { id: string; stateType: string; stateName: string; stateMessage: string | null; endTime: number | null; error: unknown }): void => {
    if (isTerminal(record.stateType as StateRecord["type"])) return;
    record.stateType = "CRASHED";
    record.stateName = "Crashed";
    record.stateMessage = message;
    record.endTime = now;
    record.error = error;
    const state: StateRecord = { runId: record.id, runKind: kind, type: "CRASHED", name: "Crashed", timestamp: now, message, error };
    recorder.state(state);
    count++;
  };
  for (const frame of flows) {
    crash("flow", frame.record);
    recorder.flowRun(frame.record);
    for (const handle of frame.inFlight) {
      if (handle.record === UNRECORDED) continue; // never written, so nothing to mark
      crash("task", handle.record);
      recorder.taskRun(handle.record);
    }
  }
  for (const handle of orphanTasks) {
    crash("task", handle.record);
    recorder.taskRun(handle.record);
  }
  recorder.flushSync();
  return count;
}
