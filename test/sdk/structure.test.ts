import { flow, getRunContext, task } from "flowbench";
import { afterAll, describe, expect, it } from "vitest";
import { useTempHistory } from "../helpers/history.ts";

const history = useTempHistory();
afterAll(() => history[Symbol.asyncDispose]());

const flowRun = async (name: string) => (await history.store.listFlowRuns({ flowName: name })).items[0]!;

describe("subflows", () => {
  it("links a flow called inside a flow to its parent run, and to the task that called it", async () => {
    const child = flow(async function child(n: number) {
      return { n, ctx: getRunContext().flowRunId };
    });
    const caller = task(async function callsChild() {
      return child(2);
    });
    const parent = flow(async function parent() {
      const direct = await child(1);
      const viaTask = await caller();
      return { direct, viaTask, self: getRunContext().flowRunId };
    });
    const result = await parent();
    const parentRun = await flowRun("parent");
    const children = (await history.store.listFlowRuns({ parentFlowRunId: parentRun.id })).items;
    expect(children).toHaveLength(2);
    expect(children.every((c) => c.flowName === "child" && c.stateType === "COMPLETED")).toBe(true);
    expect(new Set(children.map((c) => c.id))).toEqual(new Set([result.direct.ctx, result.viaTask.ctx]));
    const [callerRun] = await history.store.listTaskRuns({ flowRunId: parentRun.id });
    const viaTask = children.find((c) => c.id === result.viaTask.ctx)!;
    expect(viaTask.parentTaskRunId).toBe(callerRun!.id);
    // Top-level listing can exclude subflows.
    const topLevel = (await history.store.listFlowRuns({ parentFlowRunId: null })).items.map((r) => r.flowName);
    expect(topLevel).toContain("parent");
    expect(topLevel).not.toContain("child");
  });

  it("fails the parent when an awaited subflow fails, with the subflow's error", async () => {
    const broken = flow(async function broken() {
      throw new Error("inner failure");
    });
    const outer = flow(async function outer() {
      await broken();
    });
    const state = await outer.run([], { returnState: true });
    expect(state).toMatchObject({ type: "FAILED", message: "inner failure" });
  });
});

describe("futures as arguments", () => {
  it("waits for futures and records them as upstream dependencies", async () => {
    const load = task(async function load(n: number) {
      await new Promise((r) => setTimeout(r, 10));
      return n * 10;
    });
    const add = task(async function add(a: number, b: number) {
      return a + b;
    });
    const pipeline = flow(async function pipeline() {
      const a = load.submit(1);
      const b = load.submit(2);
      const sum = add.submit(a, b);
      expect(sum.state.type).toBe("PENDING");
      return { sum: await sum, ids: { a: a.taskRunId, b: b.taskRunId, sum: sum.taskRunId } };
    });
    const { sum, ids } = await pipeline();
    expect(sum).toBe(30);
    const runs = await history.store.listTaskRuns({ flowRunId: (await flowRun("pipeline")).id });
    const byId = new Map(runs.map((r) => [r.id, r]));
    expect(new Set(byId.get(ids.sum)!.upstream)).toEqual(new Set([ids.a, ids.b]));
    expect(byId.get(ids.a)!.upstream).toEqual([]);
    expect(byId.get(ids.sum)!.inputsPreview).toBe("[10,20]");
  });

  it("records links through un-awaited call promises, results passed on, and futures inside lists", async () => {
    const make = task(async function make(n: number) {
      return { n };
    });
    const combine = task(async function combine(items: Array<{ n: number }>) {
      return items.reduce((s, i) => s + i.n, 0);
    });
    const linked = flow(async function linked() {
      const promise = make(1); // not awaited: still a dependency
      const value = await make(2); // awaited: the object remembers its run
      const future = make.submit(3);
      return combine([await promise, value, future] as never);
    });
    expect(await linked()).toBe(6);
    const runs = await history.store.listTaskRuns({ flowRunId: (await flowRun("linked")).id });
    const combineRun = runs.find((r) => r.taskName === "combine")!;
    const makeIds = runs.filter((r) => r.taskName === "make").map((r) => r.id);
    expect(new Set(combineRun.upstream)).toEqual(new Set(makeIds));
  });

  it("does not run a task whose upstream failed, and says which one", async () => {
    const bad = task(async function bad(): Promise<number> {
      throw new Error("no data");
    });
    const use = task(async function use(n: number) {
      return n;
    });
    const downstream = flow(async function downstream() {
      return use.run([bad.submit()], { returnState: true });
    });
    const state = await downstream.run([], { returnState: true });
    // The failure was observed through the downstream task, so the flow's own outcome stands.
    expect(state.type).toBe("COMPLETED");
    const inner = state.result as { type: string; name: string; message: string };
    expect(inner).toMatchObject({ type: "FAILED", name: "UpstreamFailed" });
    expect(inner.message).toMatch(/Task 'use' did not run: upstream task run 'bad-\w+' failed/);
  });

  it("maps over items, one task run per item, with the concurrency limit held", async () => {
    let running = 0;
    let peak = 0;
    const work = task(async function work(n: number, factor: number) {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return n * factor;
    });
    const mapped = flow({ taskConcurrency: 3 }, async function mapped() {
      return Promise.all(work.map([1, 2, 3, 4, 5, 6, 7, 8], 10));
    });
    expect(await mapped()).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
    expect(peak).toBe(3);
    expect(await history.store.listTaskRuns({ flowRunId: (await flowRun("mapped")).id })).toHaveLength(8);
  });

  it("fails a flow whose submitted task failed and was never awaited", async () => {
    const doomed = task(async function doomed() {
      throw new Error("forgotten failure");
    });
    const careless = flow(async function careless() {
      doomed.submit();
      return "done";
    });
    const state = await careless.run([], { returnState: true });
    expect(state.type).toBe("FAILED");
    expect(state.message).toContain("forgotten failure");
  });
});

describe("tasks outside flows", () => {
  it("runs and records a task called on its own", async () => {
    const lonely = task(async function lonely(x: number) {
      return getRunContext().flowRunId ?? x;
    });
    expect(await lonely(7)).toBe(7);
    const [run] = await history.store.listTaskRuns({ orphansOnly: true });
    expect(run).toMatchObject({ taskName: "lonely", flowRunId: null, stateType: "COMPLETED", resultPreview: "7" });
    expect(run!.owner?.pid).toBe(process.pid);
  });
});
