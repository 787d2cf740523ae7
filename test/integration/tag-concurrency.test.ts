import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { StateRecord } from "flowbench";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv, useTempHistory } from "../helpers/history.ts";
import { cli, finished, nodeArgs, ROOT, type Finished } from "../helpers/spawn.ts";

/*
 * The acceptance test: "at most K task runs with tag T running at once" holds
 * across separate OS processes writing one history, as plain `node script.ts` runs.
 */

const history = useTempHistory();
afterAll(() => history[Symbol.asyncDispose]());
const env = childEnv(history.dir);

const ITEMS = 4;
const TASK_MS = 150;
let script: string;
let holdScript: string;

beforeAll(async () => {
  // Each process maps ITEMS tasks of one tag, all submitted at once, after a barrier so the processes contend.
  script = join(history.dir, "tagged.ts");
  writeFileSync(
    script,
    `import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { flow, task } from "flowbench";
const [dir, who, tag] = process.argv.slice(2);
const query = task({ name: "query", tags: [tag] }, async function query(i: number) {
  await new Promise((r) => setTimeout(r, ${TASK_MS}));
  return i;
});
const tagged = flow({ name: "tagged" }, async function tagged(p: { who: string; tag: string }) {
  return Promise.all(query.map(Array.from({ length: ${ITEMS} }, (_, i) => i)));
});
writeFileSync(join(dir, "ready-" + tag + "-" + who), "");
while (!existsSync(join(dir, "go-" + tag))) await new Promise((r) => setTimeout(r, 5));
console.log("done " + JSON.stringify(await tagged({ who, tag })));
`,
  );
  // Holds one slot of its tag until killed.
  holdScript = join(history.dir, "hold.ts");
  writeFileSync(
    holdScript,
    `import { flow, task } from "flowbench";
const hold = task({ name: "hold", tags: [process.argv[2]] }, async function hold() {
  await new Promise((r) => setTimeout(r, 120_000));
});
await flow({ name: "holder" }, async function holder() {
  await hold();
})();
`,
  );
  const set = await cli(["limit", "set", "db", "1"], env);
  expect(set.code, set.stderr).toBe(0);
  await history.store.setConcurrencyLimit!("crash-db", 1);
}, 60_000);

interface Interval {
  taskRunId: string;
  who: string;
  start: number;
  end: number;
}

/** Runs the script in two processes at once on the shared home; resolves when both exit. */
async function runTwoProcesses(tag: string): Promise<Finished[]> {
  const children = ["a", "b"].map((who) =>
    finished(spawn(process.execPath, nodeArgs(script, history.dir, who, tag), { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] }), 90_000),
  );
  // Release both once both have loaded the SDK, so their tasks really compete.
  const deadline = Date.now() + 60_000;
  while (!["a", "b"].every((who) => existsSync(join(history.dir, `ready-${tag}-${who}`)))) {
    if (Date.now() > deadline) throw new Error("the child processes never got ready");
    await new Promise((r) => setTimeout(r, 10));
  }
  writeFileSync(join(history.dir, `go-${tag}`), "");
  return Promise.all(children);
}

/** The RUNNING stretches of every task run of the `tagged` flow runs with this tag, from their recorded states. */
async function runningIntervals(tag: string): Promise<{ intervals: Interval[]; states: StateRecord[]; taskStates: string[] }> {
  const runs = (await history.store.listFlowRuns({ flowName: "tagged", limit: 100 })).items.filter((r) => (JSON.parse(r.parameters) as { tag: string }).tag === tag);
  expect(runs).toHaveLength(2);
  const intervals: Interval[] = [];
  const all: StateRecord[] = [];
  const taskStates: string[] = [];
  for (const run of runs) {
    expect(run.stateType).toBe("COMPLETED");
    const who = (JSON.parse(run.parameters) as { who: string }).who;
    const tasks = await history.store.listTaskRuns({ flowRunId: run.id });
    expect(tasks).toHaveLength(ITEMS);
    for (const t of tasks) {
      taskStates.push(t.stateType);
      const states = await history.store.listStates(t.id);
      all.push(...states);
      states.forEach((s, i) => {
        if (s.type !== "RUNNING") return;
        const next = states[i + 1];
        // An interval with no end would be a run still RUNNING: it overlaps everything after it.
        intervals.push({ taskRunId: t.id, who, start: s.timestamp, end: next ? next.timestamp : Number.POSITIVE_INFINITY });
      });
    }
  }
  return { intervals, states: all, taskStates };
}

function overlapping(intervals: Interval[]): Array<[Interval, Interval]> {
  const found: Array<[Interval, Interval]> = [];
  for (let i = 0; i < intervals.length; i++) {
    for (let j = i + 1; j < intervals.length; j++) {
      const a = intervals[i]!;
      const b = intervals[j]!;
      if (a.start < b.end && b.start < a.end) found.push([a, b]);
    }
  }
  return found;
}

describe("tag concurrency limits across processes", () => {
  it("never runs two `db` task runs at once with limit 1, across two processes, and all complete", async () => {
    const results = await runTwoProcesses("db");
    for (const r of results) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`done ${JSON.stringify(Array.from({ length: ITEMS }, (_, i) => i))}`);
    }
    const { intervals, states, taskStates } = await runningIntervals("db");
    expect(taskStates).toEqual(Array(2 * ITEMS).fill("COMPLETED"));
    expect(intervals).toHaveLength(2 * ITEMS);
    expect(overlapping(intervals)).toEqual([]);
    // They did compete: runs waited, and the two processes' runs interleave in time rather than one after the other.
    expect(states.filter((s) => s.name === "AwaitingConcurrencySlot").length).toBeGreaterThanOrEqual(ITEMS);
    const order = [...intervals].sort((x, y) => x.start - y.start).map((x) => x.who);
    expect(order.some((who, i) => i > 0 && who !== order[i - 1])).toBe(true);
    // Serialized: the total span is at least the sum of the runs.
    const span = Math.max(...intervals.map((x) => x.end)) - Math.min(...intervals.map((x) => x.start));
    expect(span).toBeGreaterThanOrEqual(2 * ITEMS * TASK_MS - 10);
    expect((await history.store.listConcurrencyLimits!()).find((l) => l.tag === "db")!.holders).toEqual([]);
  }, 120_000);

  it("would catch overlap: the same processes with a tag that has no limit do run at once", async () => {
    const results = await runTwoProcesses("free");
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const { intervals, taskStates } = await runningIntervals("free");
    expect(taskStates).toEqual(Array(2 * ITEMS).fill("COMPLETED"));
    const found = overlapping(intervals);
    expect(found.length).toBeGreaterThan(0);
    // Including across the two processes.
    expect(found.some(([a, b]) => a.who !== b.who)).toBe(true);
  }, 120_000);

  it("reclaims the slot of a process killed while holding it", async () => {
    const holder = spawn(process.execPath, nodeArgs(holdScript, "crash-db"), { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const holderDone = finished(holder, 90_000);
    const deadline = Date.now() + 60_000;
    const held = async () => (await history.store.listConcurrencyLimits!()).find((l) => l.tag === "crash-db")!.holders;
    while ((await held()).length === 0) {
      if (Date.now() > deadline) throw new Error("the holder never took its slot");
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await held())[0]!.owner?.pid).toBe(holder.pid);
    holder.kill("SIGKILL");
    expect((await holderDone).signal).toBe("SIGKILL");

    const results = await runTwoProcesses("crash-db");
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const { intervals, taskStates } = await runningIntervals("crash-db");
    expect(taskStates).toEqual(Array(2 * ITEMS).fill("COMPLETED"));
    expect(overlapping(intervals)).toEqual([]);
  }, 120_000);
});
