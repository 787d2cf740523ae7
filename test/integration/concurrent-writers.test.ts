import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { childEnv, useTempHistory } from "../helpers/history.ts";
import { finished, nodeArgs, ROOT } from "../helpers/spawn.ts";

const history = useTempHistory();
afterAll(() => history[Symbol.asyncDispose]());

const PROCESSES = 4;
const TASKS = 500;

describe("several processes writing one history", () => {
  it(`keeps every row of ${PROCESSES} processes × ${TASKS} tasks, with no SQLITE_BUSY`, async () => {
    const script = join(history.dir, "writer.ts");
    // A tiny flush delay makes the writers collide as often as possible.
    writeFileSync(
      script,
      `import { configure, flow, getLogger, task } from "flowbench";
configure({ flushDelayMs: 1 });
const work = task(async function work(i: number) {
  getLogger().info("task " + i);
  await new Promise((r) => setImmediate(r));
  return i;
});
const writer = flow({ name: "writer", taskConcurrency: 20 }, async function writer(p: { worker: number }) {
  const results = await Promise.all(work.map(Array.from({ length: ${TASKS} }, (_, i) => i)));
  return results.length;
});
const n = await writer({ worker: Number(process.argv[2]) });
console.log("done " + n);
`,
    );
    const env = childEnv(history.dir);
    const children = Array.from({ length: PROCESSES }, (_, worker) =>
      finished(spawn(process.execPath, nodeArgs(script, String(worker)), { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] })),
    );
    const results = await Promise.all(children);
    for (const r of results) {
      expect(r.stderr).not.toMatch(/SQLITE_BUSY|database is locked|could not write/i);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`done ${TASKS}`);
    }
    const runs = (await history.store.listFlowRuns({ flowName: "writer" })).items;
    expect(runs).toHaveLength(PROCESSES);
    for (const run of runs) {
      expect(run.stateType).toBe("COMPLETED");
      const tasks = await history.store.listTaskRuns({ flowRunId: run.id });
      expect(tasks).toHaveLength(TASKS);
      expect(tasks.every((t) => t.stateType === "COMPLETED")).toBe(true);
      const logs = await history.store.listLogs({ flowRunId: run.id, limit: 10_000 });
      expect(logs.items).toHaveLength(TASKS);
      // Each task run has its three transitions.
      const states = await history.store.listStates(tasks[0]!.id);
      expect(states.map((s) => s.type)).toEqual(["PENDING", "RUNNING", "COMPLETED"]);
    }
    expect(new Set(runs.map((r) => r.parameters))).toEqual(new Set([0, 1, 2, 3].map((w) => JSON.stringify({ worker: w }))));
  });
});
