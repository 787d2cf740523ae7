/** The "New automation" form as data, and its way to the API's event and action. */
import type { AutomationAction, AutomationEvent } from "../../shared/schedule/records.ts";
import type { RuleState } from "./rule-words.ts";

export type ActionKind = AutomationAction["kind"];

export interface AutomationDraft {
  name: string;
  /** "" for any flow. */
  flowName: string;
  /** Comma-separated. */
  tags: string;
  states: RuleState[];
  action: ActionKind;
  startFlowId: string;
  runIdParam: string;
  scheduleId: string;
  notifyTitle: string;
  notifyBody: string;
  url: string;
  method: "POST" | "PUT" | "GET";
}

export const EMPTY_DRAFT: AutomationDraft = {
  name: "",
  flowName: "",
  tags: "",
  states: ["FAILED"],
  action: "notify",
  startFlowId: "",
  runIdParam: "",
  scheduleId: "",
  notifyTitle: "",
  notifyBody: "",
  url: "",
  method: "POST",
};

export type AutomationInput = { name: string; when: AutomationEvent; then: AutomationAction };
export type DraftResult = { ok: true; input: AutomationInput } | { ok: false; errors: Partial<Record<keyof AutomationDraft, string>> };

export function draftToAutomation(d: AutomationDraft): DraftResult {
  const errors: Partial<Record<keyof AutomationDraft, string>> = {};
  if (!d.name.trim()) errors.name = "Give the automation a name";
  if (d.states.length === 0) errors.states = "Pick at least one state";
  const tags = d.tags.split(",").map((t) => t.trim()).filter(Boolean);
  let then: AutomationAction | null = null;
  switch (d.action) {
    case "start-flow":
      if (!d.startFlowId) errors.startFlowId = "Pick the flow to start";
      else then = { kind: "start-flow", flowId: d.startFlowId, ...(d.runIdParam ? { runIdParam: d.runIdParam } : {}) };
      break;
    case "cancel-run":
      then = { kind: "cancel-run" };
      break;
    case "pause-schedule":
      if (!d.scheduleId) errors.scheduleId = "Pick the schedule to pause";
      else then = { kind: "pause-schedule", scheduleId: d.scheduleId };
      break;
    case "notify":
      then = { kind: "notify", ...(d.notifyTitle.trim() ? { title: d.notifyTitle.trim() } : {}), ...(d.notifyBody.trim() ? { body: d.notifyBody.trim() } : {}) };
      break;
    case "call-url":
      if (!/^https?:\/\/\S+$/i.test(d.url.trim())) errors.url = "Give a full URL starting with http:// or https://";
      else then = { kind: "call-url", url: d.url.trim(), method: d.method };
      break;
  }
  if (Object.keys(errors).length || !then) return { ok: false, errors };
  const when: AutomationEvent = { kind: "flow-run-state", states: d.states, ...(d.flowName ? { flowName: d.flowName } : {}), ...(tags.length ? { tags } : {}) };
  return { ok: true, input: { name: d.name.trim(), when, then } };
}
