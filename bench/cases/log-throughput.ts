/**
 * log-throughput: 1,000,000 getLogger().info() lines from one task in one flow,
 * yielding to the event loop every 10,000 lines, then flushed; every line must be
 * in the logs table. Baseline: the same rows (same message, run references, level,
 * Date.now()) written with a raw better-sqlite3 prepared INSERT in 10,000-row
 * transactions, into a twin file with the SDK's schema and pragmas.
 */
import { flow, flushHistory, getLogger, task } from "flowbench";
import { Checks, runCase } from "../lib/case.ts";
import { rawLogInserter } from "../lib/raw-logs.ts";
import { freshStore } from "../lib/store.ts";
import { collectGarbage, round, timeAsync, yieldToLoop } from "../lib/timing.ts";

const LINES = 1_000_000;
const WARMUP = 10_000;
const CHUNK = 10_000;
const GOAL_PER_S = 200_000;

/** The level the logs table stores for info (LOG_LEVELS.info, exported by the SDK as a type only). */
const INFO = 20;

const message = (i: number): string => `processed item ${i} of batch: status ok`;

const logLines = task({ name: "log-lines" }, async (n: number) => {
  const logger = getLogger();
  for (let i = 0; i < n; i++) {
    logger.info(message(i));
    if ((i + 1) % CHUNK === 0) await yieldToLoop();
  }
});

const logFlow = flow({ name: "bench-log-throughput" }, async (n: number) => logLines(n));

await runCase("log-throughput", async () => {
  const bench = freshStore("log-throughput");
  const checks = new Checks();

  const raw = bench.openRawTwin();
  const insertChunk = rawLogInserter(raw, INFO, message);
  const rawInsert = async (): Promise<void> => {
    for (let i = 0; i < LINES; i += CHUNK) {
      insertChunk(i, CHUNK);
      await yieldToLoop();
    }
  };

  await logFlow(WARMUP);
  await flushHistory();

  collectGarbage();
  const baseMs = await timeAsync(rawInsert);
  raw.close();
  collectGarbage();
  const before = bench.count("SELECT count(*) FROM logs");
  const flowMs = await timeAsync(async () => {
    await logFlow(LINES);
    await flushHistory();
  });

  const stored = bench.count("SELECT count(*) FROM logs") - before;
  const lost = LINES - stored;
  checks.expect("lost", lost, 0);
  checks.note("rows added by the measured run", stored);
  await bench.dispose();

  const flowPerS = LINES / (flowMs / 1000);
  const basePerS = LINES / (baseMs / 1000);
  return {
    case: "log-throughput",
    measured: { label: "getLogger().info, 1M lines, flushed", value: Math.round(flowPerS), unit: "lines/s" },
    baseline: { label: "raw prepared INSERT, 10k-row transactions", value: Math.round(basePerS), unit: "rows/s" },
    derived: { label: "SDK / raw insert", value: round(flowPerS / basePerS, 2), unit: `× (lost: ${lost})` },
    goal: { text: `≥ ${GOAL_PER_S.toLocaleString("en-US")} lines/s, none lost`, pass: flowPerS >= GOAL_PER_S && lost === 0 },
    checks: checks.values,
    details: { lines: LINES, warmupLines: WARMUP, flowMs: round(flowMs, 1), baselineMs: round(baseMs, 1) },
    ...(checks.error ? { error: checks.error } : {}),
  };
});
