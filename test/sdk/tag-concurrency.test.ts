import { flow, getRunContext, task, type RunStore, type StateRecord } from "flowbench";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempHistory } from "../helpers/history.ts";

const history = useTempHistory();
afterAll(() => history[Symbol.asyncDispose]());

// Set before any tagged task runs: the SDK caches which tags are limited for a second.
beforeAll(async () => {
  await history.store.setConcurrencyLimit!("db", 1);
  await history.store.setConcurrencyLimit!("flaky-db", 1);
  await history.store.setConcurrencyLimit!("held", 1);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Interval {
  id: string;
  start: number;
  end: number;
}

/** Each RUNNING stretch of a task run: from its RUNNING state to the state after it. */
async function runningIntervals(store: RunStore, taskRunId: string): Promise<Interval[]> {
  const states: StateRecord[] = await store.listStates(taskRunId);
  const out: Interval[] = [];
  states.forEach((s, i) => {
    if (s.type === "RUNNING") out.push({ id: taskRunId, start: s.timestamp, end: states[i + 1]?.timestamp ?? Infinity });
  });
  return out;
}

function overlaps(intervals: Interval[]): Array<[Interval, Interval]> {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const found: Array<[Interval, Interval]> = [];
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.start < sorted[i - 1]!.end) found.push([sorted[i - 1]!, sorted[i]!]);
  return found;
}

async function taskRunsOf(flowName: string) {
  const [run] = (await history.store.listFlowRuns({ flowName })).items;
  return history.store.listTaskRuns({ flowRunId: run!.id });
}

describe("tag concurrency limits in one process", () => {
  it("runs tasks of a limited tag one at a time, showing AwaitingConcurrencySlot meanwhile", async () => {
    const query = task({ tags: ["db", "unlimited"] }, async function query(i: number) {
      await sleep(40);
      return i;
    });
    const f = flow(async function limitedMap() {
      return Promise.all(query.map([1, 2, 3, 4]));
    });
    expect(await f()).toEqual([1, 2, 3, 4]);
    const tasks = await taskRunsOf("limitedMap");
    expect(tasks.map((t) => t.stateType)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"]);
    const intervals = (await Promise.all(tasks.map((t) => runningIntervals(history.store, t.id)))).flat();
    expect(intervals).toHaveLength(4);
    expect(overlaps(intervals)).toEqual([]);
    const waited = (await Promise.all(tasks.map((t) => history.store.listStates(t.id)))).flat().filter((s) => s.name === "AwaitingConcurrencySlot");
    expect(waited.length).toBeGreaterThanOrEqual(3);
    expect(waited[0]).toMatchObject({ type: "PENDING", message: "Waiting for a slot of tag 'db' (limit 1)" });
    expect((await history.store.listConcurrencyLimits!()).find((l) => l.tag === "db")!.holders).toEqual([]);
  });

  it("leaves tasks whose tags have no limit concurrent, so overlap is detectable", async () => {
    const query = task({ tags: ["unlimited"] }, async function freeQuery(i: number) {
      void i;
      await sleep(40);
    });
    await flow(async function unlimitedMap() {
      await Promise.all(query.map([1, 2, 3]));
    })();
    const tasks = await taskRunsOf("unlimitedMap");
    const intervals = (await Promise.all(tasks.map((t) => runningIntervals(history.store, t.id)))).flat();
    expect(overlaps(intervals).length).toBeGreaterThan(0);
    const names = (await Promise.all(tasks.map((t) => history.store.listStates(t.id)))).flat().map((s) => s.name);
    expect(names).not.toContain("AwaitingConcurrencySlot");
  });

  it("gives the slot back during a retry delay", async () => {
    let attempts = 0;
    const flaky = task({ tags: ["flaky-db"], retries: 1, retryDelayMs: 300 }, async function flaky() {
      if (++attempts === 1) throw new Error("first try fails");
      return "ok";
    });
    const quick = task({ tags: ["flaky-db"] }, async function quick() {
      await sleep(20);
      return "quick";
    });
    const f = flow(async function retryRelease() {
      const first = flaky.submit();
      await sleep(50);
      // flaky is in its retry delay now, holding nothing: quick runs at once.
      return [await quick(), await first];
    });
    expect(await f()).toEqual(["quick", "ok"]);
    const tasks = await taskRunsOf("retryRelease");
    const flakyStates = await history.store.listStates(tasks.find((t) => t.taskName === "flaky")!.id);
    const quickStates = await history.store.listStates(tasks.find((t) => t.taskName === "quick")!.id);
    expect(quickStates.map((s) => s.name)).toEqual(["Pending", "Running", "Completed"]);
    const retryWait = flakyStates.find((s) => s.name === "AwaitingRetry")!;
    const retried = flakyStates.find((s) => s.name === "Retrying")!;
    expect(quickStates[1]!.timestamp).toBeGreaterThanOrEqual(retryWait.timestamp);
    expect(quickStates[2]!.timestamp).toBeLessThanOrEqual(retried.timestamp);
  });

  it("stops waiting when the flow run is cancelled; the waiting task never runs", async () => {
    const controller = new AbortController();
    const holder = task({ tags: ["held"] }, async function holder() {
      const { signal } = getRunContext();
      await new Promise((resolve) => signal.addEventListener("abort", resolve));
    });
    const waiter = task({ tags: ["held"] }, async function waiter() {
      return "ran";
    });
    const f = flow(async function cancelWhileWaiting() {
      const h = holder.submit();
      await sleep(20);
      await Promise.all([h, waiter()]);
    });
    setTimeout(() => controller.abort("stop please"), 150);
    const state = await f.run([], { returnState: true, signal: controller.signal });
    expect(state.type).toBe("CANCELLED");
    const tasks = await taskRunsOf("cancelWhileWaiting");
    const waiting = await history.store.listStates(tasks.find((t) => t.taskName === "waiter")!.id);
    expect(waiting.map((s) => s.name)).toEqual(["Pending", "AwaitingConcurrencySlot", "Cancelled"]);
    expect((await history.store.listConcurrencyLimits!()).find((l) => l.tag === "held")!.holders).toEqual([]);
  });
});
