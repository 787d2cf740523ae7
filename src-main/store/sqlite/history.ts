import type { SerializedError } from "../../../shared/errors.ts";
import type { StateType } from "../../../shared/sdk/states.ts";
import type { StateRecord } from "../../../shared/store/types.ts";

/*
 * A task run's state transitions live in its own row, one JSON line each, appended
 * with `history || ?`. Three rows in a states table per task run cost more than the
 * run's own upsert; a column append costs almost nothing.
 */

export function encodeStateLine(state: Pick<StateRecord, "type" | "name" | "timestamp" | "message" | "error">): string {
  return JSON.stringify([state.type, state.name, state.timestamp, state.message, state.error]) + "\n";
}

export function encodeHistory(states: readonly StateRecord[]): string {
  let text = "";
  for (const state of states) text += encodeStateLine(state);
  return text;
}

type Line = [StateType, string, number, string | null, SerializedError | null];

export function decodeHistory(runId: string, history: string): StateRecord[] {
  const states: StateRecord[] = [];
  for (const line of history.split("\n")) {
    if (line === "") continue;
    const [type, name, timestamp, message, error] = JSON.parse(line) as Line;
    states.push({ runId, runKind: "task", type, name, timestamp, message, error });
  }
  return states;
}
