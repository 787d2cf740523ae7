import { describe, expect, it } from "vitest";
import type { FlowParam } from "../../shared/graph/model.ts";
import type { AutomationEvent } from "../../shared/schedule/records.ts";
import { startFlowParams } from "./actions.ts";
import { automationStateOf, matchesEvent } from "./match.ts";

const run = (flowName: string, tags: string[] = []) => ({ flowName, tags });
const state = (stateType: string, stateName = stateType[0] + stateType.slice(1).toLowerCase()) => ({ stateType, stateName });
const when = (partial: Partial<AutomationEvent>): AutomationEvent => ({ kind: "flow-run-state", states: ["FAILED"], ...partial });

describe("matching automations", () => {
  it("reads Late as SCHEDULED named Late, and ignores states that are not events", () => {
    expect(automationStateOf("SCHEDULED", "Late")).toBe("LATE");
    expect(automationStateOf("SCHEDULED", "Scheduled")).toBeNull();
    expect(automationStateOf("SCHEDULED", "AwaitingRetry")).toBeNull();
    expect(automationStateOf("RUNNING", "Running")).toBeNull();
    expect(automationStateOf("PENDING", "Pending")).toBeNull();
    expect(automationStateOf("CANCELLING", "Cancelling")).toBeNull();
    for (const type of ["COMPLETED", "FAILED", "CRASHED", "CANCELLED"]) expect(automationStateOf(type, "Any name")).toBe(type);
  });

  it("matches the flow name when given, any flow when not", () => {
    expect(matchesEvent(when({ flowName: "a" }), run("a"), state("FAILED"))).toBe(true);
    expect(matchesEvent(when({ flowName: "a" }), run("b"), state("FAILED"))).toBe(false);
    expect(matchesEvent(when({}), run("b"), state("FAILED"))).toBe(true);
  });

  it("needs every tag", () => {
    const w = when({ tags: ["prod", "etl"] });
    expect(matchesEvent(w, run("a", ["etl", "prod", "eu"]), state("FAILED"))).toBe(true);
    expect(matchesEvent(w, run("a", ["prod"]), state("FAILED"))).toBe(false);
    expect(matchesEvent(w, run("a"), state("FAILED"))).toBe(false);
  });

  it("matches only the listed states, whatever their names", () => {
    const w = when({ states: ["FAILED", "CRASHED", "LATE"] });
    expect(matchesEvent(w, run("a"), state("FAILED", "TimedOut"))).toBe(true);
    expect(matchesEvent(w, run("a"), state("CRASHED"))).toBe(true);
    expect(matchesEvent(w, run("a"), state("SCHEDULED", "Late"))).toBe(true);
    expect(matchesEvent(w, run("a"), state("SCHEDULED"))).toBe(false);
    expect(matchesEvent(w, run("a"), state("COMPLETED"))).toBe(false);
    expect(matchesEvent(w, run("a"), state("CANCELLED"))).toBe(false);
    expect(matchesEvent(w, run("a"), state("RUNNING"))).toBe(false);
  });
});

describe("a started flow's parameters", () => {
  const declared: FlowParam[] = [
    { name: "sourceRunId", type: "string" },
    { name: "rows", type: "number", default: 0 },
    { name: "region", type: "string", default: "eu" },
  ];

  it("merges the source run's id and result into the action's params", () => {
    const check = startFlowParams({ kind: "start-flow", flowId: "b", params: { region: "us" }, resultParam: "rows" }, declared, "run-1", { value: 42 });
    expect(check).toEqual({ ok: true, params: { region: "us", sourceRunId: "run-1", rows: 42 } });
  });

  it("uses a named run id parameter", () => {
    const check = startFlowParams({ kind: "start-flow", flowId: "b", runIdParam: "upstream" }, [{ name: "upstream", type: "string" }], "run-1", undefined);
    expect(check).toEqual({ ok: true, params: { upstream: "run-1" } });
  });

  it("leaves out the default sourceRunId when a graph flow does not declare it, and passes it to code flows", () => {
    expect(startFlowParams({ kind: "start-flow", flowId: "b" }, [{ name: "region", type: "string", default: "eu" }], "run-1", undefined)).toEqual({ ok: true, params: {} });
    expect(startFlowParams({ kind: "start-flow", flowId: "b" }, null, "run-1", undefined)).toEqual({ ok: true, params: { sourceRunId: "run-1" } });
  });

  it("names each field the flow would refuse", () => {
    const check = startFlowParams({ kind: "start-flow", flowId: "b", resultParam: "rows" }, declared, "run-1", { value: "many" });
    expect(check).toEqual({ ok: false, problems: ['rows: must be a number, not "many"'] });
    const unknown = startFlowParams({ kind: "start-flow", flowId: "b", params: { colour: 1 } }, declared, "run-1", undefined);
    expect(unknown.ok ? [] : unknown.problems).toEqual([expect.stringMatching(/^colour: the flow has no parameter 'colour'/)]);
  });

  it("does not check the result before it is known (when an automation is saved)", () => {
    const check = startFlowParams({ kind: "start-flow", flowId: "b", resultParam: "total" }, [{ name: "sourceRunId", type: "string" }, { name: "total", type: "number" }], "run-id", undefined);
    expect(check.ok).toBe(true);
  });
});
