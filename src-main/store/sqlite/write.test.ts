import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FlowRunRecord } from "../../../shared/store/types.ts";
import Database from "better-sqlite3";
import { batch, flowRun, log, taskRun } from "../../../test/helpers/store-contract.ts";
import { openSqliteStore } from "./open.ts";
import type { SqliteStore } from "./store.ts";

let dir: string;
let path: string;
const open: SqliteStore[] = [];
const openStore = () => {
  const store = openSqliteStore(path);
  open.push(store);
  return store;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "flowbench-write-"));
  path = join(dir, "runs.db");
});
afterEach(() => {
  for (const store of open.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Records the schema rejects (NOT NULL columns), to make a batch fail part-way. */
const invalidRun = () => flowRun("bad", { name: null as unknown as string });
/** Cache entries are written after logs, so this fails a batch once its logs are in. */
const invalidCacheEntry = () => ({ key: "bad", value: null as unknown as string, createdAt: 0, expiresAt: null, taskRunId: null });

describe("SqliteStore writes", () => {
  it("keeps a task run's transitions in its own row, across batches, and appends a crash there", async () => {
    const store = openStore();
    const st = (type: "PENDING" | "RUNNING" | "COMPLETED", timestamp: number) => ({ runId: "t1", runKind: "task" as const, type, name: type.toLowerCase(), timestamp, message: null, error: null });
    store.write(batch({ taskRuns: [taskRun("t1", { stateType: "RUNNING" })], states: [st("PENDING", 1), st("RUNNING", 2)] }));
    store.write(batch({ taskRuns: [taskRun("t1", { stateType: "COMPLETED" })], states: [st("COMPLETED", 3)] }));
    expect((await store.listStates("t1")).map((s) => [s.type, s.timestamp])).toEqual([["PENDING", 1], ["RUNNING", 2], ["COMPLETED", 3]]);
    const raw = new Database(path, { readonly: true });
    try {
      expect(raw.prepare("SELECT count(*) FROM states").pluck().get()).toBe(0);
    } finally {
      raw.close();
    }
  });

  it("applies a batch all or nothing", async () => {
    const store = openStore();
    expect(() => store.write(batch({ flowRuns: [flowRun("a"), invalidRun()], logs: [log("x")] }))).toThrow();
    expect(await store.getFlowRun("a")).toBeUndefined();
    expect((await store.listLogs({})).items).toEqual([]);
    store.write(batch({ flowRuns: [flowRun("a")] }));
    expect(await store.getFlowRun("a")).toBeDefined();
  });

  it("does not reuse a rolled-back run key for another run", async () => {
    const a = openStore();
    const b = openStore();
    // a mints a key for run-1 inside a transaction that then fails.
    expect(() => a.write(batch({ logs: [log("lost", { flowRunId: "run-1" })], cache: [invalidCacheEntry()] }))).toThrow();
    // b now gets the freed key for a different run.
    b.write(batch({ logs: [log("for run 2", { flowRunId: "run-2" })] }));
    a.write(batch({ logs: [log("for run 1", { flowRunId: "run-1" })] }));
    expect((await a.listLogs({ flowRunId: "run-1" })).items.map((l) => l.message)).toEqual(["for run 1"]);
    expect((await a.listLogs({ flowRunId: "run-2" })).items.map((l) => l.message)).toEqual(["for run 2"]);
    expect((await b.listLogs({})).items.map((l) => l.flowRunId)).toEqual(["run-2", "run-1"]);
  });

  it("lets two stores on one file interleave batches", async () => {
    const a = openStore();
    const b = openStore();
    for (let i = 0; i < 20; i++) {
      const writer = i % 2 ? b : a;
      const name = i % 2 ? "b" : "a";
      writer.write(
        batch({
          flowRuns: [flowRun(`run-${name}`, { runCount: i, createdAt: i })],
          logs: Array.from({ length: 50 }, (_, j) => log(`${name}-${i}-${j}`, { flowRunId: `run-${name}` })),
        }),
      );
    }
    for (const reader of [a, b]) {
      const logs = (await reader.listLogs({ limit: 10_000 })).items;
      expect(logs).toHaveLength(1000);
      expect(logs.map((l) => l.message).slice(48, 52)).toEqual(["a-0-48", "a-0-49", "b-1-0", "b-1-1"]);
      expect(new Set(logs.map((l) => l.id)).size).toBe(1000);
      expect((await reader.listLogs({ flowRunId: "run-b", limit: 10_000 })).items).toHaveLength(500);
      expect((await reader.getFlowRun("run-a"))!.runCount).toBe(18);
      expect((await reader.getFlowRun("run-b"))!.runCount).toBe(19);
    }
  });

  it("keeps creation time and every other column on upsert as sent", async () => {
    const store = openStore();
    const run: FlowRunRecord = flowRun("a", { createdAt: 5, stateType: "RUNNING", stateName: "Running" });
    store.write(batch({ flowRuns: [run] }));
    store.write(batch({ flowRuns: [{ ...run, stateType: "COMPLETED", stateName: "Completed", endTime: 9, resultPreview: "1" }] }));
    expect(await store.getFlowRun("a")).toEqual({ ...run, stateType: "COMPLETED", stateName: "Completed", endTime: 9, resultPreview: "1" });
  });
});
