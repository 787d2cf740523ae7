/** What handlers work with: the store, the flow files, the engine and where things live. */
import type { RunStore } from "../../shared/store/types.ts";
import type { FlowFiles } from "./flow-files.ts";

/** The engine as the host uses it (src-main/engine implements it with worker threads). */
export interface RunLauncher {
  start(request: { file: string; params?: unknown; flowName?: string }): Promise<{ runId: string }>;
  /** False when this engine is not running that run. */
  cancel(runId: string): Promise<boolean>;
  /** Called after a run wrote history, so events go out without waiting for the poll. */
  onFlush(listener: () => void): () => void;
  close(): Promise<void>;
}

export interface HostContext {
  home: string;
  databasePath: string;
  store: RunStore;
  flows: FlowFiles;
  engine: RunLauncher;
}
