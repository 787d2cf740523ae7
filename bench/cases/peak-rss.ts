/**
 * peak-rss: one flow running 100,000 no-op tasks, flushed to SQLite. Peak RSS against
 * the same process's RSS just before the flow started. Two shapes, each in its own
 * process (`PEAK_RSS_SHAPE`): `sequential` awaits one task after another; `map` submits
 * all 100,000 via `.map` at taskConcurrency 100, so 100,000 futures exist at once.
 */
import { flow, flushHistory, task } from "flowbench";
import { Checks, runCase } from "../lib/case.ts";
import { MB, sampleRss } from "../lib/memory.ts";
import { freshStore } from "../lib/store.ts";
import { collectGarbage, round, timeAsync } from "../lib/timing.ts";

const N = 100_000;
const CONCURRENCY = 100;
const GOAL_MB = 300;

async function noop(i: number): Promise<number> {
  return i;
}

const noopTask = task({ name: "noop" }, noop);

const SHAPE = process.argv[2] === "sequential" ? "sequential" : "map";
const CASE = SHAPE === "map" ? "peak-rss-map" : "peak-rss";

const mapFlow = flow({ name: "bench-peak-rss", taskConcurrency: CONCURRENCY }, async (items: number[]) => {
  if (SHAPE === "map") await Promise.all(noopTask.map(items));
  else for (const i of items) await noopTask(i);
});

await runCase(CASE, async () => {
  const bench = freshStore("peak-rss");
  const checks = new Checks();
  const items = Array.from({ length: N }, (_, i) => i);

  collectGarbage();
  const baseRss = process.memoryUsage.rss();
  const sampler = sampleRss(10);
  const flowMs = await timeAsync(async () => {
    await mapFlow(items);
    await flushHistory();
  });
  const { polledPeak, maxRss, peak, samples } = sampler.stop();

  checks.expect("completed task runs", bench.count("SELECT count(*) FROM task_runs WHERE state_type = 'COMPLETED'"), N);
  await bench.dispose();

  const peakMB = peak / MB;
  return {
    case: CASE,
    measured: { label: SHAPE === "map" ? "peak RSS, flow .map 100k tasks at once, concurrency 100" : "peak RSS, flow of 100k sequential tasks", value: round(peakMB, 1), unit: "MB" },
    baseline: { label: "RSS just before the flow started", value: round(baseRss / MB, 1), unit: "MB" },
    derived: { label: "growth during the flow", value: round((peak - baseRss) / MB, 1), unit: "MB" },
    goal: { text: `peak < ${GOAL_MB} MB`, pass: peakMB < GOAL_MB },
    checks: checks.values,
    details: {
      tasks: N,
      concurrency: CONCURRENCY,
      flowMs: round(flowMs, 1),
      polledPeakMB: round(polledPeak / MB, 1),
      maxRssMB: round(maxRss / MB, 1),
      rssSamples: samples,
    },
    ...(checks.error ? { error: checks.error } : {}),
  };
});
