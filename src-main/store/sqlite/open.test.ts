import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FlowbenchError } from "../../../shared/errors.ts";
import { batch, flowRun, log, taskRun } from "../../../test/helpers/store-contract.ts";
import { MIGRATIONS, SCHEMA_VERSION } from "./migrations.ts";
import { openSqliteStore } from "./open.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "flowbench-open-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function expectStoreUnavailable(open: () => unknown, path: string): FlowbenchError {
  let caught: unknown;
  try {
    open();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(FlowbenchError);
  const error = caught as FlowbenchError;
  expect(error.code).toBe("store-unavailable");
  expect(error.message).toContain(path);
  return error;
}

describe("openSqliteStore", () => {
  it("creates missing parent directories and keeps data across close and reopen", async () => {
    const path = join(dir, "nested", "deeper", "runs.db");
    const first = openSqliteStore(path);
    first.write(
      batch({
        flowRuns: [flowRun("a", { tags: ["t"], owner: { pid: 1, host: "h", startedAt: 2 } })],
        taskRuns: [taskRun("t", { flowRunId: "a" })],
        logs: [log("kept", { flowRunId: "a", taskRunId: "t" })],
        results: [{ runId: "a", value: "42" }],
      }),
    );
    first.close();
    first.close(); // idempotent

    const second = openSqliteStore(path);
    expect(await second.getFlowRun("a")).toEqual(flowRun("a", { tags: ["t"], owner: { pid: 1, host: "h", startedAt: 2 } }));
    expect(await second.listTaskRuns({ flowRunId: "a" })).toHaveLength(1);
    expect((await second.listLogs({ taskRunId: "t" })).items.map((l) => l.message)).toEqual(["kept"]);
    expect(await second.getResult("a")).toBe("42");
    // Ids keep growing after a reopen.
    second.write(batch({ logs: [log("later", { flowRunId: "a" })] }));
    const ids = (await second.listLogs({ flowRunId: "a" })).items.map((l) => l.id);
    expect(ids[1]).toBeGreaterThan(ids[0]!);
    second.close();
  });

  it("turns on WAL and the configured pragmas", () => {
    const path = join(dir, "runs.db");
    openSqliteStore(path).close();
    const db = new Database(path);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it("migrates once and reopens without re-running migrations", () => {
    const path = join(dir, "runs.db");
    openSqliteStore(path).close();
    const tables = () => {
      const db = new Database(path, { readonly: true });
      const names = db.prepare("SELECT name FROM sqlite_schema ORDER BY name").pluck().all();
      db.close();
      return names;
    };
    const before = tables();
    // A second run of migration 1 would fail on CREATE TABLE; reopening must skip it.
    for (let i = 0; i < 3; i++) openSqliteStore(path).close();
    expect(tables()).toEqual(before);
    expect(before).toEqual(expect.arrayContaining(["flows", "flow_runs", "task_runs", "states", "logs", "results", "cache"]));
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it("refuses a file from a newer flowbench", () => {
    const path = join(dir, "runs.db");
    openSqliteStore(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(expectStoreUnavailable(() => openSqliteStore(path), path).message).toMatch(/newer/);
  });

  it("names the file when it is not a database", () => {
    const path = join(dir, "corrupt.db");
    writeFileSync(path, "this is not an SQLite file, just some text that is long enough ".repeat(100));
    expectStoreUnavailable(() => openSqliteStore(path), path);
  });

  it("names the file when it cannot be opened at all", () => {
    const asDirectory = join(dir, "is-a-directory");
    mkdirSync(asDirectory);
    expectStoreUnavailable(() => openSqliteStore(asDirectory), asDirectory);

    const blocker = join(dir, "plain-file");
    writeFileSync(blocker, "x");
    const underFile = join(blocker, "runs.db");
    expectStoreUnavailable(() => openSqliteStore(underFile), underFile);
  });

  it("opens read-only without writing, and refuses writes", async () => {
    const path = join(dir, "runs.db");
    expectStoreUnavailable(() => openSqliteStore(path, { readonly: true }), path);

    const writer = openSqliteStore(path);
    writer.write(batch({ flowRuns: [flowRun("a")] }));
    const reader = openSqliteStore(path, { readonly: true });
    expect(await reader.getFlowRun("a")).toEqual(flowRun("a"));
    expect(() => reader.write(batch({ flowRuns: [flowRun("b")] }))).toThrow(FlowbenchError);
    // The reader sees the writer's later commits (WAL).
    writer.write(batch({ flowRuns: [flowRun("c")] }));
    expect(await reader.getFlowRun("c")).toBeDefined();
    reader.close();
    writer.close();
  });

  it("refuses a non-flowbench file opened read-only", () => {
    const path = join(dir, "other.db");
    new Database(path).close();
    expectStoreUnavailable(() => openSqliteStore(path, { readonly: true }), path);
  });

  it("reports use after close as store-unavailable", async () => {
    const path = join(dir, "runs.db");
    const store = openSqliteStore(path);
    store.close();
    await expect(store.listFlows()).rejects.toMatchObject({ code: "store-unavailable" });
    expect(() => store.write(batch({}))).toThrow(/closed/);
  });
});
