/*
 * What the engine host and a run's worker say to each other. Both sides switch
 * on `type`, so adding a message is a compile error wherever it is not handled.
 */
import type { StateType } from "../../shared/sdk/states.ts";

/** The worker's `workerData`: everything it needs to run one flow run. */
export interface WorkerStart {
  runId: string;
  /** Absolute path of the flow file. */
  file: string;
  params?: unknown;
  /** Picks the flow when the file exports several. */
  flowName?: string;
  /** The SQLite history the worker writes to. */
  dbPath: string;
}

/** A warm worker's `workerData`: it loads the SDK and opens the history, then waits for a `start`. */
export interface WarmStart {
  warm: true;
  dbPath: string;
}

export type HostMessage = { type: "cancel"; reason: string } | { type: "start"; start: WorkerStart };

export type WorkerMessage =
  /** The worker wrote a history batch: listeners can read the store now. */
  | { type: "flushed" }
  /** The run ended through the SDK; its final state is in the store. */
  | { type: "done"; stateType: StateType; stateName: string; message: string | null }
  /** The flow file could not be loaded, or held no flow to run. */
  | { type: "failed-to-start"; error: { name: string; message: string; stack?: string } };
