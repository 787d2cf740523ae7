/**
 * The engine with real worker threads and a real SQLite file. The workers' SDK is
 * not this file's, so the tests see runs only as the app will: through the engine
 * API and the history.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src-main/engine/engine.ts";
import { ensureWorkspace } from "../../src-main/graph/workspace.ts";
import { openSqliteStore } from "../../src-main/store/sqlite/index.ts";

const dir = mkdtempSync(join(tmpdir(), "flowbench-engine-"));
ensureWorkspace(dir);
const dbPath = join(dir, "flowbench.db");
const store = openSqliteStore(dbPath);
const engine = createEngine({ dbPath, store });

afterAll(async () => {
  await engine.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a flow file into the workspace; `body` follows the SDK import. */
function flowFile(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `import { flow, flushHistory, getLogger, getRunContext, task } from "flowbench";\n${body}\n`);
  return file;
}

/** Resolves once `check` holds, checking again after each history write: no polling. */
function untilRecorded(on: Engine, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error("not recorded in time")), timeoutMs);
    const off = on.onFlush(() => void check().then((ok) => ok && finish()));
    function finish(error?: Error): void {
      clearTimeout(timer);
      off();
      if (error) reject(error);
      else resolve();
    }
  });
}

async function hasLog(runId: string, text: string): Promise<boolean> {
  return (await store.listLogs({ flowRunId: runId, text })).items.length > 0;
}

/** Proves the host survived: a fresh run still completes. */
async function hostStillRuns(on: Engine = engine): Promise<void> {
  const { runId } = await on.start({ file: flowFile("alive.ts", "export default flow(async function alive() { return 1; });") });
  expect((await on.wait(runId)).stateType).toBe("COMPLETED");
}

const spinning = `
const spin = task(async function spin() {
  getLogger().info("spinning");
  await flushHistory();
  for (;;) {}
});
export default flow(async function spinner() { await spin(); });`;

describe("running flows in workers", () => {
  it("runs a flow with its params, returning from start before the run ends; task runs and logs are in the history", async () => {
    const file = flowFile(
      "greet.ts",
      `const shout = task(async function shout(text: string) {
  getLogger().info("shouting " + text);
  return text.toUpperCase();
});
export default flow(async function greet(params: { name: string }) {
  return shout("hello " + params.name);
});`,
    );
    let flushes = 0;
    const off = engine.onFlush(() => flushes++);
    const { runId } = await engine.start({ file, params: { name: "Ada" } });
    const pending = await store.getFlowRun(runId);
    expect(pending?.stateType).toBe("PENDING");
    expect(engine.running()).toContain(runId);

    expect(await engine.wait(runId)).toEqual({ runId, stateType: "COMPLETED", stateName: "Completed", message: null });
    off();
    expect(flushes).toBeGreaterThan(1);
    expect(engine.running()).not.toContain(runId);
    expect(await store.getFlowRun(runId)).toMatchObject({ flowName: "greet", parameters: '{"name":"Ada"}', resultPreview: '"HELLO ADA"' });
    expect(await store.listTaskRuns({ flowRunId: runId })).toMatchObject([{ taskName: "shout", stateType: "COMPLETED", resultPreview: '"HELLO ADA"' }]);
    expect(await hasLog(runId, "shouting hello Ada")).toBe(true);
    expect((await store.listStates(runId)).map((s) => s.type)).toEqual(["PENDING", "RUNNING", "COMPLETED"]);
  });

  it("picks the flow named by flowName when a file has several", async () => {
    const file = flowFile("two.ts", `export const one = flow(async function one() { return 1; });\nexport const two = flow(async function two() { return 2; });`);
    const { runId } = await engine.start({ file, flowName: "two" });
    expect((await engine.wait(runId)).stateType).toBe("COMPLETED");
    expect(await store.getFlowRun(runId)).toMatchObject({ flowName: "two", resultPreview: "2" });
  });

  it("runs two flows at once without one seeing the other's params, runs or cancel", async () => {
    const file = flowFile(
      "pair.ts",
      `const wait = task(async function wait(label: string) {
  await new Promise((r, j) => { const t = setTimeout(r, label === "slow" ? 30_000 : 200); getRunContext().signal.addEventListener("abort", () => { clearTimeout(t); j(new Error("stopped")); }); });
  return label + ":" + getRunContext().flowRunId;
});
export default flow(async function pair(p: { label: string }) { return wait(p.label); });`,
    );
    const slow = await engine.start({ file, params: { label: "slow" } });
    const fast = await engine.start({ file, params: { label: "fast" } });
    expect(engine.running()).toEqual(expect.arrayContaining([slow.runId, fast.runId]));
    expect((await engine.wait(fast.runId)).stateType).toBe("COMPLETED");
    expect(await store.getFlowRun(fast.runId)).toMatchObject({ resultPreview: JSON.stringify(`fast:${fast.runId}`) });
    expect(engine.running()).toContain(slow.runId);

    // The slow one honours its signal: it ends Cancelled through the SDK, well within the grace period.
    const t0 = performance.now();
    expect(await engine.cancel(slow.runId)).toBe(true);
    const cooperativeMs = performance.now() - t0;
    console.log(`cooperative cancel took ${cooperativeMs.toFixed(0)} ms`);
    expect(cooperativeMs).toBeLessThan(800);
    expect(await engine.wait(slow.runId)).toEqual({ runId: slow.runId, stateType: "CANCELLED", stateName: "Cancelled", message: "Cancelled on request" });
    expect(await store.listTaskRuns({ flowRunId: slow.runId })).toMatchObject([{ stateType: "CANCELLED" }]);
    expect(await store.listTaskRuns({ flowRunId: fast.runId })).toMatchObject([{ stateType: "COMPLETED" }]);
  });

  it("cancels a run whose file is still loading: the worker remembers the cancel and the run never starts", async () => {
    // The file takes a while to load (a warm worker has the SDK ready, so the SDK's own load is no longer that window).
    const slowToLoad = "await new Promise((resolve) => setTimeout(resolve, 300));\nexport default flow(async function quick() { return 1; });";
    const { runId } = await engine.start({ file: flowFile("quick.ts", slowToLoad) });
    expect(await engine.cancel(runId)).toBe(true);
    expect(await engine.wait(runId)).toMatchObject({ stateType: "CANCELLED" });
    expect((await store.listStates(runId)).map((s) => s.type)).not.toContain("RUNNING");
  });

  it("answers false to cancelling a run it is not running", async () => {
    expect(await engine.cancel("01a20000-0000-7000-8000-000000000000")).toBe(false);
  });
});

describe("isolation: flow code cannot take the host down", () => {
  it("stops a task stuck in while(true) within 1 s of cancel, terminating its worker; the run and task end Cancelled", async () => {
    const { runId } = await engine.start({ file: flowFile("spin.ts", spinning) });
    await untilRecorded(engine, () => hasLog(runId, "spinning"));
    const t0 = performance.now();
    expect(await engine.cancel(runId)).toBe(true);
    const elapsed = performance.now() - t0;
    console.log(`cancel of a spinning worker took ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(1000);
    const message = "Cancelled: the run did not stop within 0.5 s, so its worker was terminated";
    expect(await engine.wait(runId)).toEqual({ runId, stateType: "CANCELLED", stateName: "Cancelled", message });
    expect(await store.listTaskRuns({ flowRunId: runId })).toMatchObject([{ taskName: "spin", stateType: "CANCELLED", stateMessage: message }]);
    expect((await store.listStates(runId)).at(-1)).toMatchObject({ type: "CANCELLED", message });
  });

  it("crashes a run whose code throws from a timer, with the error's message; the host lives on", async () => {
    const file = flowFile(
      "timer-throw.ts",
      `const arm = task(async function arm() { setTimeout(() => { throw new Error("kaboom from a timer"); }, 20); });
export default flow(async function timerThrow() { await arm(); await new Promise((r) => setTimeout(r, 10_000)); });`,
    );
    const { runId } = await engine.start({ file });
    const outcome = await engine.wait(runId);
    expect(outcome).toMatchObject({ stateType: "CRASHED", message: "The run's worker threw an uncaught error: kaboom from a timer" });
    expect(await store.getFlowRun(runId)).toMatchObject({ stateType: "CRASHED", error: { message: "kaboom from a timer" } });
    expect(await store.listTaskRuns({ flowRunId: runId })).toMatchObject([{ taskName: "arm", stateType: "COMPLETED" }]);
    await hostStillRuns();
  });

  it("crashes a run whose task calls process.exit(1), naming the exit code; what it logged before is kept", async () => {
    const file = flowFile(
      "exit.ts",
      `const quit = task(async function quit() { getLogger().info("about to exit"); process.exit(1); });
export default flow(async function exiter() { await quit(); });`,
    );
    const { runId } = await engine.start({ file });
    const message = "The run's worker exited with code 1 (process.exit was called in the flow's code)";
    expect(await engine.wait(runId)).toMatchObject({ stateType: "CRASHED", message });
    expect(await store.listTaskRuns({ flowRunId: runId })).toMatchObject([{ taskName: "quit", stateType: "CRASHED", stateMessage: message }]);
    expect(await hasLog(runId, "about to exit")).toBe(true);
    expect((await store.listStates(runId)).map((s) => s.type)).toEqual(["PENDING", "RUNNING", "CRASHED"]);
    await hostStillRuns();
  });

  it("crashes a run that allocates without bound once it reaches the memory limit; the host lives on", async () => {
    const small = createEngine({ dbPath, store, memoryLimitMb: 64 });
    try {
      const file = flowFile(
        "hog.ts",
        `const hog = task(async function hog() { const keep: string[] = []; for (;;) keep.push("x".repeat(1_000_000) + keep.length); });
export default flow(async function hogger() { await hog(); });`,
      );
      const t0 = performance.now();
      const { runId } = await small.start({ file });
      expect(await small.wait(runId)).toMatchObject({ stateType: "CRASHED", message: "The run's worker ran out of memory (limit 64 MB)" });
      console.log(`out-of-memory run ended after ${(performance.now() - t0).toFixed(0)} ms`);
      await hostStillRuns(small);
    } finally {
      await small.close();
    }
  });

  it("crashes a run left waiting on a promise nothing can settle, instead of hanging its worker", async () => {
    const { runId } = await engine.start({ file: flowFile("stuck.ts", "export default flow(async function stuck() { await new Promise(() => {}); });") });
    expect(await engine.wait(runId)).toMatchObject({ stateType: "CRASHED", message: expect.stringContaining("exited with code 13 (the flow waited on a promise") });
  });
});

describe("flow files that cannot run", () => {
  it("fails a run whose file has a syntax error, with the error's message, under the file's name", async () => {
    const { runId } = await engine.start({ file: flowFile("broken.ts", "export default flow(async function broken() { return 1 + ; });") });
    const outcome = await engine.wait(runId);
    expect(outcome).toMatchObject({ stateType: "FAILED", stateName: "Failed" });
    expect(outcome.message).toBe(`Expression expected (${join(dir, "broken.ts")}:2)`);
    expect(await store.getFlowRun(runId)).toMatchObject({ flowName: "broken.ts", stateType: "FAILED", stateMessage: outcome.message, error: { name: "SyntaxError" } });
    expect((await store.listStates(runId)).map((s) => s.type)).toEqual(["FAILED"]);
  });

  it("fails a run whose file exports no flow, saying so", async () => {
    const file = flowFile("no-flow.ts", "export const answer = 42;");
    const { runId } = await engine.start({ file });
    expect(await engine.wait(runId)).toMatchObject({ stateType: "FAILED", message: `No flow to run in ${file}: it exports no flow (export one made with flow(), ideally as the default export)` });
  });

  it("refuses a relative path, and params a worker cannot receive, before recording anything", async () => {
    await expect(engine.start({ file: "flows/x.ts" })).rejects.toThrow("the file must be an absolute path");
    await expect(engine.start({ file: join(dir, "x.ts"), params: { f: () => 1 } })).rejects.toThrow("params must be plain data");
  });
});

describe("close", () => {
  it("cancels every run, waits for the workers and leaves no timer behind", async () => {
    const own = createEngine({ dbPath, store, cancelGraceMs: 200 });
    const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    const { runId } = await own.start({ file: flowFile("spin-close.ts", spinning) });
    await untilRecorded(own, () => hasLog(runId, "spinning"));
    await own.close();
    expect(own.running()).toEqual([]);
    expect(await own.wait(runId)).toMatchObject({ stateType: "CANCELLED", message: "Cancelled: the run did not stop within 0.2 s, so its worker was terminated" });
    expect(timers()).toBeLessThanOrEqual(before);
    await expect(own.start({ file: join(dir, "spin-close.ts") })).rejects.toThrow("the engine is closed");
  });
});
