import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv, useTempHistory } from "../helpers/history.ts";
import { cli, finished, nodeArgs, ROOT } from "../helpers/spawn.ts";

const history = useTempHistory();
afterAll(() => history[Symbol.asyncDispose]());
const env = childEnv(history.dir, { FLOWBENCH_LOG_LEVEL: "info" });

function file(name: string, code: string): string {
  const path = join(history.dir, name);
  writeFileSync(path, code);
  return path;
}

let etl: string;
beforeAll(() => {
  etl = file(
    "etl.ts",
    `import { flow, getLogger, task } from "flowbench";
let calls = 0;
const extract = task({ retries: 2, retryDelayMs: 1 }, async function extract(n: number) {
  calls++;
  if (calls < 3) throw new Error("source busy");
  return Array.from({ length: n }, (_, i) => i);
});
const load = task(async function load(rows: number[]) {
  getLogger().info("loaded " + rows.length + " rows");
  getLogger().debug("row detail");
  return rows.length;
});
export const etl = flow({ name: "etl" }, async function etl(p: { rows: number }) {
  return load(extract.submit(p.rows));
});
export const broken = flow({ name: "broken" }, async function broken() {
  getLogger().error("about to fail");
  throw new Error("the broken flow broke");
});
export default etl;
`,
  );
});

async function runsJson(args: string[] = []) {
  const r = await cli(["runs", "ls", "--json", ...args], env);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Array<{ id: string; flowName: string; stateType: string }>;
}

describe("flowbench CLI", () => {
  it("runs a file's default flow with params, streams states and logs, and exits 0", async () => {
    const r = await cli(["run", etl, "--params", '{"rows": 3}'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Created flow run '[\w-]+' for flow 'etl'/);
    expect(r.stdout).toMatch(/Task run 'extract-\w+' - entered state AwaitingRetry/);
    expect(r.stdout).toMatch(/Task run 'load-\w+' - loaded 3 rows/);
    expect(r.stdout).not.toContain("row detail");
    expect(r.stdout).toMatch(/of 'etl' finished in state Completed\(\)/);
  });

  it("runs a named flow, exits non-zero on failure and says why", async () => {
    const r = await cli(["run", etl, "--flow", "broken"], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("about to fail");
    expect(r.stderr).toMatch(/finished in state Failed\("the broken flow broke"\)/);
  });

  it("prints JSON lines with --json, ending in a result line", async () => {
    const r = await cli(["run", etl, "--params", '{"rows": 2}', "--json"], env);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ kind: "result", state: { type: "COMPLETED" }, result: 2 });
    expect(lines.some((l) => l.kind === "log" && l.log.message === "loaded 2 rows")).toBe(true);
    expect(lines.filter((l) => l.kind === "task-run-state").length).toBeGreaterThan(4);
  });

  it("lists runs with filters", async () => {
    const all = await runsJson();
    expect(all.length).toBeGreaterThanOrEqual(3);
    const failed = await runsJson(["--state", "failed"]);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.stateType === "FAILED")).toBe(true);
    expect((await runsJson(["--flow", "etl", "--limit", "1"])).map((r) => r.flowName)).toEqual(["etl"]);
    const table = await cli(["runs", "ls"], env);
    expect(table.stdout).toMatch(/^ID\s+NAME\s+FLOW\s+STATE\s+STARTED\s+DURATION/);
    expect(table.stdout).toMatch(/etl\s+Completed/);
  });

  it("shows a run's task tree with states, durations and retries", async () => {
    const [run] = await runsJson(["--flow", "etl", "--state", "COMPLETED", "--limit", "1"]);
    const r = await cli(["runs", "show", run!.id], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`of flow 'etl'  ${run!.id}`);
    expect(r.stdout).toMatch(/Completed\s+extract-\w+\s+\d+ ms\s+attempts 3\/3/);
    expect(r.stdout).toMatch(/Completed\s+load-\w+/);
    const json = JSON.parse((await cli(["runs", "show", run!.id, "--json"], env)).stdout);
    expect(json.taskRuns.map((t: { taskName: string }) => t.taskName)).toEqual(["extract", "load"]);
  });

  it("shows logs filtered by level", async () => {
    const [run] = await runsJson(["--flow", "etl", "--state", "COMPLETED", "--limit", "1"]);
    const info = await cli(["logs", run!.id], env);
    expect(info.stdout).toMatch(/INFO\s+load-\w+\s+loaded 2 rows/);
    expect(info.stdout).toContain("row detail");
    const warnings = await cli(["logs", run!.id, "--level", "warning"], env);
    expect(warnings.stdout).toBe("");
    const json = (await cli(["logs", run!.id, "--json"], env)).stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(json.map((l) => l.message)).toEqual(["loaded 2 rows", "row detail"]);
  });

  it("follows the logs of a run in progress until it finishes", async () => {
    const slow = file(
      "slow.ts",
      `import { flow, getLogger, flushHistory } from "flowbench";
const slow = flow(async function slow() {
  for (let i = 1; i <= 4; i++) {
    getLogger().info("tick " + i);
    await flushHistory();
    await new Promise((r) => setTimeout(r, 150));
  }
});
await slow();
`,
    );
    const script = finished(spawn(process.execPath, nodeArgs(slow), { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] }));
    let id: string | undefined;
    for (let i = 0; i < 50 && !id; i++) {
      await new Promise((r) => setTimeout(r, 50));
      id = (await runsJson(["--flow", "slow"]))[0]?.id;
    }
    const followed = await cli(["logs", id!, "--follow"], env);
    await script;
    expect(followed.code, followed.stderr).toBe(0);
    expect(followed.stdout.match(/tick \d/g)).toEqual(["tick 1", "tick 2", "tick 3", "tick 4"]);
  });

  it("answers bad input with one line naming the problem, and a non-zero exit", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["run", "missing.ts"], /^flowbench: File not found: missing.ts$/],
      [["run", etl, "--params", "{nope"], /^flowbench: --params is not valid JSON/],
      [["run", etl, "--flow", "nosuch"], /^flowbench: No flow named 'nosuch' in .*etl.ts \(it has: broken, etl\)$/],
      [["run", file("bad-syntax.ts", "export const = ;\n")], /^flowbench: Cannot load .*bad-syntax.ts: /],
      [["run", file("no-flow.ts", "export const x = 1;\n")], /^flowbench: No flow in .*no-flow.ts/],
      [["run", file("typed.ts", `import { z } from "zod";\nimport { flow } from "flowbench";\nexport default flow({ name: "typed", params: z.object({ n: z.number() }) }, async (p: { n: number }) => p.n);\n`), "--params", '{"n":"x"}'], /finished in state Failed\("Invalid parameters for flow 'typed': n: .*number/],
      [["runs", "ls", "--state", "DONE"], /^flowbench: Unknown state 'DONE'/],
      [["runs", "ls", "--limit", "0"], /^flowbench: --limit must be a whole number from 1 to 1000/],
      [["runs", "show", "00000000-0000-0000-0000-000000000000"], /^flowbench: No flow run with id/],
      [["logs", "nope", "--level", "loud"], /^flowbench: Unknown level 'loud'/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args, env);
      expect(r.code, args.join(" ")).not.toBe(0);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stderr.trim(), args.join(" ")).toMatch(message);
    }
  });
});
