import { MemoryStore } from "../store/memory.ts";
import type { LogLevelName, RunStore } from "../store/types.ts";
import { getPlatform } from "./platform.ts";
import { Recorder } from "./recorder.ts";
import type { Flow } from "./flow.ts";
import type { ServeOptions } from "./serve-options.ts";

/** How `flow.serve()` runs on this platform: Node installs one; a browser has none. */
export type ServeImplementation = (flow: Flow<never[], unknown>, options: ServeOptions) => Promise<void>;

export interface ConfigureOptions {
  /** Where history goes. Default on Node: SQLite at $FLOWBENCH_HOME/flowbench.db. */
  store?: RunStore;
  /** The lowest level printed to the terminal, or "off". Default "info" (env FLOWBENCH_LOG_LEVEL). */
  consoleLevel?: LogLevelName | "off";
  /** How long history may wait in memory before it is written. */
  flushDelayMs?: number;
}

interface Runtime {
  store?: RunStore;
  recorder?: Recorder;
  storeFactory?: () => RunStore;
  consoleLevel: LogLevelName | "off";
  flushDelayMs?: number;
  serve?: ServeImplementation;
}

const runtime: Runtime = { consoleLevel: "info" };

/** Sets where and how runs are recorded. Call before the first run, or between runs. */
export function configure(options: ConfigureOptions): void {
  if (options.store) {
    if (runtime.recorder) runtime.recorder.flushSync();
    runtime.store = options.store;
    runtime.recorder = undefined;
  }
  if (options.consoleLevel) runtime.consoleLevel = options.consoleLevel;
  if (options.flushDelayMs !== undefined) {
    runtime.flushDelayMs = options.flushDelayMs;
    runtime.recorder = undefined;
  }
}

/** The host (Node entry) supplies the default store lazily, so importing the SDK opens no file. */
export function setDefaultStoreFactory(factory: () => RunStore): void {
  runtime.storeFactory = factory;
}

/** The Node entry installs serve(); the browser-safe SDK cannot keep a process alive or open SQLite. */
export function setServeImplementation(implementation: ServeImplementation): void {
  runtime.serve = implementation;
}

export function serveImplementation(): ServeImplementation | undefined {
  return runtime.serve;
}

export function getStore(): RunStore {
  runtime.store ??= runtime.storeFactory ? runtime.storeFactory() : new MemoryStore();
  return runtime.store;
}

export function getRecorder(): Recorder {
  if (!runtime.recorder) {
    const options = {
      onWriteError: (message: string) => getPlatform().writeLine(message, "err"),
      ...(runtime.flushDelayMs === undefined ? {} : { flushDelayMs: runtime.flushDelayMs }),
    };
    runtime.recorder = new Recorder(getStore(), options);
  }
  return runtime.recorder;
}

/** The recorder if one exists: exit paths must not open a store just to flush nothing. */
export function currentRecorder(): Recorder | undefined {
  return runtime.recorder;
}

export function consoleLevel(): LogLevelName | "off" {
  return runtime.consoleLevel;
}

/** Writes all pending history. Scripts need not call it: the SDK flushes when runs end and at exit. */
export async function flushHistory(): Promise<void> {
  await runtime.recorder?.flush();
}
