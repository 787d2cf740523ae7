/** Automations read as sentences: "When nightly import run is Failed or Crashed → notify". */
import type { AutomationAction, AutomationEvent } from "../../shared/schedule/records.ts";

export type RuleState = AutomationEvent["states"][number];
export const RULE_STATES: readonly RuleState[] = ["COMPLETED", "FAILED", "CRASHED", "CANCELLED", "LATE"];

const STATE_WORDS: Record<RuleState, string> = { COMPLETED: "Completed", FAILED: "Failed", CRASHED: "Crashed", CANCELLED: "Cancelled", LATE: "Late" };

export function stateWords(states: readonly RuleState[]): string {
  const words = RULE_STATES.filter((s) => states.includes(s)).map((s) => STATE_WORDS[s]);
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

export function eventWords(when: AutomationEvent): string {
  const flow = when.flowName ? when.flowName : "any flow";
  const tags = when.tags?.length ? ` tagged ${when.tags.join(", ")}` : "";
  return `When ${flow} run${tags} is ${stateWords(when.states)}`;
}

/** The action in words; flows and schedules by name when the caller knows them. */
export function actionWords(then: AutomationAction, names: { flow?: (id: string) => string | undefined; schedule?: (id: string) => string | undefined } = {}): string {
  switch (then.kind) {
    case "start-flow": {
      const flow = names.flow?.(then.flowId) ?? then.flowId;
      return `start ${flow}${then.runIdParam ? ` with the run id as ${then.runIdParam}` : ""}`;
    }
    case "cancel-run":
      return "cancel the run";
    case "pause-schedule":
      return `pause schedule ${names.schedule?.(then.scheduleId) ?? then.scheduleId}`;
    case "notify":
      return then.title ? `notify “${then.title}”` : "notify";
    case "call-url":
      return `${then.method ?? "POST"} ${then.url}`;
  }
}
