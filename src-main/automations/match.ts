/** Which automations a flow run's state fires. Pure, so it is tested without a host. */
import type { AutomationEvent } from "../../shared/schedule/records.ts";
import type { FlowRunRecord } from "../../shared/store/types.ts";

export type AutomationState = AutomationEvent["states"][number];

/** The automation state a run's state is, if any: Late is SCHEDULED named Late. */
export function automationStateOf(stateType: string, stateName: string): AutomationState | null {
  if (stateType === "SCHEDULED") return stateName === "Late" ? "LATE" : null;
  if (stateType === "COMPLETED" || stateType === "FAILED" || stateType === "CRASHED" || stateType === "CANCELLED") return stateType;
  return null;
}

/** Whether the event fires for this run in this state: its flow, every tag, and the state. */
export function matchesEvent(when: AutomationEvent, run: Pick<FlowRunRecord, "flowName" | "tags">, state: { stateType: string; stateName: string }): boolean {
  if (when.flowName !== undefined && when.flowName !== run.flowName) return false;
  if (when.tags?.some((tag) => !run.tags.includes(tag))) return false;
  const as = automationStateOf(state.stateType, state.stateName);
  return as !== null && when.states.includes(as);
}
