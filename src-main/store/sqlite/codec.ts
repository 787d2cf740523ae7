import type { SerializedError } from "../../../shared/errors.ts";
import type { ProcessOwner } from "../../../shared/store/types.ts";

/*
 * Conversions between records and column values, plus the query limits and cursors.
 * Must agree with shared/store/memory.ts: the contract suite checks both.
 */

export { FLOW_RUN_LIMIT, LOG_LIMIT, TASK_RUN_LIMIT, clampLimit, decodeFlowRunCursor, decodeLogCursor, encodeFlowRunCursor } from "../../../shared/store/query.ts";

/** Most runs have no tags or upstream: skip JSON.stringify for them. */
export function encodeList(list: readonly string[]): string {
  return list.length === 0 ? "[]" : JSON.stringify(list);
}

export function decodeList(text: string): string[] {
  return text === "[]" ? [] : (JSON.parse(text) as string[]);
}

export function encodeError(error: SerializedError | null | undefined): string | null {
  return error ? JSON.stringify(error) : null;
}

export function decodeError(text: string | null): SerializedError | null {
  return text === null ? null : (JSON.parse(text) as SerializedError);
}

export interface OwnerColumns {
  owner_pid: number | null;
  owner_host: string | null;
  owner_started_at: number | null;
}

export function decodeOwner(row: OwnerColumns): ProcessOwner | null {
  if (row.owner_pid === null || row.owner_host === null || row.owner_started_at === null) return null;
  return { pid: row.owner_pid, host: row.owner_host, startedAt: row.owner_started_at };
}

/** A LIKE pattern matching `text` anywhere, with `\` as the escape for its own %, _ and \. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, "\\$&")}%`;
}
