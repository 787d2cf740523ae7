import { z } from "zod";
import { FlowbenchError, flow, getRunContext, task } from "flowbench";
import { afterAll, describe, expect, it } from "vitest";
import { useTempHistory } from "../helpers/history.ts";

const history = useTempHistory();
afterAll(() => history[Symbol.asyncDispose]());

describe("states, options and hooks", () => {
  it("records every transition of a flow with timestamps, and returnState gives the final State", async () => {
    const f = flow({ name: "stateful", version: "1.2" }, async (x: number) => x + 1);
    const state = await f.run([1], { returnState: true });
    expect(state).toMatchObject({ type: "COMPLETED", name: "Completed", result: 2 });
    const [run] = (await history.store.listFlowRuns({ flowName: "stateful" })).items;
    expect(run).toMatchObject({ flowVersion: "1.2", parameters: "1", resultPreview: "2", runCount: 1 });
    const states = await history.store.listStates(run!.id);
    expect(states.map((s) => s.type)).toEqual(["PENDING", "RUNNING", "COMPLETED"]);
    expect(states.every((s, i) => i === 0 || s.timestamp >= states[i - 1]!.timestamp)).toBe(true);
    expect((await history.store.listFlows()).find((f) => f.name === "stateful")).toMatchObject({ version: "1.2", source: import.meta.filename });
  });

  it("validates parameters with a zod schema, applies defaults, and derives a JSON Schema", async () => {
    const params = z.object({ city: z.string().min(2), days: z.number().int().positive().default(3) });
    const forecast = flow({ params }, async function forecast(p: { city: string; days: number }) {
      return `${p.city}:${p.days}:${JSON.stringify(getRunContext().parameters)}`;
    });
    expect(await forecast({ city: "Paris" } as never)).toBe('Paris:3:{"city":"Paris","days":3}');
    const bad = await forecast.run([{ city: "P", days: -1 }], { returnState: true });
    expect(bad.type).toBe("FAILED");
    expect(bad.message).toMatch(/Invalid parameters for flow 'forecast': city: .*; days: /);
    expect(forecast.paramsJsonSchema).toMatchObject({ type: "object", properties: { city: { type: "string" }, days: { type: "integer" } } });
  });

  it("rejects bad options when the task is defined, naming the task and the option", () => {
    expect(() => task({ retries: -1 }, async function shaky() {})).toThrow("Invalid options for task 'shaky': 'retries' must be a whole number, 0 or more");
    expect(() => task({ retryJitter: 2 }, async function j() {})).toThrow(/'retryJitter' must be a number from 0 to 1/);
    expect(() => task({ cacheKey: "everything" as never }, async function c() {})).toThrow(/'cacheKey' must be/);
    expect(() => flow({ taskConcurrency: 0 }, async function f() {})).toThrow(/Invalid options for flow 'f': 'taskConcurrency'/);
    expect(() => task({ retrys: 3 } as never, async function typo() {})).toThrow(/unknown option 'retrys'/);
    expect(() => task({ retries: -1 }, async () => {})).toThrow(FlowbenchError);
  });

  it("calls onCompletion and onFailure hooks with the final state; a failing hook changes nothing", async () => {
    const calls: string[] = [];
    const ok = task(
      {
        onCompletion: [(i) => void calls.push(`done:${i.taskName}:${i.state.name}`), () => { throw new Error("hook bug"); }],
      },
      async function good() {
        return 1;
      },
    );
    const bad = task({ onFailure: (i) => void calls.push(`failed:${i.state.message}`) }, async function bad() {
      throw new Error("nope");
    });
    const f = flow(
      { onCompletion: (i) => void calls.push(`flow:${i.state.type}`), onFailure: () => void calls.push("flow failed?!") },
      async function hooked() {
        await ok();
        await bad().catch(() => undefined);
      },
    );
    const state = await f.run([], { returnState: true });
    expect(state.type).toBe("COMPLETED");
    expect(calls).toEqual(["done:good:Completed", "failed:nope", "flow:COMPLETED"]);
    const [run] = (await history.store.listFlowRuns({ flowName: "hooked" })).items;
    const logs = (await history.store.listLogs({ flowRunId: run!.id })).items.map((l) => l.message);
    expect(logs).toEqual([expect.stringMatching(/onCompletion hook 'anonymous' failed: Error: hook bug/)]);
  });

  it("names runs with runName and keeps the copy from withOptions separate", async () => {
    const fetchPage = task({ runName: (args: [number]) => `page-${args[0]}` }, async function fetchPage(_n: number) {
      return getRunContext().taskRunName;
    });
    expect(await fetchPage(7)).toBe("page-7");
    const renamed = fetchPage.withOptions({ runName: "fixed", retries: 1 });
    expect(await renamed(1)).toBe("fixed");
    expect(fetchPage.options.retries).toBeUndefined();
    expect(renamed.taskName).toBe("fetchPage");
  });

  it("gives getRunContext the run ids, parameters and attempt, and refuses outside runs", async () => {
    let attempts = 0;
    const t = task({ retries: 1 }, async function ctxTask() {
      attempts++;
      const ctx = getRunContext();
      if (attempts === 1) throw new Error("again");
      return ctx;
    });
    const f = flow(async function ctxFlow(_p: { region: string }) {
      return t();
    });
    const ctx = await f({ region: "eu" });
    expect(ctx).toMatchObject({ flowName: "ctxFlow", taskName: "ctxTask", parameters: { region: "eu" }, attempt: 2 });
    expect(ctx.flowRunId).toMatch(/^[0-9a-f-]{36}$/);
    expect(() => getRunContext()).toThrow("getRunContext() was called outside a flow or task run");
  });
});
