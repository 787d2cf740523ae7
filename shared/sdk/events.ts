import type { FlowRunRecord, LogRecord, StateRecord, TaskRunRecord } from "../store/types.ts";

/** What the engine announces as it goes; the console printer, the CLI and the host listen. */
export type RunEvent =
  | { kind: "flow-run-state"; run: Readonly<FlowRunRecord>; state: StateRecord }
  | { kind: "task-run-state"; run: Readonly<TaskRunRecord>; state: StateRecord }
  | { kind: "log"; log: LogRecord };

export type RunEventListener = (event: RunEvent) => void;

// On globalThis so a CLI and a flow file that loaded two copies of the SDK still hear each other.
const KEY = Symbol.for("flowbench.listeners");
const holder = globalThis as { [KEY]?: Set<RunEventListener> };
const listeners: Set<RunEventListener> = (holder[KEY] ??= new Set());

/** Returns the function that unsubscribes. Listeners must be quick: they run inline with the engine. */
export function subscribe(listener: RunEventListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function hasListeners(): boolean {
  return listeners.size > 0;
}

export function emit(event: RunEvent): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch {
      // A broken listener must not break the run it is watching.
    }
  }
}
