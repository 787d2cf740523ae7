import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryStore } from "../../shared/store/memory.ts";
import { emptyBatch, type FlowRunRecord, type RunStore, type TaskRunRecord } from "../../shared/store/types.ts";
import { openSqliteStore } from "../store/sqlite/index.ts";
import { endRun } from "./end-run.ts";
import type { RunEnding } from "./ending.ts";
import { pendingFlowRun } from "./run-record.ts";

const dir = mkdtempSync(join(tmpdir(), "flowbench-end-run-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stores: [string, () => RunStore][] = [
  ["memory", () => new MemoryStore()],
  ["sqlite", () => openSqliteStore(join(dir, `${Math.random().toString(36).slice(2)}.db`))],
];

const crash: RunEnding = { type: "CRASHED", message: "The run's worker exited with code 1 (process.exit was called in the flow's code)", error: { name: "Error", message: "exit" } };

function flowRun(id: string, over: Partial<FlowRunRecord> = {}): FlowRunRecord {
  return { ...pendingFlowRun(id, "/w/etl.ts", { day: 1 }, undefined, 1000), flowName: "etl", stateType: "RUNNING", stateName: "Running", startTime: 1000, ...over };
}

function taskRun(id: string, flowRunId: string, over: Partial<TaskRunRecord> = {}): TaskRunRecord {
  return {
    id, name: `t-${id}`, taskName: "t", flowRunId, parentTaskRunId: null, tags: [], stateType: "RUNNING", stateName: "Running",
    stateMessage: null, createdAt: 1001, startTime: 1001, endTime: null, runCount: 1, maxRetries: 0, cacheKey: null, upstream: [],
    inputsPreview: null, resultPreview: null, error: null, owner: null, ...over,
  };
}

describe.each(stores)("endRun on a %s store", (_kind, open) => {
  it("ends the run, its subflows and their unfinished task runs, with a transition each; finished task runs keep their state", async () => {
    const store = open();
    await store.write({
      ...emptyBatch(),
      flowRuns: [flowRun("root"), flowRun("sub", { parentFlowRunId: "root", stateType: "PENDING", stateName: "Pending" })],
      taskRuns: [taskRun("busy", "root"), taskRun("finished", "root", { stateType: "COMPLETED", stateName: "Completed", endTime: 1002 }), taskRun("inner", "sub")],
    });
    const outcome = await endRun(store, "root", crash, () => flowRun("never-used"), 2000);

    expect(outcome).toEqual({ runId: "root", stateType: "CRASHED", stateName: "Crashed", message: crash.message });
    for (const id of ["root", "sub"]) {
      expect(await store.getFlowRun(id)).toMatchObject({ stateType: "CRASHED", stateName: "Crashed", stateMessage: crash.message, endTime: 2000, error: crash.error });
      expect((await store.listStates(id)).at(-1)).toMatchObject({ runKind: "flow", type: "CRASHED", timestamp: 2000, message: crash.message });
    }
    const tasks = new Map([...(await store.listTaskRuns({ flowRunId: "root" })), ...(await store.listTaskRuns({ flowRunId: "sub" }))].map((t) => [t.id, t]));
    expect(tasks.get("busy")).toMatchObject({ stateType: "CRASHED", stateMessage: crash.message, endTime: 2000 });
    expect(tasks.get("inner")).toMatchObject({ stateType: "CRASHED" });
    expect(tasks.get("finished")).toMatchObject({ stateType: "COMPLETED", endTime: 1002 });
    expect((await store.listStates("busy")).map((s) => s.type)).toEqual(["CRASHED"]);
    expect(await store.listStates("finished")).toEqual([]);
    await store.close();
  });

  it("creates the run when it was never recorded, so the failure shows", async () => {
    const store = open();
    const failed: RunEnding = { type: "FAILED", message: "Unexpected token", error: { name: "SyntaxError", message: "Unexpected token" } };
    const outcome = await endRun(store, "ghost", failed, () => pendingFlowRun("ghost", "/w/broken.ts", undefined, undefined, 1500), 2000);
    expect(outcome).toEqual({ runId: "ghost", stateType: "FAILED", stateName: "Failed", message: "Unexpected token" });
    expect(await store.getFlowRun("ghost")).toMatchObject({ flowName: "broken.ts", parameters: "{}", stateType: "FAILED", createdAt: 1500, endTime: 2000, error: failed.error });
    expect((await store.listStates("ghost")).map((s) => s.type)).toEqual(["FAILED"]);
    await store.close();
  });

  it("leaves a run that had already ended alone, and reports how it ended", async () => {
    const store = open();
    await store.write({ ...emptyBatch(), flowRuns: [flowRun("done", { stateType: "COMPLETED", stateName: "Completed", endTime: 1500 })] });
    const outcome = await endRun(store, "done", crash, () => flowRun("never-used"), 2000);
    expect(outcome).toEqual({ runId: "done", stateType: "COMPLETED", stateName: "Completed", message: null });
    expect(await store.getFlowRun("done")).toMatchObject({ stateType: "COMPLETED", endTime: 1500 });
    expect(await store.listStates("done")).toEqual([]);
    await store.close();
  });
});
