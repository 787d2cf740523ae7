import { NonRetryableError, flow, task } from "flowbench";
import { afterAll, describe, expect, it } from "vitest";
import { useTempHistory } from "../helpers/history.ts";

const history = useTempHistory();
afterAll(() => history[Symbol.asyncDispose]());

async function statesOf(runId: string) {
  return history.store.listStates(runId);
}

/** A function that fails `failures` times, then returns "ok". */
function flaky(failures: number, make: (n: number) => Error = (n) => new Error(`boom ${n}`)) {
  let calls = 0;
  const fn = async () => {
    calls++;
    if (calls <= failures) throw make(calls);
    return "ok";
  };
  return { fn, calls: () => calls };
}

describe("retries", () => {
  it("retries a failing task up to `retries` times and records each attempt", async () => {
    const f = flaky(2);
    const t = task({ name: "flaky", retries: 2 }, f.fn);
    const state = await t.run([], { returnState: true });
    expect(state.type).toBe("COMPLETED");
    expect(f.calls()).toBe(3);
    const [run] = await history.store.listTaskRuns({ orphansOnly: true });
    expect(run).toMatchObject({ taskName: "flaky", runCount: 3, maxRetries: 2, stateType: "COMPLETED" });
  });

  it("gives up after the last retry with the task's own error", async () => {
    const f = flaky(5);
    const t = task({ retries: 1 }, f.fn);
    await expect(t()).rejects.toThrow("boom 2");
    expect(f.calls()).toBe(2);
  });

  it("records Running, AwaitingRetry and Retrying states in order", async () => {
    const f = flaky(2);
    const t = task({ retries: 2, retryDelayMs: 5 }, f.fn);
    const wrapper = flow(async function retryStates() {
      return t.submit().taskRunId;
    });
    const id = await wrapper();
    const names = (await statesOf(id)).map((s) => s.name);
    expect(names).toEqual(["Pending", "Running", "AwaitingRetry", "Retrying", "AwaitingRetry", "Retrying", "Completed"]);
    const awaiting = (await statesOf(id)).filter((s) => s.name === "AwaitingRetry");
    expect(awaiting[0]!.message).toContain("boom 1");
    expect(awaiting[0]!.error?.message).toBe("boom 1");
  });

  it("waits the configured delay before each retry: a list gives one delay per retry", async () => {
    const f = flaky(2);
    const t = task({ retries: 2, retryDelayMs: [60, 150] }, f.fn);
    const wrapper = flow(async function retryDelays() {
      return t.submit().taskRunId;
    });
    const id = await wrapper();
    const states = await statesOf(id);
    const gaps = gapsBetween(states, "AwaitingRetry", "Retrying");
    expect(gaps).toHaveLength(2);
    expect(gaps[0]).toBeGreaterThanOrEqual(60);
    expect(gaps[1]).toBeGreaterThanOrEqual(150);
    expect(gaps[0]!).toBeLessThan(gaps[1]!);
  });

  it("takes a function of the retry number for backoff", async () => {
    const f = flaky(2);
    const seen: number[] = [];
    const t = task({ retries: 2, retryDelayMs: (retry) => (seen.push(retry), retry * 20) }, f.fn);
    await t();
    expect(seen).toEqual([1, 2]);
  });

  it("stretches delays by jitter but never below the configured delay", async () => {
    const f = flaky(3);
    const t = task({ retries: 3, retryDelayMs: 40, retryJitter: 1 }, f.fn);
    const wrapper = flow(async function jittered() {
      return t.submit().taskRunId;
    });
    const id = await wrapper();
    const gaps = gapsBetween(await statesOf(id), "AwaitingRetry", "Retrying");
    expect(gaps).toHaveLength(3);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(40);
    // The recorded message states each chosen delay: all within [40, 80].
    const planned = (await statesOf(id)).filter((s) => s.name === "AwaitingRetry").map((s) => Number(/in (\d+) ms/.exec(s.message ?? "")![1]));
    for (const ms of planned) {
      expect(ms).toBeGreaterThanOrEqual(40);
      expect(ms).toBeLessThanOrEqual(80);
    }
  });

  it("asks retryIf with the error and attempt, and stops when it says no", async () => {
    const asked: Array<[string, number]> = [];
    const f = flaky(5, (n) => Object.assign(new Error(n < 2 ? "transient" : "fatal"), { attempt: n }));
    const t = task(
      {
        retries: 5,
        retryIf: (error, attempt) => {
          asked.push([(error as Error).message, attempt]);
          return (error as Error).message === "transient";
        },
      },
      f.fn,
    );
    await expect(t()).rejects.toThrow("fatal");
    expect(asked).toEqual([
      ["transient", 1],
      ["fatal", 2],
    ]);
    expect(f.calls()).toBe(2);
  });

  it("never retries a NonRetryableError", async () => {
    const f = flaky(5, () => new NonRetryableError("bad input"));
    const t = task({ retries: 3 }, f.fn);
    const state = await t.run([], { returnState: true });
    expect(state).toMatchObject({ type: "FAILED", name: "Failed", message: "bad input" });
    expect(f.calls()).toBe(1);
  });

  it("retries a whole flow", async () => {
    const f = flaky(1);
    const wrapper = flow({ retries: 1, retryDelayMs: 5 }, async function retriedFlow() {
      return f.fn();
    });
    const state = await wrapper.run([], { returnState: true });
    expect(state).toMatchObject({ type: "COMPLETED", result: "ok" });
    const [run] = (await history.store.listFlowRuns({ flowName: "retriedFlow" })).items;
    expect(run).toMatchObject({ runCount: 2, stateType: "COMPLETED" });
  });
});

function gapsBetween(states: Array<{ name: string; timestamp: number }>, from: string, to: string): number[] {
  const gaps: number[] = [];
  states.forEach((s, i) => {
    const next = states[i + 1];
    if (s.name === from && next?.name === to) gaps.push(next.timestamp - s.timestamp);
  });
  return gaps;
}
