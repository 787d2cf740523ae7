import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ProcessOwner, RunStore } from "../../shared/store/types.ts";
import { batch, flowRun, log, taskRun, type StoreFixture } from "./store-contract.ts";

/** listChanges, the change feed live views follow; shared by every RunStore like the main contract. */
export function defineChangesContract(name: string, make: () => Promise<StoreFixture>): void {
  describe(`RunStore change feed: ${name}`, () => {
    let store: RunStore;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await make());
    });
    afterEach(async () => {
      await cleanup();
    });
    const ids = (records: { id: string }[]) => records.map((r) => r.id);

    it("starts at 0 and gives every run written after a cursor, in the order they changed", async () => {
      expect(await store.listChanges({ since: 0, flowRuns: "all" })).toEqual({ flowRuns: [], taskRuns: [], seq: 0, logs: [], logId: 0 });
      await store.write(batch({ flowRuns: [flowRun("a"), flowRun("b")] }));
      const first = await store.listChanges({ since: 0, flowRuns: "all" });
      expect(ids(first.flowRuns).sort()).toEqual(["a", "b"]);
      expect(first.seq).toBeGreaterThan(0);

      await store.write(batch({ flowRuns: [flowRun("c")] }));
      await store.write(batch({ flowRuns: [flowRun("a", { stateType: "RUNNING", stateName: "Running" })] }));
      const next = await store.listChanges({ since: first.seq, flowRuns: "all" });
      expect(ids(next.flowRuns)).toEqual(["c", "a"]);
      expect(next.flowRuns[1]!.stateType).toBe("RUNNING");
      expect(await store.listChanges({ since: next.seq, flowRuns: "all" })).toMatchObject({ flowRuns: [], taskRuns: [], seq: next.seq });
    });

    it("gives only the flow runs asked for, and the task runs of the flow runs named", async () => {
      await store.write(batch({ flowRuns: [flowRun("a"), flowRun("b")], taskRuns: [taskRun("a1", { flowRunId: "a" }), taskRun("b1", { flowRunId: "b" }), taskRun("free")] }));
      const page = await store.listChanges({ since: 0, flowRuns: ["b"], taskRunsOf: ["a"] });
      expect(ids(page.flowRuns)).toEqual(["b"]);
      expect(ids(page.taskRuns)).toEqual(["a1"]);
      expect(await store.listChanges({ since: 0 })).toMatchObject({ flowRuns: [], taskRuns: [] });
    });

    it("gives the logs of the runs named after a log id, in id order, and says how far it got", async () => {
      await store.write(batch({ flowRuns: [flowRun("a"), flowRun("b")], logs: [log("a1", { flowRunId: "a" }), log("b1", { flowRunId: "b" }), log("a2", { flowRunId: "a", taskRunId: "t" })] }));
      const all = await store.listChanges({ since: 0, logsOf: ["a"] });
      expect(all.logs.map((l) => l.message)).toEqual(["a1", "a2"]);
      expect(all.logs[1]).toMatchObject({ flowRunId: "a", taskRunId: "t" });
      expect(all.logId).toBe(all.logs[1]!.id);

      const limited = await store.listChanges({ since: 0, logsOf: ["a", "b"], logLimit: 2 });
      expect(limited.logs.map((l) => l.message)).toEqual(["a1", "b1"]);
      const rest = await store.listChanges({ since: limited.seq, logsOf: ["a", "b"], logsAfter: limited.logId, logLimit: 2 });
      expect(rest.logs.map((l) => l.message)).toEqual(["a2"]);

      await store.write(batch({ logs: [log("later", { flowRunId: "b" })] }));
      const now = await store.listChanges({ since: rest.seq });
      expect(now.logs).toEqual([]);
      expect(now.logId).toBeGreaterThan(rest.logId);
      expect((await store.listChanges({ since: 0, logsOf: ["a"], logsAfter: now.logId })).logs).toEqual([]);
    });

    it("counts a crash found by markOrphansCrashed as a change", async () => {
      const dead: ProcessOwner = { pid: 9, host: "h", startedAt: 1 };
      await store.write(batch({ flowRuns: [flowRun("a", { stateType: "RUNNING", stateName: "Running", owner: dead })], taskRuns: [taskRun("a1", { flowRunId: "a", stateType: "RUNNING", stateName: "Running" })] }));
      const before = await store.listChanges({ since: 0, flowRuns: "all", taskRunsOf: ["a"] });
      await store.markOrphansCrashed(() => false);
      const after = await store.listChanges({ since: before.seq, flowRuns: "all", taskRunsOf: ["a"] });
      expect(after.flowRuns.map((r) => [r.id, r.stateType])).toEqual([["a", "CRASHED"]]);
      expect(after.taskRuns.map((r) => [r.id, r.stateType])).toEqual([["a1", "CRASHED"]]);
      expect(after.seq).toBeGreaterThan(before.seq);
    });
  });
}
