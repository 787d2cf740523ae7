/**
 * Each golden file runs as a plain script, `node <file>.ts --params '{...}'`,
 * on the project's Node with the SDK, and reaches its expected result; what it
 * recorded in the SQLite history is checked too.
 */
import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore, type TaskRunRecord } from "../../src-main/sdk.ts";
import { childEnv } from "../helpers/history.ts";
import { nodeArgs, ROOT, run } from "../helpers/spawn.ts";

const GOLDEN_DIR = join(ROOT, "test/fixtures/graphs");
const home = mkdtempSync(join(tmpdir(), "flowbench-golden-"));
let server: Server;
let url = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/todo") return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ title: "Buy milk" }));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  url = typeof address === "object" && address ? `http://127.0.0.1:${address.port}` : "";
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(home, { recursive: true, force: true });
});

async function runGolden(name: string, params?: unknown) {
  const args = nodeArgs(join(GOLDEN_DIR, `${name}.ts`), ...(params === undefined ? [] : ["--params", JSON.stringify(params)]));
  const result = await run(args, { env: childEnv(home) });
  const stdout = result.stdout.trim();
  return { ...result, value: stdout === "" ? undefined : (JSON.parse(stdout) as unknown) };
}

/** The task runs of the newest top-level run of a flow, by task name. */
async function taskRuns(flowName: string): Promise<Map<string, TaskRunRecord>> {
  const store = openSqliteStore(join(home, "flowbench.db"), { readonly: true });
  try {
    const page = await store.listFlowRuns({ flowName, limit: 1 });
    const runId = page.items[0]?.id;
    expect(runId, `a run of ${flowName}`).toBeDefined();
    return new Map((await store.listTaskRuns({ flowRunId: runId! })).map((t) => [t.taskName, t] as const));
  } finally {
    await store.close();
  }
}

describe("golden files run with node", () => {
  it("hello: with and without its defaulted parameter", async () => {
    expect((await runGolden("hello", { name: "Ada" })).value).toBe("Hello, Ada!");
    expect((await runGolden("hello")).value).toBe("Hello, world!");
  });

  it("etl-orders: parallel fetches joined, with retries and a cached Map", async () => {
    const r = await runGolden("etl-orders", { since: "2026-01-01" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.value).toEqual([{ customer: "Ada Lovelace", total: 38 }, { customer: "Bob Kahn", total: 12 }]);
    const tasks = await taskRuns("etl-orders");
    expect(tasks.get("Total per customer")?.upstream.sort()).toEqual([tasks.get("Fetch orders")!.id, tasks.get("Fetch customers")!.id].sort());
    expect(tasks.get("Fetch orders")?.tags).toEqual(["etl", "source"]);
  });

  it("fan-out: a map with a shared input, summed", async () => {
    const r = await runGolden("fan-out");
    expect(r.value).toEqual({ squares: [10, 40, 90], total: 140 });
    expect([...(await taskRuns("fan-out")).keys()].filter((k) => k === "Square")).toHaveLength(1);
  });

  it("branching: only the nodes on the taken paths run", async () => {
    expect((await runGolden("branching", { amount: 5000 })).value).toBe("recorded 5000.00 EUR");
    expect([...(await taskRuns("approve-expense")).keys()].sort()).toEqual(["Alert CFO", "Ask approval", "Is huge", "Is large", "Record"]);
    expect((await runGolden("branching", { amount: 50 })).value).toBe("recorded 50.00 EUR");
    expect([...(await taskRuns("approve-expense")).keys()].sort()).toEqual(["Auto approve", "Is large", "Record"]);
  });

  it("subflow: calls the hello flow and uses its result", async () => {
    const r = await runGolden("subflow", { who: "Ada" });
    expect(r.value).toBe("HELLO, ADA!");
    const store = openSqliteStore(join(home, "flowbench.db"), { readonly: true });
    const child = (await store.listFlowRuns({ flowName: "hello", limit: 1 })).items[0];
    await store.close();
    expect(child?.parentFlowRunId).not.toBeNull();
  });

  it("retries: fails twice, then completes on the third attempt", async () => {
    const r = await runGolden("retries");
    expect(r.value).toBe(3);
    expect((await taskRuns("retry-until-ok")).get("Flaky fetch")?.runCount).toBe(3);
  });

  it("failing: a NonRetryableError fails the flow at once, with its message", async () => {
    const r = await runGolden("failing", { email: "nope" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("not an email address: nope");
    expect((await taskRuns("validate-input")).get("Check email")?.runCount).toBe(1);
  });

  it("empty: a flow without nodes completes with no result", async () => {
    const r = await runGolden("empty");
    expect(r.code, r.stderr).toBe(0);
    expect(r.value).toBeUndefined();
  });

  it("options: every option applies, console output is captured", async () => {
    const r = await runGolden("options");
    expect(r.value).toBe("the quick brown fox…");
    const summarize = (await taskRuns("daily-summary")).get("Summarize");
    expect(summarize?.name).toBe("summarize-daily");
    expect(summarize?.tags).toEqual(["report", "daily"]);
  });

  it("naming: unusual titles still name their task runs", async () => {
    expect((await runGolden("naming")).value).toEqual({ value: 15, doubled: 30 });
    expect([...(await taskRuns("Naming: édge cases")).keys()].sort()).toEqual(["2nd pass", "Café prix", "Log it", "delete"]);
  });

  it("parallel: chained maps and an object result", async () => {
    expect((await runGolden("parallel")).value).toEqual({ count: 3, exclaimed: ["ADA!", "BOB!", "CY!"], stamp: "2026-11-28" });
  });

  it("templates: fetch, reshape, log, write, read, shell and wait, for real", async () => {
    const dir = mkdtempSync(join(tmpdir(), "flowbench-templates-"));
    try {
      const r = await runGolden("templates", { url: `${url}/todo`, dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.value).toEqual({ title: "Buy milk", bytes: { stdout: "8\n", stderr: "" }, logged: "Buy milk" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
