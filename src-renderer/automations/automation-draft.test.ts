import { describe, expect, it } from "vitest";
import { draftToAutomation, EMPTY_DRAFT } from "./automation-draft.ts";
import { actionWords, eventWords } from "./rule-words.ts";

describe("the automation form", () => {
  it("makes the event and action the API takes", () => {
    const result = draftToAutomation({ ...EMPTY_DRAFT, name: " Report ", flowName: "nightly import", tags: "prod, eu ,", states: ["FAILED", "CRASHED"], action: "start-flow", startFlowId: "report", runIdParam: "source" });
    expect(result).toEqual({
      ok: true,
      input: {
        name: "Report",
        when: { kind: "flow-run-state", flowName: "nightly import", tags: ["prod", "eu"], states: ["FAILED", "CRASHED"] },
        then: { kind: "start-flow", flowId: "report", runIdParam: "source" },
      },
    });
  });

  it("leaves out any flow, no tags and empty notify texts", () => {
    expect(draftToAutomation({ ...EMPTY_DRAFT, name: "n" })).toEqual({ ok: true, input: { name: "n", when: { kind: "flow-run-state", states: ["FAILED"] }, then: { kind: "notify" } } });
  });

  it("names what is missing", () => {
    expect(draftToAutomation({ ...EMPTY_DRAFT, states: [], action: "call-url", url: "example.com" })).toEqual({
      ok: false,
      errors: { name: expect.any(String), states: expect.any(String), url: expect.stringContaining("http") },
    });
    expect(draftToAutomation({ ...EMPTY_DRAFT, name: "n", action: "pause-schedule" })).toMatchObject({ ok: false, errors: { scheduleId: expect.any(String) } });
  });
});

describe("rules in words", () => {
  it("reads the event", () => {
    expect(eventWords({ kind: "flow-run-state", flowName: "etl", states: ["FAILED", "COMPLETED"] })).toBe("When etl run is Completed or Failed");
    expect(eventWords({ kind: "flow-run-state", tags: ["prod"], states: ["CRASHED", "FAILED", "LATE"] })).toBe("When any flow run tagged prod is Failed, Crashed or Late");
  });

  it("reads the action, with names when known", () => {
    expect(actionWords({ kind: "start-flow", flowId: "report", runIdParam: "source" }, { flow: () => "weekly report" })).toBe("start weekly report with the run id as source");
    expect(actionWords({ kind: "pause-schedule", scheduleId: "s1" })).toBe("pause schedule s1");
    expect(actionWords({ kind: "call-url", url: "https://x.test/hook" })).toBe("POST https://x.test/hook");
    expect(actionWords({ kind: "notify", title: "Failed" })).toBe("notify “Failed”");
  });
});
