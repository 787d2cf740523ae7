import { describe, expect, it } from "vitest";
import type { TaskRunRecord } from "../../../shared/store/types.ts";
import { nodeStatus, phaseOf } from "./node-status.ts";

let n = 0;
function taskRun(patch: Partial<TaskRunRecord>): TaskRunRecord {
  n++;
  return {
    id: `t${n}`, name: `work-${n}`, taskName: "work", flowRunId: "f", parentTaskRunId: null, tags: [], stateType: "COMPLETED", stateName: "Completed", stateMessage: null,
    createdAt: n, startTime: n, endTime: n + 1, runCount: 1, maxRetries: 0, cacheKey: null, upstream: [], inputsPreview: null, resultPreview: null, error: null, owner: null,
    ...patch,
  } as TaskRunRecord;
}

describe("a node's run status", () => {
  it("names each recorded state as the canvas shows it", () => {
    expect(phaseOf({ stateType: "RUNNING", stateName: "Running" })).toBe("running");
    expect(phaseOf({ stateType: "RUNNING", stateName: "Retrying" })).toBe("retrying");
    expect(phaseOf({ stateType: "SCHEDULED", stateName: "AwaitingRetry" })).toBe("retrying");
    expect(phaseOf({ stateType: "COMPLETED", stateName: "Cached" })).toBe("cached");
    expect(phaseOf({ stateType: "FAILED", stateName: "UpstreamFailed" })).toBe("skipped");
    expect(phaseOf({ stateType: "CRASHED", stateName: "Crashed" })).toBe("failed");
    expect(phaseOf({ stateType: "CANCELLED", stateName: "Cancelled" })).toBe("cancelled");
  });

  it("counts attempts: the second of three while retrying", () => {
    const status = nodeStatus([taskRun({ stateType: "RUNNING", stateName: "Retrying", runCount: 2, maxRetries: 2, endTime: null })], { stateType: "RUNNING" });
    expect(status).toMatchObject({ phase: "retrying", attempt: 2, maxAttempts: 3 });
  });

  it("shows a map node's worst state and how many of its runs are done", () => {
    const status = nodeStatus([taskRun({}), taskRun({ stateType: "FAILED", stateName: "Failed", stateMessage: "boom" }), taskRun({ stateType: "RUNNING", stateName: "Running", endTime: null })], { stateType: "RUNNING" });
    expect(status).toMatchObject({ phase: "failed", done: 2, total: 3, message: "boom" });
  });

  it("is pending while the flow runs and the node has not started, and nothing once the flow ended without it", () => {
    expect(nodeStatus(undefined, { stateType: "RUNNING" })?.phase).toBe("pending");
    expect(nodeStatus([], { stateType: "COMPLETED" })).toBeNull();
    expect(nodeStatus(undefined, null)).toBeNull();
  });
});
