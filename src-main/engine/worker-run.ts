import { Worker } from "node:worker_threads";
import { serializeError } from "../../shared/errors.ts";
import type { WorkerDeath } from "./ending.ts";
import type { HostMessage, WarmStart, WorkerMessage, WorkerStart } from "./protocol.ts";

export type WorkerEnd =
  | { kind: "done"; stateType: Extract<WorkerMessage, { type: "done" }>["stateType"]; stateName: string; message: string | null }
  | { kind: "died"; death: WorkerDeath };

export interface WorkerRun {
  /** Settles once the worker is gone, never rejects. */
  readonly ended: Promise<WorkerEnd>;
  /** Asks the run to stop; terminates the worker if it has not gone after the grace period. */
  cancel(reason: string): void;
}

export interface WorkerRunOptions {
  start: WorkerStart;
  memoryLimitMb: number;
  cancelGraceMs: number;
  onFlushed: () => void;
}

// Built, the engine runs worker.js beside it; from source, worker.ts through Node's type stripping.
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER_URL = new URL(FROM_SOURCE ? "./worker.ts" : "./worker.js", import.meta.url);
// From source, a flow's `import "flowbench"` must load the very SDK module the worker
// configures (src-main/sdk.ts), not the build: the package maps this condition to the source.
const EXEC_ARGV = [...workerFlags(process.execArgv), ...(FROM_SOURCE ? ["--conditions=flowbench-source"] : [])];

/**
 * The process's flags a worker accepts: module resolution and loader flags.
 * Workers refuse V8 and process-wide flags (--expose-gc, --max-old-space-size, ...),
 * and one such flag would fail every run.
 */
export function workerFlags(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const takesValue = /^(--conditions|-C|--import|--require|-r|--loader|--experimental-loader)$/.test(flag);
    if (takesValue && i + 1 < argv.length) out.push(flag, argv[++i]!);
    else if (/^(--conditions|-C|--import|--require|--loader|--experimental-loader)=/.test(flag) || /^--(no-)?experimental-(strip-types|transform-types|require-module|detect-module)$/.test(flag) || flag === "--enable-source-maps") out.push(flag);
  }
  return out;
}

/** A worker that has loaded the SDK and opened the history, waiting for a run: it saves each run the start-up. */
export interface WarmWorker {
  readonly worker: Worker;
  /** Resolves with the exit code once the thread is gone. */
  readonly exited: Promise<number>;
  readonly alive: () => boolean;
}

function spawn(workerData: WorkerStart | WarmStart, memoryLimitMb: number): Worker {
  return new Worker(WORKER_URL, { workerData, execArgv: EXEC_ARGV, resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb } });
}

export function spawnWarmWorker(dbPath: string, memoryLimitMb: number): WarmWorker {
  const worker = spawn({ warm: true, dbPath }, memoryLimitMb);
  let alive = true;
  const exited = new Promise<number>((resolve) =>
    worker.once("exit", (code) => {
      alive = false;
      resolve(code);
    }),
  );
  // An idle warm worker must never keep the host alive, nor take it down with an error.
  worker.on("error", () => undefined);
  worker.unref();
  return { worker, exited, alive: () => alive };
}

/** Starts one flow run in a worker thread of its own (a warm one when given) and watches it until it is gone. */
export function startWorkerRun(options: WorkerRunOptions & { warm?: WarmWorker }): WorkerRun {
  let worker: Worker;
  let exitedWith: Promise<number>;
  try {
    if (options.warm) {
      worker = options.warm.worker;
      exitedWith = options.warm.exited;
      worker.ref();
      worker.postMessage({ type: "start", start: options.start } satisfies HostMessage);
    } else {
      worker = spawn(options.start, options.memoryLimitMb);
      exitedWith = new Promise<number>((resolve) => worker.once("exit", resolve));
    }
  } catch (error) {
    return { ended: Promise.resolve({ kind: "died", death: { code: null, failedToStart: serializeError(error) } }), cancel: () => undefined };
  }

  let done: WorkerEnd | undefined;
  let exited = false;
  const death: WorkerDeath = { code: null };
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The worker gets this long to go by itself, after a cancel or after `done`.
  const terminateLater = (): void => {
    timer ??= setTimeout(() => {
      death.terminated = true;
      void worker.terminate();
    }, options.cancelGraceMs);
  };

  worker.on("message", (message: WorkerMessage) => {
    switch (message.type) {
      case "flushed":
        options.onFlushed();
        break;
      case "done":
        done = { kind: "done", stateType: message.stateType, stateName: message.stateName, message: message.message };
        terminateLater();
        break;
      case "failed-to-start":
        death.failedToStart = message.error;
        break;
    }
  });
  // Only the first error counts: it is what killed the worker.
  worker.on("error", (error) => (death.error ??= error));

  const ended = exitedWith.then((code): WorkerEnd => {
    exited = true;
    clearTimeout(timer);
    death.code = code;
    return done ?? { kind: "died", death };
  });

  return {
    ended,
    cancel(reason) {
      if (done || timer || exited) return;
      const message: HostMessage = { type: "cancel", reason };
      worker.postMessage(message);
      terminateLater();
    },
  };
}
