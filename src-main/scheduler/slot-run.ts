/** The flow run a slot is before it starts: SCHEDULED, created at its slot time, so the runs view lists what is coming in order. */
import { emptyBatch, type FlowRunRecord, type WriteBatch } from "../../shared/store/types.ts";
import type { ScheduleRecord } from "../../shared/schedule/records.ts";
import type { StateType } from "../../shared/sdk/states.ts";

export function slotRun(schedule: ScheduleRecord, slotTime: number, runId: string, stateName: "Scheduled" | "Late", message: string | null): FlowRunRecord {
  return {
    id: runId,
    name: `${schedule.name} · ${new Date(slotTime).toISOString().slice(0, 16).replace("T", " ")}`,
    flowName: schedule.flowName,
    flowVersion: null,
    parentFlowRunId: null,
    parentTaskRunId: null,
    parameters: JSON.stringify(schedule.params),
    tags: ["scheduled"],
    stateType: "SCHEDULED",
    stateName,
    stateMessage: message ?? `Schedule '${schedule.name}'`,
    createdAt: slotTime,
    startTime: null,
    endTime: null,
    runCount: 0,
    error: null,
    resultPreview: null,
    // No owner: nobody is running it, so crash detection leaves it alone.
    owner: null,
  };
}

/** A batch moving a slot's run to a new state, with the transition in its history. */
export function slotRunChange(run: FlowRunRecord, type: StateType, name: string, message: string, at: number): WriteBatch {
  const terminal = type !== "SCHEDULED";
  const next: FlowRunRecord = { ...run, stateType: type, stateName: name, stateMessage: message, endTime: terminal ? at : null };
  return { ...emptyBatch(), flowRuns: [next], states: [{ runId: run.id, runKind: "flow", type, name, timestamp: at, message, error: type === "FAILED" ? { name: "Error", message } : null }] };
}
