import { describe, expect, it } from "vitest";
import { MemoryStore } from "./memory.ts";
import { emptyBatch, type ProcessOwner, type TaskRunRecord } from "./types.ts";

const me: ProcessOwner = { pid: 1, host: "h", startedAt: 1 };
const dead: ProcessOwner = { pid: 2, host: "h", startedAt: 1 };
const isAlive = (owner: ProcessOwner) => owner.pid === me.pid;

function ended(id: string): TaskRunRecord {
  return {
    id, name: id, taskName: "t", flowRunId: null, parentTaskRunId: null, tags: ["db"], stateType: "COMPLETED", stateName: "Completed", stateMessage: null,
    createdAt: 1, startTime: 1, endTime: 2, runCount: 1, maxRetries: 0, cacheKey: null, upstream: [], inputsPreview: null,
    resultPreview: null, error: null, owner: null,
  };
}

describe("tag concurrency slots in the memory store (as the SQLite store)", () => {
  it("grants, limits, releases and reclaims all-or-nothing", async () => {
    const store = new MemoryStore();
    const acquire = (taskRunId: string, tags: string[], owner = me) => store.acquireConcurrencySlots({ tags, taskRunId, owner, now: 1, isAlive });
    expect(await acquire("free", ["db"])).toEqual({ acquired: true });
    await store.setConcurrencyLimit("db", 1, 7);
    await store.setConcurrencyLimit("api", 1, 7);
    expect(await acquire("a", ["db"])).toEqual({ acquired: true });
    expect(await acquire("a", ["db"])).toEqual({ acquired: true });
    expect(await acquire("b", ["api", "db"])).toEqual({ acquired: false, blockedBy: { tag: "db", limit: 1 } });
    expect((await store.listConcurrencyLimits()).map((l) => [l.tag, l.holders.map((h) => h.taskRunId)])).toEqual([["api", []], ["db", ["a"]]]);
    await store.releaseConcurrencySlots("a");
    expect(await acquire("b", ["api", "db"])).toEqual({ acquired: true });
    store.write({ ...emptyBatch(), taskRuns: [ended("b")] });
    expect(await acquire("ghost", ["db"], dead)).toEqual({ acquired: true });
    expect(await acquire("c", ["db"])).toEqual({ acquired: true });
    expect(await acquire("d", ["db"])).toMatchObject({ acquired: false });
    expect(await store.setConcurrencyLimit("db", null)).toBeNull();
    expect(await acquire("d", ["db"])).toEqual({ acquired: true });
    await expect(store.setConcurrencyLimit("db", 0)).rejects.toThrow(/positive integer/);
  });
});
