import { mkdtempSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emptyBatch, type ProcessOwner, type TaskRunRecord } from "../../../shared/store/types.ts";
import { currentOwner } from "../../platform/process.ts";
import { openSqliteStore } from "./open.ts";
import type { SqliteStore } from "./store.ts";

let dir: string;
let store: SqliteStore;
const me = currentOwner();
const dead: ProcessOwner = { pid: 999_999_999, host: hostname(), startedAt: 1 };
const onlyMeAlive = (owner: ProcessOwner) => owner.pid === me.pid;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "flowbench-slots-"));
  store = openSqliteStore(join(dir, "flowbench.db"));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const acquire = (taskRunId: string, tags: string[], owner: ProcessOwner | null = me) =>
  store.acquireConcurrencySlots({ tags, taskRunId, owner, now: Date.now(), isAlive: onlyMeAlive });

function taskRun(id: string, stateType: TaskRunRecord["stateType"]): TaskRunRecord {
  return {
    id, name: id, taskName: "t", flowRunId: null, parentTaskRunId: null, tags: ["db"], stateType, stateName: stateType, stateMessage: null,
    createdAt: 1, startTime: 1, endTime: null, runCount: 1, maxRetries: 0, cacheKey: null, upstream: [], inputsPreview: null,
    resultPreview: null, error: null, owner: null,
  };
}

describe("tag concurrency slots on SQLite", () => {
  it("grants every request when no tag has a limit, and holds nothing", async () => {
    for (let i = 0; i < 5; i++) expect(await acquire(`t${i}`, ["db", "api"])).toEqual({ acquired: true });
    expect(await store.listConcurrencyLimits()).toEqual([]);
  });

  it("respects the limit, and a released slot goes to the next", async () => {
    await store.setConcurrencyLimit("db", 2, 100);
    expect(await acquire("a", ["db"])).toEqual({ acquired: true });
    expect(await acquire("b", ["db"])).toEqual({ acquired: true });
    expect(await acquire("c", ["db"])).toEqual({ acquired: false, blockedBy: { tag: "db", limit: 2 } });
    // Asking again for a slot already held is no second slot.
    expect(await acquire("a", ["db"])).toEqual({ acquired: true });
    const [limit] = await store.listConcurrencyLimits();
    expect(limit).toMatchObject({ tag: "db", limit: 2, updatedAt: 100 });
    expect(limit!.holders.map((h) => h.taskRunId).sort()).toEqual(["a", "b"]);
    expect(limit!.holders[0]!.owner).toEqual(me);

    await store.releaseConcurrencySlots("a");
    expect(await acquire("c", ["db"])).toEqual({ acquired: true });
    expect(await acquire("d", ["db"])).toMatchObject({ acquired: false });
    await store.releaseConcurrencySlots("nobody");
  });

  it("is all-or-nothing across a run's tags", async () => {
    await store.setConcurrencyLimit("db", 1);
    await store.setConcurrencyLimit("api", 1);
    expect(await acquire("holder", ["api"])).toEqual({ acquired: true });
    // db is free but api is not: db must not be taken.
    expect(await acquire("both", ["db", "api", "unlimited"])).toEqual({ acquired: false, blockedBy: { tag: "api", limit: 1 } });
    expect(await acquire("db-only", ["db"])).toEqual({ acquired: true });
    const holders = Object.fromEntries((await store.listConcurrencyLimits()).map((l) => [l.tag, l.holders.map((h) => h.taskRunId)]));
    expect(holders).toEqual({ api: ["holder"], db: ["db-only"] });
    await store.releaseConcurrencySlots("holder");
    await store.releaseConcurrencySlots("db-only");
    expect(await acquire("both", ["db", "api"])).toEqual({ acquired: true });
  });

  it("reclaims slots held by dead processes and by task runs recorded as ended", async () => {
    await store.setConcurrencyLimit("db", 2);
    expect(await acquire("ghost", ["db"], dead)).toEqual({ acquired: true });
    expect(await acquire("ended", ["db"])).toEqual({ acquired: true });
    store.write({ ...emptyBatch(), taskRuns: [taskRun("ended", "CRASHED")] });
    expect(await acquire("next", ["db"])).toEqual({ acquired: true });
    expect(await acquire("after", ["db"])).toEqual({ acquired: true });
    expect((await store.listConcurrencyLimits())[0]!.holders.map((h) => h.taskRunId).sort()).toEqual(["after", "next"]);
    // A live holder's slot stays, RUNNING or not yet recorded.
    store.write({ ...emptyBatch(), taskRuns: [taskRun("next", "RUNNING")] });
    expect(await acquire("blocked", ["db"])).toMatchObject({ acquired: false });
  });

  it("uses the platform's liveness check by default: a pid that does not exist is dead", async () => {
    await store.setConcurrencyLimit("db", 1);
    await store.acquireConcurrencySlots({ tags: ["db"], taskRunId: "ghost", owner: dead, now: 1 });
    expect(await store.acquireConcurrencySlots({ tags: ["db"], taskRunId: "live", owner: me, now: 2 })).toEqual({ acquired: true });
    expect(await store.acquireConcurrencySlots({ tags: ["db"], taskRunId: "other", owner: me, now: 3 })).toMatchObject({ acquired: false });
  });

  it("counts across connections to the same file", async () => {
    await store.setConcurrencyLimit("db", 1);
    const other = openSqliteStore(join(dir, "flowbench.db"));
    try {
      expect(await other.acquireConcurrencySlots({ tags: ["db"], taskRunId: "x", owner: me, now: 1 })).toEqual({ acquired: true });
      expect(await acquire("y", ["db"])).toMatchObject({ acquired: false });
      await other.releaseConcurrencySlots("x");
      expect(await acquire("y", ["db"])).toEqual({ acquired: true });
    } finally {
      other.close();
    }
  });

  it("updates and deletes limits, and refuses bad ones", async () => {
    expect(await store.setConcurrencyLimit("db", 1, 5)).toEqual({ tag: "db", limit: 1, updatedAt: 5, holders: [] });
    await acquire("a", ["db"]);
    expect(await acquire("b", ["db"])).toMatchObject({ acquired: false });
    expect(await store.setConcurrencyLimit("db", 3, 6)).toMatchObject({ limit: 3, updatedAt: 6 });
    expect(await acquire("b", ["db"])).toEqual({ acquired: true });
    expect(await store.setConcurrencyLimit("db", null)).toBeNull();
    expect(await store.listConcurrencyLimits()).toEqual([]);
    expect(await store.setConcurrencyLimit("gone", null)).toBeNull();
    await expect(store.setConcurrencyLimit("db", 0)).rejects.toThrow(/positive integer/);
    await expect(store.setConcurrencyLimit("db", 1.5)).rejects.toThrow(/positive integer/);
    await expect(store.setConcurrencyLimit(" ", 1)).rejects.toThrow(/non-empty tag/);
  });
});
