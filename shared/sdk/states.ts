import type { SerializedError } from "../errors.ts";

/** Prefect's state types: the coarse phase a run is in. */
export const STATE_TYPES = [
  "SCHEDULED",
  "PENDING",
  "RUNNING",
  "COMPLETED",
  "FAILED",
  "CRASHED",
  "CANCELLING",
  "CANCELLED",
  "PAUSED",
] as const;
export type StateType = (typeof STATE_TYPES)[number];

export const TERMINAL_STATE_TYPES: ReadonlySet<StateType> = new Set(["COMPLETED", "FAILED", "CRASHED", "CANCELLED"]);

export function isStateType(value: string): value is StateType {
  return (STATE_TYPES as readonly string[]).includes(value);
}

export function isTerminal(type: StateType): boolean {
  return TERMINAL_STATE_TYPES.has(type);
}

/**
 * A state: a type plus a human name (Retrying, Cached, TimedOut, ...).
 * `result` lives only in memory; the store keeps a preview and, when persisted, the encoded value.
 */
export interface State<T = unknown> {
  readonly type: StateType;
  readonly name: string;
  readonly timestamp: number;
  readonly message?: string;
  readonly error?: SerializedError;
  readonly result?: T;
}

/** The names the engine gives to states; users may see others in history from later versions. */
export type StateName =
  | "Scheduled"
  | "Late"
  | "AwaitingRetry"
  | "Pending"
  | "AwaitingConcurrencySlot"
  | "Running"
  | "Retrying"
  | "Completed"
  | "Cached"
  | "Failed"
  | "TimedOut"
  | "UpstreamFailed"
  | "Crashed"
  | "Cancelling"
  | "Cancelled"
  | "Paused";

/** Prefect-style one-liner: `Completed()`, `Failed('boom')`. */
export function describeState(state: { name: string; message?: string | null }): string {
  return state.message ? `${state.name}(${JSON.stringify(state.message)})` : `${state.name}()`;
}
