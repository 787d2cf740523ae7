import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { flow, task } from "flowbench";
import { afterAll, describe, expect, it } from "vitest";
import { childEnv, useTempHistory } from "../helpers/history.ts";
import { nodeArgs, run } from "../helpers/spawn.ts";

const history = useTempHistory();
afterAll(() => history[Symbol.asyncDispose]());

function counted<A extends unknown[], R>(fn: (...args: A) => R) {
  let calls = 0;
  return { fn: async (...args: A) => (calls++, fn(...args)), calls: () => calls };
}

describe("caching", () => {
  it("returns the cached result for equal inputs and marks the run Cached", async () => {
    const c = counted((x: { n: number; tags: string[] }) => ({ doubled: x.n * 2, at: new Date(0), big: 10n }));
    const t = task({ name: "double", cacheKey: "inputs" }, c.fn);
    const first = await t.run([{ n: 2, tags: ["a"] }], { returnState: true });
    // Key order in the argument must not matter.
    const second = await t.run([{ tags: ["a"], n: 2 }], { returnState: true });
    expect(first).toMatchObject({ type: "COMPLETED", name: "Completed" });
    expect(second).toMatchObject({ type: "COMPLETED", name: "Cached" });
    expect(second.result).toEqual({ doubled: 4, at: new Date(0), big: 10n });
    expect(c.calls()).toBe(1);
    await t({ n: 3, tags: ["a"] });
    expect(c.calls()).toBe(2);
  });

  it("does not share entries between different tasks with equal inputs", async () => {
    const a = task({ name: "a", cacheKey: "inputs" }, async (n: number) => `a${n}`);
    const b = task({ name: "b", cacheKey: "inputs" }, async (n: number) => `b${n}`);
    expect(await a(1)).toBe("a1");
    expect(await b(1)).toBe("b1");
  });

  it("keys source+inputs on the function's code", async () => {
    const v1 = task({ name: "versioned", cacheKey: "source+inputs" }, async (n: number) => n + 1);
    const v2 = task({ name: "versioned", cacheKey: "source+inputs" }, async (n: number) => n + 100);
    expect(await v1(1)).toBe(2);
    expect(await v2(1)).toBe(101);
    expect(await v1.run([1], { returnState: true })).toMatchObject({ name: "Cached", result: 2 });
  });

  it("uses a custom key function, and null means no caching", async () => {
    const c = counted((user: { id: number; name: string }) => user.name.toUpperCase());
    const t = task({ name: "byId", cacheKey: (_ctx, [user]) => (user.id > 0 ? `user-${user.id}` : null) }, c.fn);
    await t({ id: 1, name: "ada" });
    expect(await t({ id: 1, name: "different name, same id" })).toBe("ADA");
    await t({ id: -1, name: "x" });
    await t({ id: -1, name: "x" });
    expect(c.calls()).toBe(3);
  });

  it("expires entries after cacheExpiresInMs", async () => {
    const c = counted((n: number) => n);
    const t = task({ name: "expiring", cacheKey: "inputs", cacheExpiresInMs: 80 }, c.fn);
    await t(1);
    await t(1);
    expect(c.calls()).toBe(1);
    await new Promise((r) => setTimeout(r, 120));
    await t(1);
    expect(c.calls()).toBe(2);
  });

  it("runs again with refreshCache and overwrites the entry", async () => {
    let value = "old";
    const t = task({ name: "refreshed", cacheKey: "inputs" }, async () => value);
    expect(await t()).toBe("old");
    value = "new";
    expect(await t()).toBe("old");
    expect(await t.withOptions({ refreshCache: true })()).toBe("new");
    expect(await t()).toBe("new");
  });

  it("hits the cache across two processes on the same history", async () => {
    const script = join(history.dir, "cached-flow.ts");
    writeFileSync(
      script,
      `import { flow, task } from "flowbench";
const slow = task({ name: "expensive", cacheKey: "inputs" }, async (n: number) => ({ n, pid: process.pid }));
const main = flow(async function crossProcess() { return slow.run([21], { returnState: true }); });
const state = await main();
console.log(JSON.stringify({ name: state.name, result: state.result }));
`,
    );
    const env = childEnv(history.dir);
    const first = await run(nodeArgs(script), { env });
    const second = await run(nodeArgs(script), { env });
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    const a = JSON.parse(first.stdout.trim().split("\n").pop()!);
    const b = JSON.parse(second.stdout.trim().split("\n").pop()!);
    expect(a.name).toBe("Completed");
    expect(b.name).toBe("Cached");
    // The second process got the first process's result, pid included.
    expect(b.result).toEqual(a.result);
  });

  it("persists results with persistResult, and skips values it cannot store with a warning", async () => {
    const keep = task({ name: "kept", persistResult: true }, async () => ({ rows: [1, 2, 3] }));
    const bad = task({ name: "unstorable", cacheKey: "inputs" }, async () => ({ fn: () => 1 }));
    const wrapper = flow(async function persisting() {
      const f = keep.submit();
      await bad();
      return f.taskRunId;
    });
    const id = await wrapper();
    expect(await history.store.getResult(id)).toBe(JSON.stringify({ rows: [1, 2, 3] }));
    const [run] = (await history.store.listFlowRuns({ flowName: "persisting" })).items;
    const logs = await history.store.listLogs({ flowRunId: run!.id });
    expect(logs.items.map((l) => l.message).join("\n")).toMatch(/Cannot persist the result of task run 'unstorable-\w+': result.fn is a function/);
  });
});
