/**
 * map-throughput: 10,000 no-op task runs via `.map(items)` in a flow with
 * taskConcurrency 100, awaited with Promise.all and flushed to SQLite; against the
 * same 10,000 plain async calls through a hand-written concurrency-100 pool.
 * Median of 5 repetitions after a 1,000-item warm-up.
 */
import { flow, flushHistory, task } from "flowbench";
import { Checks, runCase } from "../lib/case.ts";
import { runPool } from "../lib/pool.ts";
import { freshStore } from "../lib/store.ts";
import { collectGarbage, median, round, timeAsync } from "../lib/timing.ts";

const N = 10_000;
const WARMUP = 1_000;
const REPS = 5;
const CONCURRENCY = 100;
const GOAL_PER_S = 20_000;

async function noop(i: number): Promise<number> {
  return i;
}

const noopTask = task({ name: "noop" }, noop);

const mapFlow = flow({ name: "bench-map-throughput", taskConcurrency: CONCURRENCY }, async (items: number[]) => {
  await Promise.all(noopTask.map(items));
});

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

await runCase("map-throughput", async () => {
  const bench = freshStore("map-throughput");
  const checks = new Checks();
  const items = range(N);
  const flowMs: number[] = [];
  const baseMs: number[] = [];
  const completed = (): number => bench.count("SELECT count(*) FROM task_runs WHERE state_type = 'COMPLETED'");

  await runPool(range(WARMUP), CONCURRENCY, noop);
  await mapFlow(range(WARMUP));
  await flushHistory();

  for (let rep = 0; rep < REPS; rep++) {
    collectGarbage();
    baseMs.push(await timeAsync(() => runPool(items, CONCURRENCY, noop)));
    const completedBefore = completed();
    collectGarbage();
    flowMs.push(
      await timeAsync(async () => {
        await mapFlow(items);
        await flushHistory();
      }),
    );
    checks.expect(`rep ${rep + 1} completed`, completed() - completedBefore, N);
  }
  await bench.dispose();

  const flowPerS = N / (median(flowMs) / 1000);
  const basePerS = N / (median(baseMs) / 1000);
  return {
    case: "map-throughput",
    measured: { label: "flow .map, 10k tasks, concurrency 100", value: Math.round(flowPerS), unit: "runs/s" },
    baseline: { label: "10k plain calls, hand-written pool of 100", value: Math.round(basePerS), unit: "calls/s" },
    derived: { label: "slowdown vs plain pool", value: round(basePerS / flowPerS, 1), unit: "×" },
    goal: { text: `≥ ${GOAL_PER_S.toLocaleString("en-US")} runs/s`, pass: flowPerS >= GOAL_PER_S },
    checks: checks.values,
    details: {
      tasks: N,
      concurrency: CONCURRENCY,
      warmupTasks: WARMUP,
      flowMs: flowMs.map((v) => round(v, 2)),
      baselineMs: baseMs.map((v) => round(v, 3)),
      medianFlowMs: round(median(flowMs), 2),
      medianBaselineMs: round(median(baseMs), 3),
    },
    ...(checks.error ? { error: checks.error } : {}),
  };
});
