/**
 * scheduler: 10,000 active schedules, two ways.
 *
 * Due → RUNNING with real timers (the goal): a host as `flowbench server` runs it, with the
 * worker-thread engine and a small saved flow that returns at once. 9,980 schedules that do not
 * fire during the measurement (daily crons at other hours, in several zones) and 20 `every: "20s"`
 * with anchors 1 s apart (a slot due every second), overlap "parallel" so none is skipped.
 * Per slot of the 40 s after a 5 s warm-up, latency = the run's startTime (RUNNING, stamped by
 * the SDK in the worker with Date.now()) − its slot time; p50 / p99 / max. Checks every slot of
 * the window started once, none skipped. Baseline, same run: `runs.start` of the same flow
 * through the host's dispatch, 50 calls interleaved with the slots in the same window, from the call
 * to its RUNNING startTime (p50): the engine's own cost of starting a run, which the scheduler cannot beat.
 *
 * CPU per simulated minute: the Scheduler on a FakeClock over a fresh SQLite store with a mix of
 * 10,000 schedules, a launcher that records each start with one store write (the run COMPLETED),
 * 20 simulated minutes after a 5-minute warm-up; process.cpuUsage() per simulated minute. Checks
 * every slot due started exactly once, against slotsBetween. Baseline, same run: writing runs
 * SCHEDULED then COMPLETED through `store.write` (what any scheduler must record), per run, times
 * the runs started per simulated minute.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { newId } from "../../shared/sdk/names.ts";
import type { ScheduleRecord } from "../../shared/schedule/records.ts";
import type { ScheduleSpec } from "../../shared/schedule/spec.ts";
import { nextSlots, slotsBetween } from "../../shared/schedule/timing.ts";
import type { DueSlot } from "../../shared/store/automation-types.ts";
import { emptyBatch, type FlowRunRecord, type WriteBatch } from "../../shared/store/types.ts";
import { createEngine, type Engine } from "../../src-main/engine/engine.ts";
import { buildSchedule, type ScheduleTarget } from "../../src-main/scheduler/definitions.ts";
import { Scheduler } from "../../src-main/scheduler/scheduler.ts";
import { slotRun } from "../../src-main/scheduler/slot-run.ts";
import { FakeClock } from "../../src-main/scheduler/testing/fake-clock.ts";
import { openSqliteStore } from "../../src-main/store/sqlite/index.ts";
import { startBenchHost } from "../lib/api-host.ts";
import { Checks, runCase } from "../lib/case.ts";
import { collectGarbage, latencySummary, percentile, round } from "../lib/timing.ts";
import { random } from "../lib/random.ts";

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const SCHEDULES = 10_000;
const ZONES = ["UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo", "Asia/Kolkata", "Australia/Sydney"];
const GOAL_P50_MS = 50;
const GOAL_P99_MS = 200;
const DIRECT: { transport: "direct"; mayMutate: boolean } = { transport: "direct", mayMutate: true };

// Real-time part.
const FIRING = 20;
/**
 * 20 schedules every 20 s, anchors 1 s apart: a slot every second. The issue suggested about 7 a second,
 * but each run has a worker thread of its own that costs ~0.4–0.6 s of CPU (details.cpuPerRunMs): 7 a second
 * is 3–4 cores' work, so on 2 cores runs start ever later and the figure measures the backlog, not the
 * scheduler (at 6.7 a second the p50 grew from 30 s to 72 s across the window).
 */
const EVERY_MS = 20 * SEC;
const STAGGER_MS = EVERY_MS / FIRING;
const WARMUP_MS = 5 * SEC;
const WINDOW_MS = 40 * SEC;
/** Slots of the window still unstarted this long after it are counted as not started. */
const STARTED_WITHIN_MS = 30 * SEC;
/** The baseline's runs.start calls, interleaved with the slots over the same window (every 800 ms, between slots and on them). */
const BASELINE_RUNS = 50;
const BASELINE_EVERY_MS = WINDOW_MS / BASELINE_RUNS;
const ISOLATED_RUNS = 5;
/** Before each warm isolated run: time for the engine's warm worker to load the SDK. */
const WARM_PAUSE_MS = 1000;

// Simulated part.
const SIM_T0 = Date.UTC(2026, 5, 1, 8, 0, 0); // no DST change in these zones for days either side
const SIM_WARMUP_MS = 5 * MIN;
/**
 * 20, not the 60 the issue suggested: about 1,260 slots start a simulated minute at ~0.9 ms of CPU each,
 * so an hour is a minute of CPU by itself and the case would not fit in 3 minutes. Every schedule of the
 * mix that fires at least hourly is spread evenly over the hour, so 20 minutes have the same rate.
 */
const SIM_MINUTES = 20;
/** The baseline writes every n-th measured run, about this many, and is scaled to all of them: its cost per run is flat. */
const BASELINE_SAMPLE = 10_000;

const FLOW_ID = "scheduled-tick";
const FLOW_SOURCE = `import { flow } from "flowbench";

export default flow({ name: "bench-scheduled" }, async function scheduledTick() {
  return 1;
});
`;

// ---------------------------------------------------------------------------------------------
// Due → RUNNING with real timers

interface SlotRow {
  schedule_id: string;
  slot_time: number;
  run_id: string;
  status: string;
  /** When the slot became 'started': the engine had recorded the run PENDING and was starting its worker. */
  updated_at: number;
  start_time: number | null;
  state_type: string | null;
  running_states: number;
}

/** Daily crons whose next slot is more than 30 minutes away, so none fires while we measure. */
function quietSpecs(count: number, now: number): ScheduleSpec[] {
  const rnd = random(7);
  const specs: ScheduleSpec[] = [];
  while (specs.length < count) {
    const spec: ScheduleSpec = { cron: `${Math.floor(rnd() * 60)} ${Math.floor(rnd() * 24)} * * *`, timezone: ZONES[specs.length % ZONES.length]! };
    const timing = { kind: "cron" as const, cron: spec.cron, timezone: spec.timezone! };
    if (nextSlots(timing, now, 1)[0]! > now + 30 * MIN) specs.push(spec);
  }
  return specs;
}

async function waitFor(what: string, ready: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!(await ready())) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function measureLatency(checks: Checks) {
  const bench = await startBenchHost("scheduler");
  let reader: Database.Database | undefined;
  try {
    writeFileSync(join(bench.flowsDir, `${FLOW_ID}.ts`), FLOW_SOURCE);
    const { automations, flows } = bench.host.context;
    // startBenchHost makes the host's engine with createEngine: the whole Engine is there.
    const engine = bench.host.context.engine as Engine;
    const flow = flows.get(FLOW_ID);
    // As the schedules.create handler builds its target.
    const target: ScheduleTarget = { flowName: flow.name, flowId: FLOW_ID, file: null, runner: "host", params: flow.parsed.ok ? flow.parsed.graph.params : null };
    const loadBefore = loadavg()[0]!;

    const setupStart = performance.now();
    let now = Date.now();
    for (const spec of quietSpecs(SCHEDULES - FIRING, now)) await automations.putSchedule(buildSchedule(spec, target, now), now);
    bench.host.context.scheduler.poke();
    // The host's scheduler plans all of them (3 slots each) before anything is measured.
    await waitFor("the quiet schedules to be planned", async () => (await automations.schedulesToPlan("host", Date.now(), 1)).length === 0, 120_000);
    const setupMs = performance.now() - setupStart;

    const policy = await bench.host.dispatch("flows.setPolicy", { flowName: flow.name, policy: { overlap: "parallel", maxConcurrentRuns: null } }, DIRECT);
    if (!policy.ok) throw new Error(`flows.setPolicy: ${JSON.stringify(policy.error)}`);
    now = Date.now();
    const base = Math.ceil(now / SEC) * SEC + SEC;
    const firing: ScheduleRecord[] = [];
    for (let i = 0; i < FIRING; i++) {
      const record = buildSchedule({ every: EVERY_MS, anchor: base + i * STAGGER_MS, name: `every 20s #${i}` }, target, now);
      await automations.putSchedule(record, now);
      firing.push(record);
    }
    bench.host.context.scheduler.poke();
    const windowFrom = base + WARMUP_MS;
    const windowTo = windowFrom + WINDOW_MS;
    const expected = firing.reduce((n, s) => n + slotsBetween(s.timing, windowFrom, windowTo, 1000).length, 0);
    const ids = firing.map((s) => s.id);
    const inWindow = (t: string) => `${t}.schedule_id IN (${ids.map(() => "?").join(", ")}) AND ${t}.slot_time > ? AND ${t}.slot_time <= ?`;
    // Baseline, in the same window: runs.start through the host's dispatch (what the scheduler's launch does,
    // minus the scheduler), from the call to the run's RUNNING startTime, under the same load as the slots.
    const calls: Array<{ runId: string; calledAt: number; resolvedAt: number }> = [];
    const pending: Promise<void>[] = [];
    for (let i = 0; i < BASELINE_RUNS; i++) {
      await sleep(windowFrom + BASELINE_EVERY_MS / 2 + i * BASELINE_EVERY_MS - Date.now());
      const calledAt = Date.now();
      pending.push(
        bench.host.dispatch("runs.start", { flowId: FLOW_ID }, DIRECT).then((answer) => {
          if (!answer.ok) throw new Error(`runs.start: ${JSON.stringify(answer.error)}`);
          calls.push({ runId: (answer.result as { runId: string }).runId, calledAt, resolvedAt: Date.now() });
        }),
      );
    }
    await Promise.all(pending);
    await sleep(windowTo - Date.now());
    // A slot still waiting after the window is late, not lost: give the backlog time before calling it not started.
    const startedAll = async () => bench.count(`SELECT count(*) FROM schedule_slots l WHERE ${inWindow("l")} AND l.status = 'started'`, ...ids, windowFrom, windowTo) >= expected;
    const backlogStart = performance.now();
    await waitFor("the window's slots to start", startedAll, STARTED_WITHIN_MS).catch(() => undefined);
    const backlogMs = performance.now() - backlogStart;
    for (const s of firing) await automations.setScheduleActive(s.id, false, Date.now());
    bench.host.context.scheduler.poke();
    await waitFor("the runs to end", () => engine.running().length === 0, 60_000);
    const loadAfterWindow = loadavg()[0]!;

    // One at a time on an otherwise idle engine, each run waited for: a worker's start-up alone,
    // warm (the host's engine, its warm worker given time to get ready) and cold (an engine of our own without one).
    const alone = async (eng: Engine, pauseMs: number) => {
      const out: Array<{ runId: string; calledAt: number; resolvedAt: number }> = [];
      for (let i = 0; i < ISOLATED_RUNS; i++) {
        eng.prewarm();
        await sleep(pauseMs);
        const calledAt = Date.now();
        const { runId } = await eng.start({ file: flow.file, params: {}, flowName: flow.name });
        out.push({ runId, calledAt, resolvedAt: Date.now() });
        await eng.wait(runId);
      }
      return out;
    };
    const cpuOf = async (run: () => Promise<unknown>) => {
      const before = process.cpuUsage();
      await run();
      const used = process.cpuUsage(before);
      return (used.user + used.system) / 1000 / ISOLATED_RUNS;
    };
    let warmAlone: Awaited<ReturnType<typeof alone>> = [];
    // CPU of the whole process (main thread and workers) per run, the warm worker's own start-up included.
    const warmCpuMs = await cpuOf(async () => (warmAlone = await alone(engine, WARM_PAUSE_MS)));
    const coldEngine = createEngine({ dbPath: bench.dbPath, store: bench.store, warmWorker: false });
    let coldAlone: Awaited<ReturnType<typeof alone>> = [];
    let coldCpuMs = 0;
    try {
      coldCpuMs = await cpuOf(async () => (coldAlone = await alone(coldEngine, 0)));
    } finally {
      await coldEngine.close();
    }
    const loadAfter = loadavg()[0]!;

    // Read with better-sqlite3 directly: what the history says happened.
    reader = new Database(bench.dbPath, { readonly: true, fileMustExist: true });
    const rows = reader
      .prepare(
        `SELECT l.schedule_id, l.slot_time, l.run_id, l.status, l.updated_at, f.start_time, f.state_type,
           (SELECT count(*) FROM states WHERE run_id = l.run_id AND type = 'RUNNING') AS running_states
         FROM schedule_slots l LEFT JOIN flow_runs f ON f.id = l.run_id
         WHERE ${inWindow("l")} ORDER BY l.slot_time`,
      )
      .all(...ids, windowFrom, windowTo) as SlotRow[];
    const started = rows.filter((r) => r.status === "started" && r.start_time !== null);
    checks.expect("slots due in the window", rows.length, expected);
    checks.expect("slots of the window started", started.length, expected);
    checks.expect("their runs COMPLETED", rows.filter((r) => r.state_type === "COMPLETED").length, expected);
    checks.expect("runs RUNNING more than once", rows.filter((r) => r.running_states !== 1).length, 0);
    checks.expect("slots skipped, late or failed (whole history)", bench.count("SELECT count(*) FROM schedule_slots WHERE status IN ('skipped', 'late', 'failed')"), 0);
    checks.expect("runs CANCELLED or FAILED (whole history)", bench.count("SELECT count(*) FROM flow_runs WHERE state_type IN ('CANCELLED', 'FAILED', 'CRASHED')"), 0);
    checks.expect("active schedules during the window", bench.count("SELECT count(*) FROM schedules"), SCHEDULES);
    const startOf = reader.prepare("SELECT start_time FROM flow_runs WHERE id = ?").pluck();
    const toRunning = (list: typeof calls) =>
      list.map((c) => {
        const startTime = startOf.get(c.runId) as number | null;
        if (typeof startTime !== "number") throw new Error(`run ${c.runId} has no startTime`);
        return { total: startTime - c.calledAt, toHandoff: c.resolvedAt - c.calledAt, worker: startTime - c.resolvedAt };
      });
    const baseline = toRunning(calls);
    if (started.length === 0) throw new Error("no scheduled slot started");
    return {
      latency: started.map((r) => r.start_time! - r.slot_time),
      // Slot time → the slot 'started' (the scheduler woke, claimed it, and the engine recorded the run PENDING), then → RUNNING in the worker.
      toHandoff: started.map((r) => r.updated_at - r.slot_time),
      worker: started.map((r) => r.start_time! - r.updated_at),
      baseline,
      warmAlone: toRunning(warmAlone),
      cpuPerRunMs: { warm: warmCpuMs, cold: coldCpuMs },
      backlogMs,
      slotTimes: started.map((r) => r.slot_time - windowFrom),
      coldAlone: toRunning(coldAlone),
      setupMs,
      load: { before: round(loadBefore), afterWindow: round(loadAfterWindow), after: round(loadAfter) },
    };
  } finally {
    reader?.close();
    await bench.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// CPU per simulated minute

/** The mix: every minute, every 5–15 minutes, hourly and daily crons in several zones, one-off dates. */
function simulatedSpecs(): ScheduleSpec[] {
  const rnd = random(42);
  const specs: ScheduleSpec[] = [];
  // Anchors on whole seconds, as a schedule gets by default (its creation second): spread over the minute.
  for (let i = 0; i < 1_000; i++) specs.push({ every: "1m", anchor: SIM_T0 - HOUR + (i % 60) * SEC });
  for (let i = 0; i < 2_000; i++) {
    const every = (5 + Math.floor(rnd() * 11)) * MIN;
    specs.push({ every, anchor: SIM_T0 - Math.floor((rnd() * every) / SEC) * SEC });
  }
  for (let i = 0; i < 2_000; i++) specs.push({ cron: `${Math.floor(rnd() * 60)} * * * *`, timezone: ZONES[i % ZONES.length]! });
  for (let i = 0; i < 2_000; i++) specs.push({ cron: `${Math.floor(rnd() * 60)} ${Math.floor(rnd() * 24)} * * *`, timezone: ZONES[i % ZONES.length]! });
  for (let i = 0; i < 3_000; i++) specs.push({ at: SIM_T0 + SEC + Math.floor((rnd() * 3 * DAY) / SEC) * SEC });
  return specs;
}

const stateRow = (run: FlowRunRecord, at: number): WriteBatch["states"][number] => ({ runId: run.id, runKind: "flow", type: run.stateType, name: run.stateName, timestamp: at, message: run.stateMessage, error: null });

function completedRun(schedule: ScheduleRecord, slotTime: number, runId: string, at: number): FlowRunRecord {
  return { ...slotRun(schedule, slotTime, runId, "Scheduled", null), stateType: "COMPLETED", stateName: "Completed", stateMessage: null, startTime: at, endTime: at, runCount: 1 };
}

async function measureCpu(checks: Checks) {
  const dir = mkdtempSync(join(tmpdir(), "flowbench-bench-scheduler-sim-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  const dbPath = join(dir, "flowbench.db");
  const store = openSqliteStore(dbPath);
  try {
    const automations = store.automations();
    const clock = new FakeClock(SIM_T0);
    const target: ScheduleTarget = { flowName: "bench-sim", flowId: "bench-sim", file: null, runner: "host", params: null };
    const schedules = new Map<string, ScheduleRecord>();
    const setupStart = performance.now();
    for (const spec of simulatedSpecs()) {
      const record = buildSchedule(spec, target, SIM_T0);
      await automations.putSchedule(record, SIM_T0);
      schedules.set(record.id, record);
    }
    // Parallel: every slot that falls due starts, so the count checks against the timing alone.
    await automations.setFlowPolicy({ flowName: target.flowName, overlap: "parallel", maxConcurrentRuns: null }, SIM_T0);
    const setupMs = performance.now() - setupStart;

    const launches: Array<{ scheduleId: string; slotTime: number }> = [];
    const errors: unknown[] = [];
    const scheduler = new Scheduler({
      store: automations,
      runner: "host",
      clock,
      graceMs: MIN,
      maxSleepMs: 15 * SEC,
      // The cheapest launcher that still records the run: one write, the run COMPLETED.
      launch: async (slot: DueSlot) => {
        const at = clock.now();
        launches.push({ scheduleId: slot.scheduleId, slotTime: slot.slotTime });
        const run = completedRun(slot.schedule, slot.slotTime, slot.runId, at);
        store.write({ ...emptyBatch(), flowRuns: [run], states: [stateRow(run, at)] });
      },
      onError: (error) => errors.push(error),
    });
    clock.settle = () => scheduler.settled();

    const measureFrom = SIM_T0 + SIM_WARMUP_MS;
    const measureTo = measureFrom + SIM_MINUTES * MIN;
    let cpu = process.cpuUsage();
    let wall = performance.now();
    scheduler.start();
    await clock.runUntil(measureFrom);
    const warmupCpu = process.cpuUsage(cpu);
    const warmupWallMs = performance.now() - wall;
    const warmupLaunches = launches.length;

    collectGarbage();
    cpu = process.cpuUsage();
    wall = performance.now();
    await clock.runUntil(measureTo);
    const schedulerCpu = process.cpuUsage(cpu);
    const schedulerWallMs = performance.now() - wall;
    await scheduler.stop();
    const measured = launches.slice(warmupLaunches);

    // Every slot due in (T0, end] started exactly once, against slots computed from the timing alone.
    const seen = new Set<string>();
    let duplicates = 0;
    for (const l of launches) {
      const key = `${l.scheduleId}@${l.slotTime}`;
      if (seen.has(key)) duplicates++;
      seen.add(key);
    }
    let expectedAll = 0;
    let expectedWindow = 0;
    let missing = 0;
    for (const s of schedules.values()) {
      const due = slotsBetween(s.timing, SIM_T0, measureTo, 10_000);
      expectedAll += due.length;
      expectedWindow += due.filter((t) => t > measureFrom).length;
      for (const t of due) if (!seen.has(`${s.id}@${t}`)) missing++;
    }
    checks.expect("simulated: scheduler errors", errors.length, 0);
    checks.expect("simulated: slots started (warm-up and measured minutes)", launches.length, expectedAll);
    checks.expect("simulated: slots started in the measured minutes", measured.length, expectedWindow);
    checks.expect("simulated: due slots not started", missing, 0);
    checks.expect("simulated: slots started twice", duplicates, 0);
    checks.expect("simulated: slots 'started' in the DB", countOf(dbPath, "SELECT count(*) FROM schedule_slots WHERE status = 'started'"), expectedAll);
    checks.expect("simulated: runs COMPLETED in the DB", countOf(dbPath, "SELECT count(*) FROM flow_runs WHERE state_type = 'COMPLETED'"), expectedAll);
    checks.expect("simulated: slots late, skipped or failed in the DB", countOf(dbPath, "SELECT count(*) FROM schedule_slots WHERE status IN ('late', 'skipped', 'failed')"), 0);
    const plannedAhead = countOf(dbPath, "SELECT count(*) FROM schedule_slots WHERE status = 'scheduled'");

    // Baseline: the same runs, each written SCHEDULED then COMPLETED through store.write, one write each
    // (as planning and the launcher write them), in the same file.
    const stride = Math.max(1, Math.round(measured.length / BASELINE_SAMPLE));
    const runs = measured.filter((_, i) => i % stride === 0).map((l) => ({ schedule: schedules.get(l.scheduleId)!, slotTime: l.slotTime }));
    collectGarbage();
    cpu = process.cpuUsage();
    wall = performance.now();
    for (const { schedule, slotTime } of runs) {
      const runId = newId();
      const scheduled = slotRun(schedule, slotTime, runId, "Scheduled", null);
      store.write({ ...emptyBatch(), flowRuns: [scheduled], states: [stateRow(scheduled, slotTime)] });
      const done = completedRun(schedule, slotTime, runId, slotTime);
      store.write({ ...emptyBatch(), flowRuns: [done], states: [stateRow(done, slotTime)] });
    }
    const baselineCpu = process.cpuUsage(cpu);
    const baselineWallMs = performance.now() - wall;
    checks.expect("simulated: baseline runs COMPLETED in the DB", countOf(dbPath, "SELECT count(*) FROM flow_runs WHERE state_type = 'COMPLETED'"), expectedAll + runs.length);

    const ms = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
    return {
      schedulerMsPerMin: ms(schedulerCpu) / SIM_MINUTES,
      // The sample's CPU per run, times the runs started per simulated minute.
      baselineMsPerMin: (ms(baselineCpu) / runs.length) * (measured.length / SIM_MINUTES),
      details: {
        schedules: schedules.size,
        mix: { every1m: 1_000, every5to15m: 2_000, hourlyCron: 2_000, dailyCron: 2_000, oneOff: 3_000, zones: ZONES },
        simulatedMinutes: SIM_MINUTES,
        warmupSimulatedMinutes: SIM_WARMUP_MS / MIN,
        slotsStarted: measured.length,
        slotsStartedPerMinute: round(measured.length / SIM_MINUTES, 1),
        slotsPlannedAhead: plannedAhead,
        schedulerCpuMs: { user: round(schedulerCpu.user / 1000, 0), system: round(schedulerCpu.system / 1000, 0), total: round(ms(schedulerCpu), 0) },
        schedulerWallMs: round(schedulerWallMs, 0),
        schedulerCpuUsPerSlot: round((ms(schedulerCpu) * 1000) / measured.length, 1),
        baselineRunsWritten: runs.length,
        baselineCpuMs: { user: round(baselineCpu.user / 1000, 0), system: round(baselineCpu.system / 1000, 0), total: round(ms(baselineCpu), 0) },
        baselineWallMs: round(baselineWallMs, 0),
        baselineCpuUsPerRun: round((ms(baselineCpu) * 1000) / runs.length, 1),
        // The first pass plans every schedule's next 3 slots (30,000 SCHEDULED runs).
        warmup: { cpuMs: round(ms(warmupCpu), 0), wallMs: round(warmupWallMs, 0), slotsStarted: warmupLaunches },
        setupMs: round(setupMs, 0),
      },
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A single number from the simulated history, read with better-sqlite3 directly (not through the store). */
function countOf(path: string, sql: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

await runCase("scheduler", async () => {
  const checks = new Checks();
  const live = await measureLatency(checks);
  collectGarbage();
  const sim = await measureCpu(checks);

  const p50 = percentile(live.latency, 50);
  const p99 = percentile(live.latency, 99);
  const baselineP50 = percentile(live.baseline.map((b) => b.total), 50);
  const cpuRatio = sim.schedulerMsPerMin / sim.baselineMsPerMin;
  return {
    case: "scheduler",
    measured: {
      label: `slot due → its run RUNNING (startTime in the worker), p50 of ${live.latency.length} slots of 20 every-20s schedules (one due a second) among 10,000 on a host, real timers (p99 ${round(p99, 0)} ms); CPU per simulated minute of 10,000 schedules: ${round(sim.schedulerMsPerMin, 1)} ms, ${round(cpuRatio, 2)}× writing their runs (details.cpu)`,
      value: round(p50, 1),
      unit: "ms",
    },
    baseline: { label: `runs.start of the same flow through the host's dispatch → RUNNING, p50 of ${BASELINE_RUNS} calls interleaved with the slots: the engine starting a run`, value: round(baselineP50, 1), unit: "ms" },
    derived: { label: `p99 ${round(p99, 0)} ms; scheduler adds to p50`, value: round(p50 - baselineP50, 1), unit: "ms" },
    goal: { text: `p50 < ${GOAL_P50_MS} ms, p99 < ${GOAL_P99_MS} ms`, pass: p50 < GOAL_P50_MS && p99 < GOAL_P99_MS },
    checks: checks.values,
    details: {
      dueToRunningMs: { ...latencySummary(live.latency, 1), p99: round(p99, 1) },
      // Slot time → the slot 'started' (scheduler woke, claimed it, engine recorded PENDING); then → RUNNING (worker start-up and flow load).
      breakdownMs: { slotToHandoff: latencySummary(live.toHandoff, 1), handoffToRunning: latencySummary(live.worker, 1) },
      baselineMs: {
        callToRunning: latencySummary(live.baseline.map((b) => b.total), 1),
        callToHandoff: latencySummary(live.baseline.map((b) => b.toHandoff), 1),
        handoffToRunning: latencySummary(live.baseline.map((b) => b.worker), 1),
      },
      // engine.start one at a time, each run waited for: a worker's start-up on an otherwise idle engine,
      // with the warm worker ready (the host's engine) and without one (an engine made with warmWorker: false).
      workerStartupAloneMs: {
        warm: { callToRunning: latencySummary(live.warmAlone.map((b) => b.total), 1), handoffToRunning: latencySummary(live.warmAlone.map((b) => b.worker), 1) },
        cold: { callToRunning: latencySummary(live.coldAlone.map((b) => b.total), 1), handoffToRunning: latencySummary(live.coldAlone.map((b) => b.worker), 1) },
      },
      // A p50 that grows from the first to the last third of the window is a backlog: runs start slower than slots fall due.
      p50ByThirdOfWindowMs: [0, 1, 2].map((k) => {
        const part = live.latency.filter((_, i) => live.slotTimes[i]! > (k * WINDOW_MS) / 3 && live.slotTimes[i]! <= ((k + 1) * WINDOW_MS) / 3);
        return part.length ? round(percentile(part, 50), 0) : null;
      }),
      // Process CPU (main thread and workers) per isolated run: what each run's worker costs, warm or cold.
      cpuPerRunMs: { warm: round(live.cpuPerRunMs.warm, 0), cold: round(live.cpuPerRunMs.cold, 0) },
      runsStartedPerSecond: { slots: round(SEC / STAGGER_MS, 2), baseline: round(SEC / BASELINE_EVERY_MS, 2) },
      // How long after the window its last slots took to start.
      backlogAfterWindowMs: round(live.backlogMs, 0),
      loadAverage: live.load,
      firingSchedules: FIRING,
      everyMs: EVERY_MS,
      warmupMs: WARMUP_MS,
      windowMs: WINDOW_MS,
      hostSetupMs: round(live.setupMs, 0),
      cpu: { schedulerMsPerSimulatedMinute: round(sim.schedulerMsPerMin, 1), baselineMsPerSimulatedMinute: round(sim.baselineMsPerMin, 1), ratio: round(cpuRatio, 2), ...sim.details },
    },
    ...(checks.error ? { error: checks.error } : {}),
  };
});
