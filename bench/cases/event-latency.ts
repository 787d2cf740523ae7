/**
 * event-latency: how long a task's state change takes to reach a client's WebSocket
 * subscription. The host's engine runs a flow file from the host's flows folder in a
 * worker thread: 200 tasks one after another, lasting 0, 2, 5, 12 or 20 ms in turn, with
 * 3 ms of await between them. The client (in this process, over loopback) subscribes to
 * the run. Per task, RUNNING's latency is when the client first had a record of it with
 * its startTime, minus that startTime; COMPLETED's is when it first had it COMPLETED,
 * minus its endTime (both stamped with Date.now() by the SDK in the worker: the same
 * clock). p50 / p95 / max over all 400 state changes, after a 20-task warm-up run.
 * Checks every task's COMPLETED arrived, and the flow run's.
 *
 * Baseline, the same changes in the same run: from the change to the host hearing that
 * the worker wrote it (engine.onFlush, the notice that starts the hub's drain). That is
 * the worker's share, its 10 ms flush delay and the SQLite write, which no delivery can
 * beat; measured − baseline is what the host, JSON and the WebSocket add. Also measured,
 * for the details: an isolated change's floor (a 10 ms timer, then the store writing a
 * task-run row and reading it back through listChanges) and that write → read alone.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { EventBatch } from "../../shared/api/events.ts";
import { newId } from "../../shared/sdk/names.ts";
import { emptyBatch, type FlowRunRecord, type TaskRunRecord } from "../../shared/store/types.ts";
import { startBenchHost, type BenchHost } from "../lib/api-host.ts";
import { Checks, runCase } from "../lib/case.ts";
import { latencySummary, percentile, round } from "../lib/timing.ts";

const TASKS = 200;
const WARMUP_TASKS = 20;
const TASK_MS = [0, 2, 5, 12, 20];
const GAP_MS = 3;
/** The run waits this long before its first task, so the subscription is live before anything happens. */
const START_DELAY_MS = 300;
/** The engine's workers write history this long after a change (src-main/engine/worker.ts: flushDelayMs). */
const FLUSH_DELAY_MS = 10;
const FLOOR_REPS = 100;
const GOAL_MS = 20;
const TIMEOUT_MS = 60_000;
const TERMINAL: readonly string[] = ["COMPLETED", "FAILED", "CRASHED", "CANCELLED"];

const FLOW_SOURCE = `import { flow, task } from "flowbench";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const TASK_MS = ${JSON.stringify(TASK_MS)};

const step = task(async function step(i: number) {
  const ms = TASK_MS[i % TASK_MS.length]!;
  if (ms > 0) await sleep(ms);
  return i;
});

export default flow({ name: "bench-event-latency" }, async function eventLatency(params: { tasks: number; gapMs: number; startDelayMs: number }) {
  await sleep(params.startDelayMs);
  for (let i = 0; i < params.tasks; i++) {
    await step(i);
    await sleep(params.gapMs);
  }
  return params.tasks;
});
`;

/** When (Date.now()) the client first had a state change, and when the host had heard of the write that the batch carrying it was drained after. */
interface Arrival {
  at: number;
  notice: number;
}

interface TaskSeen {
  startTime: number | null;
  endTime: number | null;
  running?: Arrival;
  completed?: Arrival;
  /** Already there when the subscription started: not a delivery, left out of the figures. */
  inSnapshot?: boolean;
}

interface RunWatch {
  runId: string;
  tasks: Map<string, TaskSeen>;
  /** Per task-run event received: at − startTime for a RUNNING record, at − endTime for a COMPLETED one. */
  perEventMs: number[];
  eventsByState: Record<string, number>;
  batches: number;
  /** performance.now() of each batch's arrival minus that of the host's last flush notice before it. */
  noticeToClientMs: number[];
  flowRun: { state?: string; message?: string | null; runningMs?: number; endedMs?: number };
}

/** The host's flush notices, as the case hears them beside the hub. */
interface Notices {
  wall: number;
  perf: number;
  count: number;
}

/** Starts the flow, subscribes to the run over the WebSocket, and gathers what arrives until the flow run ends. */
async function watchRun(bench: BenchHost, tasks: number, notices: Notices): Promise<RunWatch> {
  const { runId } = await bench.client.call("runs.start", { flowId: "latency", params: { tasks, gapMs: GAP_MS, startDelayMs: START_DELAY_MS } });
  const watch: RunWatch = { runId, tasks: new Map(), perEventMs: [], eventsByState: {}, batches: 0, noticeToClientMs: [], flowRun: {} };
  await new Promise<void>((resolve, reject) => {
    let stop = (): void => undefined;
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`run ${runId} did not end within ${TIMEOUT_MS / 1000} s; ${watch.tasks.size} task runs seen`));
    }, TIMEOUT_MS);
    const onBatch = (batch: EventBatch): void => {
      const arrival: Arrival = { at: Date.now(), notice: notices.wall };
      // The first batch is the subscription's snapshot of the run as it was.
      const snapshot = watch.batches++ === 0;
      if (!snapshot) watch.noticeToClientMs.push(performance.now() - notices.perf);
      let ended = false;
      for (const event of batch.events) {
        if (event.type === "flow-run") {
          const run = event.run;
          ended ||= TERMINAL.includes(run.stateType);
          watch.flowRun.state = run.stateType;
          watch.flowRun.message = run.stateMessage;
          if (snapshot) continue;
          if (run.startTime !== null) watch.flowRun.runningMs ??= arrival.at - run.startTime;
          if (ended && run.endTime !== null) watch.flowRun.endedMs ??= arrival.at - run.endTime;
        }
        if (event.type !== "task-run") continue;
        const t = event.taskRun;
        const seen = watch.tasks.get(t.id) ?? { startTime: null, endTime: null, inSnapshot: snapshot };
        watch.tasks.set(t.id, seen);
        seen.startTime = t.startTime;
        seen.endTime = t.endTime;
        if (t.startTime !== null) seen.running ??= arrival;
        if (t.stateType === "COMPLETED") seen.completed ??= arrival;
        if (snapshot) continue;
        watch.eventsByState[t.stateType] = (watch.eventsByState[t.stateType] ?? 0) + 1;
        if (t.stateType === "RUNNING" && t.startTime !== null) watch.perEventMs.push(arrival.at - t.startTime);
        if (t.stateType === "COMPLETED" && t.endTime !== null) watch.perEventMs.push(arrival.at - t.endTime);
      }
      if (ended) {
        clearTimeout(timer);
        stop();
        resolve();
      }
    };
    stop = bench.client.subscribe({ runIds: [runId] }, onBatch, () => undefined);
  });
  return watch;
}

/** Per state change: to the client (measured), and to the host's notice of the write (baseline). */
function latencies(watch: RunWatch): { toClient: number[]; toNotice: number[]; running: number[]; completed: number[] } {
  const out = { toClient: [] as number[], toNotice: [] as number[], running: [] as number[], completed: [] as number[] };
  for (const t of watch.tasks.values()) {
    if (t.inSnapshot) continue;
    for (const [arrival, changedAt, list] of [[t.running, t.startTime, out.running], [t.completed, t.endTime, out.completed]] as const) {
      if (!arrival || changedAt === null) continue;
      out.toClient.push(arrival.at - changedAt);
      out.toNotice.push(arrival.notice - changedAt);
      list.push(arrival.at - changedAt);
    }
  }
  return out;
}

/**
 * An isolated change's floor, in this process on the host's own store: wait out the flush
 * delay (a real timer, late as timers are on a busy machine), write one task-run row of a
 * flow run no one watches, and read it back through listChanges. No worker, no message, no
 * event-loop hop, no JSON, no socket. Returns the whole and the write → read part alone.
 */
async function measureFloor(bench: BenchHost): Promise<{ floor: number[]; writeRead: number[] }> {
  const { store } = bench;
  const flowRunId = newId();
  const now = Date.now();
  const flowRun: FlowRunRecord = {
    id: flowRunId, name: "floor-run", flowName: "bench-floor", flowVersion: null, parentFlowRunId: null, parentTaskRunId: null,
    parameters: "{}", tags: [], stateType: "RUNNING", stateName: "Running", stateMessage: null, createdAt: now, startTime: now,
    endTime: null, runCount: 1, error: null, resultPreview: null, owner: null,
  };
  await store.write({ ...emptyBatch(), flowRuns: [flowRun] });
  let since = (await store.listChanges({ since: Number.MAX_SAFE_INTEGER })).seq;
  const floor: number[] = [];
  const writeRead: number[] = [];
  for (let i = 0; i < FLOOR_REPS; i++) {
    const start = performance.now();
    await sleep(FLUSH_DELAY_MS);
    const woke = performance.now();
    const at = Date.now();
    const id = newId(at);
    const taskRun: TaskRunRecord = {
      id, name: `step-${id.slice(-6)}`, taskName: "step", flowRunId, parentTaskRunId: null, tags: [], stateType: "COMPLETED",
      stateName: "Completed", stateMessage: null, createdAt: at, startTime: at, endTime: at, runCount: 1, maxRetries: 0,
      cacheKey: null, upstream: [], inputsPreview: "[1]", resultPreview: "1", error: null, owner: null,
    };
    await store.write({
      ...emptyBatch(),
      taskRuns: [taskRun],
      states: [{ runId: id, runKind: "task", type: "COMPLETED", name: "Completed", timestamp: at, message: null, error: null }],
    });
    const page = await store.listChanges({ since, flowRuns: [flowRunId], taskRunsOf: [flowRunId], logsOf: [flowRunId] });
    const end = performance.now();
    if (!page.taskRuns.some((t) => t.id === id)) throw new Error("the floor's write was not read back");
    since = page.seq;
    floor.push(end - start);
    writeRead.push(end - woke);
  }
  return { floor, writeRead };
}

await runCase("event-latency", async () => {
  const checks = new Checks();
  const bench = await startBenchHost("event-latency");
  const notices: Notices = { wall: Date.now(), perf: performance.now(), count: 0 };
  let warm: RunWatch, run: RunWatch, floor: Awaited<ReturnType<typeof measureFloor>>, runMs: number;
  try {
    writeFileSync(join(bench.flowsDir, "latency.ts"), FLOW_SOURCE);
    // Registered after the host's own listener (hub.notify), so it runs right after it.
    bench.host.context.engine.onFlush(() => {
      notices.wall = Date.now();
      notices.perf = performance.now();
      notices.count++;
    });
    warm = await watchRun(bench, WARMUP_TASKS, notices);
    if (warm.flowRun.state !== "COMPLETED") throw new Error(`the warm-up run ended ${warm.flowRun.state}: ${warm.flowRun.message}`);
    notices.count = 0;
    const started = performance.now();
    run = await watchRun(bench, TASKS, notices);
    runMs = performance.now() - started;
    checks.expect("flow run's COMPLETED arrived", run.flowRun.state ?? "no end", "COMPLETED");
    floor = await measureFloor(bench);
    // Read with better-sqlite3 directly: what the run left in the history.
    checks.expect("flow run COMPLETED in the DB", bench.count("SELECT count(*) FROM flow_runs WHERE id = ? AND state_type = 'COMPLETED'", run.runId), 1);
    checks.expect("completed task runs in the DB", bench.count("SELECT count(*) FROM task_runs WHERE flow_run_id = ? AND state_type = 'COMPLETED'", run.runId), TASKS);
  } finally {
    await bench.dispose();
  }

  const tasks = [...run.tasks.values()];
  checks.expect("task runs whose COMPLETED arrived", tasks.filter((t) => t.completed !== undefined).length, TASKS);
  checks.note("task runs already in the snapshot (left out)", tasks.filter((t) => t.inSnapshot).length);
  const changes = latencies(run);
  if (changes.toClient.length === 0) throw new Error("no task state change was delivered");
  const warmChanges = latencies(warm);

  const measured = percentile(changes.toClient, 50);
  const baseline = percentile(changes.toNotice, 50);
  return {
    case: "event-latency",
    measured: { label: `task state change (RUNNING, COMPLETED) → client's WebSocket subscription, p50 of the ${changes.toClient.length} changes of a 200-task engine run`, value: round(measured, 1), unit: "ms" },
    baseline: { label: `the same changes → the host told of the worker's write (engine.onFlush): the ${FLUSH_DELAY_MS} ms flush delay and the SQLite write, p50`, value: round(baseline, 1), unit: "ms" },
    derived: { label: "host + JSON + WebSocket add", value: round(measured - baseline, 1), unit: "ms" },
    goal: { text: `p50 < ${GOAL_MS} ms`, pass: measured < GOAL_MS },
    checks: checks.values,
    details: {
      tasks: TASKS,
      taskMs: TASK_MS,
      gapMs: GAP_MS,
      flushDelayMs: FLUSH_DELAY_MS,
      runMs: round(runMs, 0),
      perStateChangeMs: latencySummary(changes.toClient, 1),
      toHostNoticeMs: latencySummary(changes.toNotice, 1),
      runningMs: latencySummary(changes.running, 1),
      completedMs: latencySummary(changes.completed, 1),
      // One per task-run event received; a RUNNING written in the same batch as its COMPLETED has no event of its own.
      perEventMs: run.perEventMs.length ? latencySummary(run.perEventMs, 1) : null,
      eventsByState: run.eventsByState,
      batches: run.batches,
      hostFlushNotices: notices.count,
      // performance.now() from the host's flush notice to the batch reaching the client's callback.
      noticeToClientMs: run.noticeToClientMs.length ? latencySummary(run.noticeToClientMs, 2) : null,
      flowRunMs: { running: run.flowRun.runningMs, ended: run.flowRun.endedMs },
      isolatedChangeFloorMs: latencySummary(floor.floor, 2),
      storeWriteReadMs: latencySummary(floor.writeRead, 3),
      warmupPerStateChangeMs: warmChanges.toClient.length ? latencySummary(warmChanges.toClient, 1) : null,
    },
    ...(checks.error ? { error: checks.error } : {}),
  };
});
