import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlowRunQuery, FlowRunRecord } from "../../../shared/store/types.ts";
import { batch, flowRun } from "../../../test/helpers/store-contract.ts";
import { openSqliteStore } from "./open.ts";
import { flowRunsSql } from "./read.ts";
import type { SqliteStore } from "./store.ts";

const RUNS = 100_000;
const T0 = 1_700_000_000_000;
const id = (n: number) => `run-${String(n).padStart(7, "0")}`;

let dir: string;
let store: SqliteStore;
let db: Database.Database;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "flowbench-scale-"));
  const path = join(dir, "runs.db");
  store = openSqliteStore(path);
  for (let start = 0; start < RUNS; start += 10_000) {
    const flowRuns: FlowRunRecord[] = [];
    for (let n = start; n < start + 10_000; n++) {
      flowRuns.push(
        flowRun(id(n), {
          flowName: `flow-${n % 20}`,
          parentFlowRunId: n % 4 === 0 && n > 0 ? id(n - 1) : null,
          stateType: n % 50 === 0 ? "FAILED" : n % 100 === 1 ? "RUNNING" : "COMPLETED",
          createdAt: T0 + n * 1000,
        }),
      );
    }
    store.write(batch({ flowRuns }));
  }
  db = new Database(path, { readonly: true });
});

afterAll(() => {
  db.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const mid = T0 + (RUNS / 2) * 1000;
const deepCursor = `${mid}:${id(RUNS / 2)}`;
const queries: FlowRunQuery[] = [
  {},
  { parentFlowRunId: null },
  { parentFlowRunId: id(RUNS / 2 + 3) },
  { flowName: "flow-3" },
  { states: ["FAILED"] },
  { states: ["FAILED", "CRASHED"] },
  { states: ["COMPLETED", "FAILED"] },
  { since: mid, until: mid + 3_600_000 },
  { until: mid },
  { flowName: "flow-10", states: ["FAILED"], parentFlowRunId: null },
  { cursor: deepCursor },
  { flowName: "flow-7", cursor: deepCursor },
  { states: ["FAILED", "RUNNING"], parentFlowRunId: null, cursor: deepCursor },
  { sort: "oldest" },
  { sort: "oldest", parentFlowRunId: null, cursor: deepCursor },
  { sort: "longest" },
  { sort: "longest", parentFlowRunId: null },
  { sort: "longest", states: ["FAILED"], cursor: "L0:run-0050000" },
  { text: "flow-1" },
];

describe(`listFlowRuns over ${RUNS.toLocaleString("en")} runs`, { timeout: 30_000 }, () => {
  it.each(queries.map((q) => [JSON.stringify(q), q] as const))("uses an index for %s", (_, query) => {
    const { sql, params } = flowRunsSql(query, 51);
    const plan = db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => row.detail)
      .join(" | ");
    // Never a walk over the whole table: always a search on one of the flow_runs indexes.
    expect(plan).toMatch(/(SEARCH|SCAN) flow_runs USING INDEX flow_runs_/);
  });

  it("answers every query shape in milliseconds", async () => {
    for (const query of queries) {
      await store.listFlowRuns(query);
      const started = performance.now();
      const page = await store.listFlowRuns(query);
      const elapsed = performance.now() - started;
      expect(page.items.length, JSON.stringify(query)).toBeGreaterThan(0);
      // Typically under 2 ms; the bound is loose for slow CI machines.
      expect(elapsed, JSON.stringify(query)).toBeLessThan(100);
    }
  });

  it("pages deep into the history with the cursor", async () => {
    const page = await store.listFlowRuns({ cursor: deepCursor, limit: 3 });
    expect(page.items.map((r) => r.id)).toEqual([id(RUNS / 2 - 1), id(RUNS / 2 - 2), id(RUNS / 2 - 3)]);
  });
});
