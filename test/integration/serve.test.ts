/** `flow.serve()` as a user runs it: a script kept alive, running its flow on schedule, stopped by Ctrl-C. */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openSqliteStore, type FlowRunRecord } from "flowbench";
import { afterAll, describe, expect, it } from "vitest";
import { childEnv, useTempHistory } from "../helpers/history.ts";
import { finished, nodeArgs, ROOT } from "../helpers/spawn.ts";
import { until } from "../helpers/until.ts";

const history = useTempHistory();
afterAll(() => history[Symbol.asyncDispose]());

function script(name: string, serveOptions: string): string {
  const path = join(history.dir, `${name}.ts`);
  writeFileSync(
    path,
    `import { flow } from "flowbench";
import { z } from "zod";
const main = flow({ name: "${name}", params: z.object({ n: z.number() }) }, async function main(params: { n: number }) {
  // Long enough that Ctrl-C can catch a run in progress; ends early when cancelled.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return params.n * 2;
});
await main.serve(${serveOptions});
`,
  );
  return path;
}

function startServing(path: string) {
  const child = spawn(process.execPath, nodeArgs(path), { cwd: ROOT, env: childEnv(history.dir), stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const serving = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("Ctrl-C to stop")) resolve(out);
    });
    child.on("exit", (code) => reject(new Error(`exited ${code} before serving: ${out}${err}`)));
  });
  return { child, serving, done: finished(child, 30_000) };
}

async function withStore<T>(fn: (store: ReturnType<typeof openSqliteStore>) => Promise<T>): Promise<T> {
  const store = openSqliteStore(history.dbPath);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const runsOf = (flowName: string) => withStore(async (store) => (await store.listFlowRuns({ flowName, limit: 100 })).items);
const schedulesOf = (flowName: string) => withStore(async (store) => store.automations!().listSchedules({ flowName }));

describe("flow.serve()", () => {
  it("runs the flow on its schedule with its params, and Ctrl-C cancels the run in progress and exits 0", async () => {
    const path = script("served", `{ schedules: [{ every: "1s", params: { n: 7 } }] }`);
    const serving = startServing(path);
    const banner = await serving.serving;
    expect(banner).toContain("Serving flow 'served'");
    expect(banner).toMatch(/every 1s: every second from .*; next /);

    const completed = await until("3 completed runs", async () => {
      const done = (await runsOf("served")).filter((r) => r.stateType === "COMPLETED");
      return done.length >= 3 ? done : undefined;
    }, { timeoutMs: 10_000, pollMs: 50 });
    // Stop while a run is going, so cancelling it is tested too.
    await until("a run in progress", async () => ((await runsOf("served")).some((r) => r.stateType === "RUNNING") ? true : undefined), { timeoutMs: 3000, pollMs: 50 });
    serving.child.kill("SIGINT");
    const ended = await serving.done;
    expect(ended.code, ended.stderr).toBe(0);

    for (const run of completed) expect(JSON.parse(run.parameters)).toEqual({ n: 7 });
    const starts = completed.map((r) => r.startTime!).sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++) {
      expect(starts[i]! - starts[i - 1]!).toBeGreaterThan(700);
      expect(starts[i]! - starts[i - 1]!).toBeLessThan(1500);
    }
    const runs = await runsOf("served");
    expect(runs.filter((r: FlowRunRecord) => r.stateType === "RUNNING" || r.stateType === "PENDING")).toEqual([]);
    expect(runs.filter((r) => r.stateType === "CRASHED")).toEqual([]);
    expect(runs.some((r) => r.stateType === "CANCELLED" && r.startTime !== null)).toBe(true);
    const [schedule] = await schedulesOf("served");
    expect(schedule).toMatchObject({ runner: "serve", file: path, flowName: "served", flowId: null, params: { n: 7 } });
  });

  it("updates its schedules when run again, and drops the ones it no longer lists", async () => {
    const path = script("again", `{ schedules: [{ every: "1h", params: { n: 0 } }, { name: "nightly", cron: "0 2 * * *", timezone: "Europe/Paris", params: { n: 1 } }], policy: { overlap: "queue" } }`);
    for (let i = 0; i < 2; i++) {
      const serving = startServing(path);
      await serving.serving;
      serving.child.kill("SIGINT");
      expect((await serving.done).code).toBe(0);
    }
    const twice = await schedulesOf("again");
    expect(twice.map((s) => s.name).sort()).toEqual(["every 1h", "nightly"]);
    expect(await withStore((s) => s.automations!().getFlowPolicy("again"))).toMatchObject({ overlap: "queue", maxConcurrentRuns: null });

    script("again", `{ schedules: [{ name: "nightly", cron: "30 2 * * *", timezone: "Europe/Paris", params: { n: 2 } }] }`);
    const serving = startServing(path);
    expect(await serving.serving).toContain("nightly: ");
    serving.child.kill("SIGTERM");
    expect((await serving.done).code).toBe(0);
    const after = await schedulesOf("again");
    expect(after).toHaveLength(1);
    // Same name, same script: the same schedule, updated.
    expect(after[0]).toMatchObject({ id: twice.find((s) => s.name === "nightly")!.id, params: { n: 2 }, timing: { kind: "cron", cron: "30 2 * * *" } });
  });

  it.each([
    ["a bad cron", `{ schedules: [{ every: "1h", params: { n: 1 } }, { cron: "61 * * * *", params: { n: 1 } }] }`, /minute/i],
    ["params the flow rejects", `{ schedules: [{ every: "1h", params: { n: "seven" } }] }`, /params: n: /],
    ["a bad duration", `{ schedules: [{ every: "soon", params: { n: 1 } }] }`, /soon/],
  ])("refuses %s in one line, exits non-zero and saves nothing", async (_, options, pattern) => {
    const name = `bad${Math.random().toString(36).slice(2, 8)}`;
    const r = await finished(spawn(process.execPath, nodeArgs(script(name, options)), { cwd: ROOT, env: childEnv(history.dir), stdio: ["ignore", "pipe", "pipe"] }));
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^flowbench serve: /);
    expect(lines[0]).toMatch(pattern);
    expect(r.stdout).toBe("");
    expect(await schedulesOf(name)).toEqual([]);
    expect(await runsOf(name)).toEqual([]);
  });
});
