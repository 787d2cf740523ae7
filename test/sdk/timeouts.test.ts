import { flow, getRunContext, task } from "flowbench";
import { afterAll, describe, expect, it } from "vitest";
import { useTempHistory } from "../helpers/history.ts";

const history = useTempHistory();
afterAll(() => history[Symbol.asyncDispose]());

describe("timeouts and cancellation", () => {
  it("aborts the task's signal and ends TimedOut", async () => {
    let aborted: unknown;
    const slow = task({ name: "slow", timeoutMs: 50 }, async () => {
      const { signal } = getRunContext();
      await new Promise((resolve) => signal.addEventListener("abort", resolve));
      aborted = signal.reason;
      return "never";
    });
    const started = Date.now();
    const state = await slow.run([], { returnState: true });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(state).toMatchObject({ type: "FAILED", name: "TimedOut" });
    expect(state.message).toContain("timed out after 50 ms");
    expect((aborted as Error).name).toBe("TimeoutError");
  });

  it("ends the wait even when the task ignores its signal, and retries after a timeout", async () => {
    let attempts = 0;
    const stubborn = task({ name: "stubborn", timeoutMs: 40, retries: 1 }, async () => {
      attempts++;
      if (attempts === 1) await new Promise((r) => setTimeout(r, 400));
      return attempts;
    });
    const state = await stubborn.run([], { returnState: true });
    expect(state).toMatchObject({ type: "COMPLETED", result: 2 });
  });

  it("times out a flow and cancels the task runs still going", async () => {
    const forever = task({ name: "forever" }, async () => {
      const { signal } = getRunContext();
      await new Promise((resolve) => signal.addEventListener("abort", resolve));
    });
    const f = flow({ timeoutMs: 60 }, async function timedFlow() {
      await forever();
    });
    const state = await f.run([], { returnState: true });
    expect(state).toMatchObject({ type: "FAILED", name: "TimedOut" });
    const [run] = (await history.store.listFlowRuns({ flowName: "timedFlow" })).items;
    const tasks = await history.store.listTaskRuns({ flowRunId: run!.id });
    expect(tasks.map((t) => t.stateType)).toEqual(["CANCELLED"]);
  });

  it("cancels a flow from its signal: tasks see the abort and the run ends Cancelled", async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const waiting = task({ name: "waiting" }, async () => {
      const { signal } = getRunContext();
      await new Promise((resolve) => signal.addEventListener("abort", resolve));
      seen.push("aborted");
    });
    const f = flow({ onCancellation: () => void seen.push("hook") }, async function cancellable() {
      await waiting();
    });
    setTimeout(() => controller.abort("stop please"), 30);
    const state = await f.run([], { returnState: true, signal: controller.signal });
    expect(state).toMatchObject({ type: "CANCELLED", message: "stop please" });
    expect(seen).toEqual(["aborted", "hook"]);
    const [run] = (await history.store.listFlowRuns({ flowName: "cancellable" })).items;
    expect((await history.store.listStates(run!.id)).map((s) => s.name)).toEqual(["Pending", "Running", "Cancelling", "Cancelled"]);
  });

  it("ends Cancelled, not Failed, when cancelled while it waits for tasks it submitted and never awaited", async () => {
    const controller = new AbortController();
    const background = task({ name: "background" }, async () => {
      const { signal } = getRunContext();
      await new Promise((resolve) => signal.addEventListener("abort", resolve));
    });
    const f = flow(async function fireAndForget() {
      background.submit();
    });
    setTimeout(() => controller.abort("stop please"), 50);
    const state = await f.run([], { returnState: true, signal: controller.signal });
    expect(state).toMatchObject({ type: "CANCELLED", message: "stop please" });
  });
});
