/**
 * The engine host: runs each flow run in a worker thread of its own, so no flow's
 * code can take the app down, and makes sure every run ends recorded, even when
 * its worker could not record it.
 */
import { isAbsolute } from "node:path";
import { makeError } from "../../shared/errors.ts";
import { newId } from "../../shared/sdk/names.ts";
import { isTerminal } from "../../shared/sdk/states.ts";
import { emptyBatch, type RunStore } from "../../shared/store/types.ts";
import { endRun, type RunOutcome } from "./end-run.ts";
import { endingOf } from "./ending.ts";
import { pendingFlowRun } from "./run-record.ts";
import { spawnWarmWorker, startWorkerRun, type WarmWorker, type WorkerEnd, type WorkerRun } from "./worker-run.ts";

export type { RunOutcome } from "./end-run.ts";

export interface StartRequest {
  /** Absolute path of a flow .ts/.js file. */
  file: string;
  params?: unknown;
  /** Picks a named export when the file has several flows. */
  flowName?: string;
  /** The run's id: a scheduled run's, already recorded SCHEDULED. A new one by default. */
  runId?: string;
}

export interface Engine {
  /** Resolves as soon as the run id is known; the run is then recorded PENDING in the store. */
  start(request: StartRequest): Promise<{ runId: string }>;
  /** Resolves once the run has ended; false when this engine is not running it. */
  cancel(runId: string): Promise<boolean>;
  /** The final outcome once its worker is gone; also for runs that already ended, from the store. */
  wait(runId: string): Promise<RunOutcome>;
  running(): string[];
  /** Gets a warm worker ready (the scheduler calls it shortly before a slot is due). */
  prewarm(): void;
  /** Called right after any worker (or the host) wrote a history batch, so the API host can push events with low latency. */
  onFlush(listener: () => void): () => void;
  /** Cancels all runs and waits for their workers. */
  close(): Promise<void>;
}

export interface EngineOptions {
  /** The SQLite history the workers write to. */
  dbPath: string;
  /** The same history, for what the host writes itself. */
  store: RunStore;
  /** Each worker's heap limit. Default 512. */
  memoryLimitMb?: number;
  /** How long a cancelled run may take to stop before its worker is terminated. Default 500: a run that ignores its signal still stops well within 1 s. */
  cancelGraceMs?: number;
  /** Keep a worker with the SDK loaded ready once runs start (or on prewarm()), so a run skips the start-up. Default true. */
  warmWorker?: boolean;
}

interface ActiveRun {
  cancel(reason: string): void;
  /** Rejects only when the host could not record the ending. */
  finished: Promise<RunOutcome>;
}

export function createEngine(options: EngineOptions): Engine {
  const { dbPath, store } = options;
  const limits = { memoryLimitMb: options.memoryLimitMb ?? 512, cancelGraceMs: options.cancelGraceMs ?? 500 };
  const runs = new Map<string, ActiveRun>();
  const flushListeners = new Set<() => void>();
  let closed = false;
  /** Idle workers with the SDK loaded: two, so runs a second apart (a schedule and a click, say) both find one. */
  let warm: WarmWorker[] = [];
  let refill: ReturnType<typeof setTimeout> | undefined;
  const WARM = 2;

  /** Tops the idle workers up, a little after a run took one so the spawn does not compete with that run's start. */
  const keepWarm = (delayMs: number): void => {
    if (closed || options.warmWorker === false || refill) return;
    warm = warm.filter((w) => w.alive());
    if (warm.length >= WARM) return;
    refill = setTimeout(() => {
      refill = undefined;
      warm = warm.filter((w) => w.alive());
      if (closed || warm.length >= WARM) return;
      warm.push(spawnWarmWorker(dbPath, limits.memoryLimitMb));
      // One at a time: two spawns at once would slow a run starting meanwhile.
      keepWarm(100);
    }, delayMs);
    refill.unref();
  };
  const takeWarm = (): WarmWorker | undefined => {
    warm = warm.filter((w) => w.alive());
    const taken = warm.shift();
    keepWarm(50);
    return taken;
  };

  const flushed = (): void => {
    for (const listener of flushListeners) {
      try {
        listener();
      } catch {
        // A broken listener must not break the runs it is told about.
      }
    }
  };

  async function settle(runId: string, request: StartRequest, end: WorkerEnd): Promise<RunOutcome> {
    if (end.kind === "done") return { runId, stateType: end.stateType, stateName: end.stateName, message: end.message };
    const outcome = await endRun(store, runId, endingOf(end.death, limits), () => pendingFlowRun(runId, request.file, request.params, request.flowName));
    flushed();
    return outcome;
  }

  /** Registers the run at once, so cancel and close see it even while its record is being written. */
  function launch(runId: string, request: StartRequest): { recorded: Promise<void>; run: ActiveRun } {
    let worker: WorkerRun | undefined;
    let cancelReason: string | undefined;
    const recorded = Promise.resolve(store.write({ ...emptyBatch(), flowRuns: [pendingFlowRun(runId, request.file, request.params, request.flowName)] }));
    const finished = recorded.then(async () => {
      flushed();
      const start = { runId, file: request.file, dbPath, params: request.params, ...(request.flowName === undefined ? {} : { flowName: request.flowName }) };
      const ready = takeWarm();
      worker = startWorkerRun({ start, ...limits, onFlushed: flushed, ...(ready ? { warm: ready } : {}) });
      if (cancelReason !== undefined) worker.cancel(cancelReason);
      return settle(runId, request, await worker.ended);
    });
    const run: ActiveRun = {
      cancel(reason) {
        cancelReason ??= reason;
        worker?.cancel(reason);
      },
      finished,
    };
    return { recorded, run };
  }

  return {
    async start(request) {
      if (closed) throw makeError("invalid-options", ["Engine.start", "the engine is closed"]);
      if (!isAbsolute(request.file)) throw makeError("invalid-options", ["Engine.start", `the file must be an absolute path, not '${request.file}'`]);
      try {
        // The worker gets a structured clone: find out now, not as a failed run.
        structuredClone(request.params);
      } catch (error) {
        throw makeError("invalid-options", ["Engine.start", `params must be plain data: ${(error as Error).message}`]);
      }
      const runId = request.runId ?? newId();
      if (runs.has(runId)) throw makeError("invalid-options", ["Engine.start", `run ${runId} is already running`]);
      const { recorded, run } = launch(runId, request);
      runs.set(runId, run);
      void run.finished.then(
        () => runs.delete(runId),
        () => runs.delete(runId),
      );
      await recorded;
      return { runId };
    },

    async cancel(runId) {
      const run = runs.get(runId);
      if (!run) return false;
      run.cancel("Cancelled on request");
      await run.finished.catch(() => undefined);
      return true;
    },

    async wait(runId) {
      const run = runs.get(runId);
      if (run) return run.finished;
      const record = await store.getFlowRun(runId);
      if (record && isTerminal(record.stateType)) return { runId, stateType: record.stateType, stateName: record.stateName, message: record.stateMessage };
      throw makeError("invalid-options", ["Engine.wait", `run ${runId} is not running in this engine`]);
    },

    running: () => [...runs.keys()],

    prewarm: () => keepWarm(0),

    onFlush(listener) {
      flushListeners.add(listener);
      return () => void flushListeners.delete(listener);
    },

    async close() {
      closed = true;
      clearTimeout(refill);
      const idle = warm;
      warm = [];
      await Promise.all(idle.filter((w) => w.alive()).map((w) => w.worker.terminate()));
      const active = [...runs.values()];
      for (const run of active) run.cancel("Cancelled: the engine is shutting down");
      await Promise.allSettled(active.map((run) => run.finished));
      flushListeners.clear();
    },
  };
}
