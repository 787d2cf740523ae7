/** What handlers work with: the store, the flow files, the engine and where things live. */
import type { AutomationStore } from "../../shared/store/automation-types.ts";
import type { RunStore } from "../../shared/store/types.ts";
import type { Clock } from "../scheduler/clock.ts";
import type { FlowFiles } from "./flow-files.ts";

/** The engine as the host uses it (src-main/engine implements it with worker threads). */
export interface RunLauncher {
  /** `runId`: the id the run takes (a scheduled run's, already recorded SCHEDULED); a new one by default. */
  start(request: { file: string; params?: unknown; flowName?: string; runId?: string }): Promise<{ runId: string }>;
  /** False when this engine is not running that run. */
  cancel(runId: string): Promise<boolean>;
  /** Gets ready to start a run quickly (a warm worker); optional. */
  prewarm?(): void;
  /** Called after a run wrote history, so events go out without waiting for the poll. */
  onFlush(listener: () => void): () => void;
  close(): Promise<void>;
}

export interface UserNotification {
  title: string;
  body: string;
  runId: string | null;
}

export interface HostContext {
  home: string;
  databasePath: string;
  store: RunStore;
  /** Schedules, triggers and automations. */
  automations: AutomationStore;
  flows: FlowFiles;
  engine: RunLauncher;
  clock: Clock;
  /** Tells the scheduler its schedules or policies changed. */
  scheduler: { poke(): void };
  /** A desktop notification in Electron; a toast in the browser UI. */
  notify(notification: UserNotification): void;
}
