/**
 * task-overhead: 10,000 sequential no-op task calls in one flow, history flushed to
 * SQLite inside the timed region, minus 10,000 sequential plain calls of the same
 * async function. Median of 5 repetitions after a 1,000-task warm-up.
 */
import { flow, flushHistory, task } from "flowbench";
import { Checks, runCase } from "../lib/case.ts";
import { freshStore } from "../lib/store.ts";
import { collectGarbage, median, round, timeAsync } from "../lib/timing.ts";

const N = 10_000;
const WARMUP = 1_000;
const REPS = 5;
const GOAL_US = 20;

async function noop(i: number): Promise<number> {
  return i;
}

const noopTask = task({ name: "noop" }, noop);

const sequentialFlow = flow({ name: "bench-task-overhead" }, async (n: number) => {
  for (let i = 0; i < n; i++) await noopTask(i);
});

async function plainCalls(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await noop(i);
}

await runCase("task-overhead", async () => {
  const bench = freshStore("task-overhead");
  const checks = new Checks();
  const flowMs: number[] = [];
  const baseMs: number[] = [];
  const taskRuns = (): number => bench.count("SELECT count(*) FROM task_runs");
  const completed = (): number => bench.count("SELECT count(*) FROM task_runs WHERE state_type = 'COMPLETED'");

  await plainCalls(WARMUP);
  await sequentialFlow(WARMUP);
  await flushHistory();

  for (let rep = 0; rep < REPS; rep++) {
    collectGarbage();
    baseMs.push(await timeAsync(() => plainCalls(N)));
    const [runsBefore, completedBefore] = [taskRuns(), completed()];
    collectGarbage();
    flowMs.push(
      await timeAsync(async () => {
        await sequentialFlow(N);
        await flushHistory();
      }),
    );
    // Read from the file with better-sqlite3 directly: what the timed region left in the DB.
    checks.expect(`rep ${rep + 1} task runs`, taskRuns() - runsBefore, N);
    checks.expect(`rep ${rep + 1} completed`, completed() - completedBefore, N);
  }
  await bench.dispose();

  const flowMedian = median(flowMs);
  const baseMedian = median(baseMs);
  const usPerTask = ((flowMedian - baseMedian) * 1000) / N;
  return {
    case: "task-overhead",
    measured: { label: "flow, 10k sequential tasks (median of 5)", value: round(flowMedian, 1), unit: "ms" },
    baseline: { label: "10k sequential plain async calls (median of 5)", value: round(baseMedian, 2), unit: "ms" },
    derived: { label: "overhead per task", value: round(usPerTask, 2), unit: "µs/task" },
    goal: { text: `≤ ${GOAL_US} µs/task`, pass: usPerTask <= GOAL_US },
    checks: checks.values,
    details: {
      tasks: N,
      warmupTasks: WARMUP,
      flowMs: flowMs.map((v) => round(v, 2)),
      baselineMs: baseMs.map((v) => round(v, 3)),
      usPerTaskByRep: flowMs.map((f, i) => round(((f - baseMs[i]!) * 1000) / N, 2)),
    },
    ...(checks.error ? { error: checks.error } : {}),
  };
});
