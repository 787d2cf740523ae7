/**
 * The API's behaviour, whatever carries it: every transport runs this suite
 * against a real host (SQLite, flow files, worker-thread engine).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../../shared/api/client.ts";
import { ApiError } from "../../shared/api/errors.ts";
import type { ApiEvent, EventBatch, Subscription } from "../../shared/api/events.ts";
import { childEnv } from "./history.ts";
import { nodeArgs, ROOT, run } from "./spawn.ts";

export interface ContractFixture {
  client: ApiClient;
  home: string;
  flowsDir: string;
  close(): Promise<void>;
}

import type { FlowGraph } from "../../shared/graph/model.ts";

const HELLO = JSON.parse(readFileSync(join(ROOT, "test/fixtures/graphs/hello.json"), "utf8")) as FlowGraph;

const SLOW = `import { flow, getLogger, getRunContext, task } from "flowbench";
const wait = task(async function wait(ms: number) {
  getLogger().info("waiting " + ms + " ms");
  await new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    getRunContext().signal.addEventListener("abort", () => { clearTimeout(t); reject(new Error("stopped")); });
  });
  return ms;
});
export default flow({ name: "slow" }, async function slow(params: { ms: number }) {
  return wait(params.ms);
});
`;

const CHATTY = `import { flow, getLogger, task } from "flowbench";
const talk = task(async function talk(lines: number) {
  for (let i = 1; i <= lines; i++) getLogger()[i % 10 === 0 ? "warning" : "info"]("line " + i);
  return lines;
});
const fail = task(async function fail(n: number) {
  throw new Error("failed on purpose after " + n);
});
export default flow({ name: "chatty" }, async function chatty(params: { lines: number; fail?: boolean }) {
  const n = await talk(params.lines);
  if (params.fail) await fail(n);
  return n;
});
`;

/** Subscribes and gathers events until `done` says so. */
export function collect(client: ApiClient, subscription: Subscription, done: (events: ApiEvent[]) => boolean, timeoutMs = 15_000): Promise<{ events: ApiEvent[]; batches: EventBatch[] }> {
  return new Promise((resolve, reject) => {
    const events: ApiEvent[] = [];
    const batches: EventBatch[] = [];
    let stop = () => {};
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for events; got ${events.length}: ${JSON.stringify(events.slice(-3)).slice(0, 500)}`));
    }, timeoutMs);
    stop = client.subscribe(subscription, (batch) => {
      batches.push(batch);
      events.push(...batch.events);
      if (done(events)) {
        clearTimeout(timer);
        stop();
        resolve({ events, batches });
      }
    });
  });
}

const finished = (runId: string) => (events: ApiEvent[]) => events.some((e) => e.type === "flow-run" && e.run.id === runId && ["COMPLETED", "FAILED", "CANCELLED", "CRASHED"].includes(e.run.stateType));

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error("expected the call to fail");
}

export function defineApiContract(name: string, make: () => Promise<ContractFixture>): void {
  describe(`API contract over ${name}`, () => {
    let f: ContractFixture;
    let client: ApiClient;
    beforeAll(async () => {
      f = await make();
      client = f.client;
    }, 60_000);
    afterAll(async () => f?.close(), 60_000);

    it("app.info says where things are", async () => {
      const info = await client.call("app.info", {});
      expect(info).toMatchObject({ name: "flowbench", home: f.home, flowsDir: f.flowsDir, databasePath: join(f.home, "flowbench.db") });
      expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    });

    it("saves, lists, reads, exports and deletes flows as .ts files", async () => {
      const saved = await client.call("flows.save", { graph: HELLO });
      expect(saved).toMatchObject({ id: "hello", name: "hello", kind: "graph", lastRun: null, problems: [] });
      expect(saved.graph).toEqual(HELLO);
      expect(readFileSync(join(f.flowsDir, "hello.ts"), "utf8")).toBe(readFileSync(join(ROOT, "test/fixtures/graphs/hello.ts"), "utf8"));

      const imported = await client.call("flows.import", { fileName: "Slow Flow.ts", source: SLOW });
      expect(imported).toMatchObject({ id: "slow-flow", name: "slow", kind: "code" });
      expect(imported.problems.length).toBeGreaterThan(0);
      await client.call("flows.import", { fileName: "chatty.ts", source: CHATTY });

      const list = await client.call("flows.list", {});
      expect(list.flows.map((x) => [x.id, x.kind])).toEqual([["chatty", "code"], ["hello", "graph"], ["slow-flow", "code"]]);
      expect(await client.call("flows.export", { id: "slow-flow" })).toEqual({ fileName: "slow-flow.ts", source: SLOW });

      const renamed = await client.call("flows.rename", { id: "slow-flow", name: "Nightly Slow" });
      expect(renamed).toMatchObject({ id: "nightly-slow", kind: "code" });
      expect(readFileSync(join(f.flowsDir, "nightly-slow.ts"), "utf8")).toBe(SLOW);
      expect((await failure(client.call("flows.get", { id: "slow-flow" }))).code).toBe("not-found");
      await client.call("flows.save", { graph: { ...HELLO, name: "hello2" } });
      const graphRenamed = await client.call("flows.rename", { id: "hello2", name: "Greeter" });
      expect(graphRenamed).toMatchObject({ id: "greeter", name: "Greeter", kind: "graph" });
      expect(readFileSync(join(f.flowsDir, "greeter.ts"), "utf8")).toContain('name: "Greeter"');
      expect((await failure(client.call("flows.rename", { id: "greeter", name: "chatty" }))).code).toBe("conflict");
      expect(readFileSync(join(f.flowsDir, "greeter.ts"), "utf8")).toContain('name: "Greeter"');
      await client.call("flows.rename", { id: "nightly-slow", name: "slow flow" });
      await client.call("flows.delete", { id: "greeter" });

      await client.call("flows.import", { fileName: "temp.ts", source: SLOW });
      expect(await client.call("flows.delete", { id: "temp" })).toEqual({ id: "temp" });
      expect((await failure(client.call("flows.get", { id: "temp" }))).code).toBe("not-found");
    });

    it("refuses to overwrite: a new flow whose file exists, and a file changed on disk since it was opened", async () => {
      expect((await failure(client.call("flows.save", { graph: HELLO }))).code).toBe("conflict");
      const opened = await client.call("flows.get", { id: "hello" });
      const edited = { ...HELLO, description: "Edited." };
      const saved = await client.call("flows.save", { id: "hello", graph: edited, ifUnchangedSince: opened.updatedAt });
      expect(saved.description).toBe("Edited.");
      writeFileSync(join(f.flowsDir, "hello.ts"), readFileSync(join(f.flowsDir, "hello.ts"), "utf8"));
      const stale = await failure(client.call("flows.save", { id: "hello", graph: HELLO, ifUnchangedSince: opened.updatedAt - 10_000 }));
      expect(stale.code).toBe("conflict");
      expect(stale.message).toContain("changed on disk");
      await client.call("flows.save", { id: "hello", graph: HELLO });
    });

    it("refuses to save a graph whose file would not read back as the same graph", async () => {
      const cyclic: FlowGraph = { ...HELLO, name: "loop", edges: [...HELLO.edges, { source: "greet", target: "greet", input: "name" }] };
      const refused = await failure(client.call("flows.save", { graph: cyclic }));
      expect(refused.code).toBe("graph-invalid");
      expect(refused.message).toMatch(/cannot be saved as a flow file yet: .*(cycle|connected to itself|two connections)/);
    });

    it("validates graphs, with a full type check on request", async () => {
      const broken = await client.call("graph.validate", { graph: { name: "x", nodes: [{ id: "n", kind: "nope" }] } });
      expect(broken).toMatchObject({ ok: false, code: null, problems: [{ code: "unknown-kind", nodeId: "n" }] });
      const typo: FlowGraph = { ...HELLO, nodes: HELLO.nodes.map((n) => (n.id === "greet" && n.kind === "task" ? { ...n, code: "return name * 2;" } : n)) };
      expect((await client.call("graph.validate", { graph: typo })).ok).toBe(true);
      const checked = await client.call("graph.validate", { graph: typo, typecheck: true });
      expect(checked.ok).toBe(false);
      expect(checked.problems.length).toBeGreaterThan(0);
      for (const p of checked.problems) expect(p).toMatchObject({ code: "type-error", nodeId: "greet", line: 1 });
      expect(checked.problems.map((p) => p.message)).toContain("'greet', line 1: The left-hand side of an arithmetic operation must be of type 'any', 'number', 'bigint' or an enum type.");
    });

    it("starts a run, streams its state changes and logs in order, and shows it in every read", async () => {
      const { runId } = await client.call("runs.start", { flowId: "chatty", params: { lines: 30 } });
      const { events } = await collect(client, { runIds: [runId] }, finished(runId));
      const states = events.filter((e) => e.type === "flow-run").map((e) => (e.type === "flow-run" ? e.run.stateType : ""));
      expect(states.at(-1)).toBe("COMPLETED");
      expect(states.indexOf("RUNNING") < states.lastIndexOf("COMPLETED") || !states.includes("RUNNING")).toBe(true);
      const taskStates = events.filter((e) => e.type === "task-run").map((e) => (e.type === "task-run" ? e.taskRun.stateType : ""));
      expect(taskStates.at(-1)).toBe("COMPLETED");
      const lines = events.filter((e) => e.type === "log").map((e) => (e.type === "log" ? e.log : undefined)!);
      expect(lines.map((l) => l.message)).toEqual(Array.from({ length: 30 }, (_, i) => `line ${i + 1}`));
      expect(lines.map((l) => l.id)).toEqual([...lines.map((l) => l.id)].sort((a, b) => a - b));

      const detail = await client.call("runs.get", { runId });
      expect(detail.run).toMatchObject({ id: runId, flowName: "chatty", stateType: "COMPLETED" });
      expect(detail.taskRuns.map((t) => t.taskName)).toEqual(["talk"]);
      expect(detail.states.map((s) => s.type)).toContain("COMPLETED");
      const talk = await client.call("runs.taskRun", { runId, taskRunId: detail.taskRuns[0]!.id });
      expect(talk.taskRun).toEqual(detail.taskRuns[0]);
      expect(talk.states.map((s) => s.type)).toEqual(expect.arrayContaining(["RUNNING", "COMPLETED"]));
      expect((await failure(client.call("runs.taskRun", { runId, taskRunId: "nope" }))).message).toContain("has no task run 'nope'");

      const page = await client.call("logs.list", { runId, limit: 10 });
      expect(page.items.map((l) => l.message)).toEqual(Array.from({ length: 10 }, (_, i) => `line ${i + 1}`));
      const next = await client.call("logs.list", { runId, limit: 10, cursor: page.nextCursor });
      expect(next.items[0]!.message).toBe("line 11");
      const warnings = await client.call("logs.list", { runId, minLevel: 30 });
      expect(warnings.items.map((l) => l.message)).toEqual(["line 10", "line 20", "line 30"]);
      expect((await client.call("logs.list", { runId, text: "LINE 2" })).items.map((l) => l.message)).toEqual(["line 2", "line 20", "line 21", "line 22", "line 23", "line 24", "line 25", "line 26", "line 27", "line 28", "line 29"]);

      const listed = await client.call("runs.list", { flowName: "chatty", states: ["COMPLETED"] });
      expect(listed.items.map((r) => r.id)).toContain(runId);
      const flows = await client.call("flows.list", {});
      expect(flows.flows.find((x) => x.id === "chatty")?.lastRun).toMatchObject({ id: runId, stateType: "COMPLETED" });
    });

    it("retries a failed run with its parameters", async () => {
      const { runId } = await client.call("runs.start", { flowId: "chatty", params: { lines: 2, fail: true } });
      await collect(client, { runIds: [runId] }, finished(runId));
      const failed = await client.call("runs.get", { runId });
      expect(failed.run).toMatchObject({ stateType: "FAILED", stateMessage: expect.stringContaining("failed on purpose after 2") });
      const retry = await client.call("runs.retry", { runId });
      expect(retry.runId).not.toBe(runId);
      await collect(client, { runIds: [retry.runId] }, finished(retry.runId));
      expect(JSON.parse((await client.call("runs.get", { runId: retry.runId })).run.parameters)).toEqual({ lines: 2, fail: true });
    });

    it("cancels a run within a second", async () => {
      const { runId } = await client.call("runs.start", { flowId: "slow-flow", params: { ms: 60_000 } });
      await collect(client, { runIds: [runId] }, (events) => events.some((e) => e.type === "task-run" && e.taskRun.stateType === "RUNNING"));
      const asked = Date.now();
      expect(await client.call("runs.cancel", { runId })).toEqual({ runId, cancelled: true });
      const { events } = await collect(client, { runIds: [runId] }, finished(runId));
      expect(Date.now() - asked).toBeLessThan(1500);
      expect(events.filter((e) => e.type === "flow-run").at(-1)).toMatchObject({ run: { stateType: "CANCELLED" } });
      expect(await client.call("runs.cancel", { runId })).toEqual({ runId, cancelled: false });
    });

    it("shows runs of scripts run outside the host, live, within about a second", async () => {
      const script = join(f.flowsDir, "outside.ts");
      writeFileSync(script, 'import { flow, runFromCommandLine } from "flowbench";\nconst outside = flow({ name: "outside" }, async function outside() { return 42; });\nexport default outside;\nif (import.meta.main) await runFromCommandLine(outside);\n');
      const seen = collect(client, { allRuns: true }, (events) => events.some((e) => e.type === "flow-run" && e.run.flowName === "outside" && e.run.stateType === "COMPLETED"));
      const ended = await run(nodeArgs(script), { env: childEnv(f.home), cwd: f.flowsDir });
      expect(ended.code, ended.stderr).toBe(0);
      const at = Date.now();
      await seen;
      expect(Date.now() - at).toBeLessThan(1500);
    });

    it("resumes a subscription from its cursor without losing events", async () => {
      const { runId } = await client.call("runs.start", { flowId: "chatty", params: { lines: 5 } });
      const head = await collect(client, { runIds: [runId] }, finished(runId));
      const cursor = head.batches.at(-1)!.cursor;
      const second = await client.call("runs.start", { flowId: "chatty", params: { lines: 3 } });
      await collect(client, { runIds: [second.runId] }, finished(second.runId));
      // Away while the second run happened: the cursor brings back exactly what was missed.
      const resumed = await collect(client, { allRuns: true, cursor }, (events) => events.some((e) => e.type === "flow-run" && e.run.id === second.runId && e.run.stateType === "COMPLETED"));
      expect(resumed.events.every((e) => e.type === "flow-run")).toBe(true);
      expect(resumed.events.some((e) => e.type === "flow-run" && e.run.id === runId)).toBe(false);
    });

    it("lists runs by text and sort, names the flows with runs, and pages logs back from the tail with a total", async () => {
      const { runId } = await client.call("runs.start", { flowId: "chatty", params: { lines: 25, marker: "Needle-42" } as never });
      await collect(client, { runIds: [runId] }, finished(runId));
      expect((await client.call("runs.list", { text: "needle-42" })).items.map((r) => r.id)).toEqual([runId]);
      const oldest = await client.call("runs.list", { sort: "oldest", limit: 2 });
      const newest = await client.call("runs.list", { sort: "newest", limit: 1000 });
      expect(oldest.items.map((r) => r.id)).toEqual(newest.items.slice(-2).reverse().map((r) => r.id));
      const longest = await client.call("runs.list", { sort: "longest", limit: 1 });
      expect(longest.nextCursor).toMatch(/^L/);
      expect((await client.call("runs.list", { sort: "longest", cursor: longest.nextCursor })).items.length).toBe(newest.items.length - 1);
      expect((await client.call("runs.flowNames", {})).names).toEqual(expect.arrayContaining(["chatty", "outside", "slow"]));

      const tail = await client.call("logs.list", { runId, tail: true, limit: 10, withTotal: true });
      expect(tail.items.map((l) => l.message)).toEqual(Array.from({ length: 10 }, (_, i) => `line ${16 + i}`));
      expect(tail).toMatchObject({ nextCursor: null, total: 25 });
      const older = await client.call("logs.list", { runId, beforeId: Number(tail.prevCursor), limit: 10 });
      expect(older.items[0]!.message).toBe("line 6");
      expect((await client.call("logs.list", { runId, beforeId: Number(older.prevCursor) })).prevCursor).toBeNull();

      const now = Date.now();
      const stats = await client.call("runs.stats", { since: now - 3_600_000, until: now + 1000, buckets: 12 });
      expect(stats.series).toHaveLength(12);
      expect(stats.totals.COMPLETED).toBeGreaterThan(0);
      expect(stats.totals.FAILED).toBeGreaterThan(0);
      expect(stats.failureRate).toBeGreaterThan(0);
      expect(stats.slowestFlows.map((x) => x.flowName)).toContain("chatty");
      expect(stats.recentFailures[0]).toMatchObject({ flowName: "chatty", stateType: "FAILED", message: expect.stringContaining("failed on purpose") });
    });

    it("names the field of a bad runs.list, runs.stats or logs.list input", async () => {
      const message = async (promise: Promise<unknown>) => (await failure(promise)).message;
      expect(await message(client.call("runs.list", { sort: "slowest" as never }))).toMatch(/^Invalid input for runs\.list: sort: /);
      expect(await message(client.call("runs.stats", { since: 10, until: 5 }))).toMatch(/^Invalid input for runs\.stats: until: must be after since/);
      expect(await message(client.call("runs.stats", { since: 0, until: 5, buckets: 0 }))).toMatch(/^Invalid input for runs\.stats: buckets: /);
      expect(await message(client.call("runs.stats", { since: 0, until: 5, buckets: 501 }))).toMatch(/^Invalid input for runs\.stats: buckets: /);
      expect(await message(client.call("runs.stats", { until: 5 } as never))).toMatch(/^Invalid input for runs\.stats: since: /);
      expect(await message(client.call("runs.flowNames", { x: 1 } as never))).toMatch(/^Invalid input for runs\.flowNames/);
      expect(await message(client.call("logs.list", { runId: "r", beforeId: 0 }))).toMatch(/^Invalid input for logs\.list: beforeId: /);
      expect(await message(client.call("logs.list", { runId: "r", tail: "yes" as never }))).toMatch(/^Invalid input for logs\.list: tail: /);
    });

    it("answers mistakes with error envelopes that say what was wrong", async () => {
      const unknown = await failure(client.call("runs.nope" as never, {} as never));
      expect(unknown.code).toBe("unknown-method");
      const invalid = await failure(client.call("runs.get", {} as never));
      expect(invalid.code).toBe("invalid-input");
      expect(invalid.message).toMatch(/^Invalid input for runs\.get: runId: /);
      expect((await failure(client.call("runs.get", { runId: "no-such-run" }))).code).toBe("not-found");
      expect((await failure(client.call("runs.start", { flowId: "../etc/passwd" }))).code).toBe("invalid-input");
      expect((await failure(client.call("runs.list", { cursor: "garbage" }))).code).toBe("invalid-input");
      expect((await failure(client.call("flows.save", { graph: { name: "" } as never }))).message).toMatch(/^Invalid input for flows\.save/);
      // The host keeps serving.
      expect((await client.call("app.info", {})).name).toBe("flowbench");
    });
  });
}
