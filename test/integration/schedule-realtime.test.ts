/**
 * The acceptance test for schedules, in real time through the real host: a schedule
 * every second on a saved flow gives three completed runs about a second apart
 * within about three seconds, and pausing it leaves no scheduled runs behind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../e2e/editor-helpers.ts";
import { startServerProcess, type ServerProcess } from "../helpers/server-process.ts";

interface Run {
  id: string;
  stateType: string;
  startTime: number | null;
  createdAt: number;
}

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess();
});
afterAll(() => server?.close());

const call = <T,>(method: string, input: unknown) => api<T>(server.url, server.token, method, input);
const runs = async (states?: string[]) => (await call<{ items: Run[] }>("runs.list", { flowName: "tick", limit: 100, ...(states ? { states } : {}) })).items;

describe("schedules in real time", () => {
  it("runs a flow every second through the host's scheduler, and pausing leaves nothing scheduled", { timeout: 60_000 }, async () => {
    const source = `import { flow } from "flowbench";\n\nexport default flow({ name: "tick" }, async function tick() {\n  return Date.now();\n});\n`;
    await call("flows.save", { id: "tick", source });
    // One run by hand first: the first worker of a process loads the SDK from cold, which a 1 s schedule would feel.
    const warmStart = Date.now();
    const { runId } = await call<{ runId: string }>("runs.start", { flowId: "tick" });
    while (!(await runs(["COMPLETED"])).some((r) => r.id === runId)) await new Promise((r) => setTimeout(r, 100));
    const warmMs = Date.now() - warmStart;

    const schedule = await call<{ id: string; nextTimes: number[] }>("schedules.create", { flowId: "tick", spec: { every: "1s" } });
    expect(schedule.nextTimes[1]! - schedule.nextTimes[0]!).toBe(1000);

    const created = Date.now();
    let completed: Run[] = [];
    while (Date.now() - created < 4500) {
      completed = (await runs(["COMPLETED"])).filter((r) => r.id !== runId);
      if (completed.length >= 3) break;
      // Not faster: the server polled is the process whose scheduler and workers are being timed.
      await new Promise((r) => setTimeout(r, 150));
    }
    const elapsed = Date.now() - created;
    expect(completed.length, `completed runs after ${elapsed} ms (a run by hand took ${warmMs} ms): ${JSON.stringify(await runs())}`).toBeGreaterThanOrEqual(3);
    expect(elapsed).toBeLessThan(4500);
    const starts = completed.map((r) => r.startTime!).sort((a, b) => a - b).slice(0, 3);
    for (let i = 1; i < starts.length; i++) {
      const gap = starts[i]! - starts[i - 1]!;
      const why = `starts at ${starts.map((s) => s - starts[0]!).join(", ")} ms; a run by hand took ${warmMs} ms`;
      expect(gap, why).toBeGreaterThanOrEqual(700);
      expect(gap, why).toBeLessThanOrEqual(1500);
    }

    const paused = await call<{ active: boolean }>("schedules.setActive", { id: schedule.id, active: false });
    expect(paused.active).toBe(false);
    expect(await runs(["SCHEDULED"])).toEqual([]);
    // And it stays that way: nothing plans new slots for a paused schedule.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await runs(["SCHEDULED"])).toEqual([]);
    expect((await runs()).filter((r) => r.stateType === "RUNNING" || r.stateType === "PENDING")).toEqual([]);
  });
});
