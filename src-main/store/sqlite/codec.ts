import { makeError, type SerializedError } from "../../../shared/errors.ts";
import type { ProcessOwner } from "../../../shared/store/types.ts";

/*
 * Conversions between records and column values, plus the query limits and cursors.
 * Must agree with shared/store/memory.ts: the contract suite checks both.
 */

export const FLOW_RUN_LIMIT = { byDefault: 50, max: 1000 };
export const TASK_RUN_LIMIT = { byDefault: 10_000, max: Number.POSITIVE_INFINITY };
export const LOG_LIMIT = { byDefault: 1000, max: 10_000 };

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

export function clampLimit(limit: number | undefined, bounds: { byDefault: number; max: number }): number {
  if (limit === undefined || !Number.isFinite(limit)) return bounds.byDefault;
  return Math.min(Math.max(1, Math.floor(limit)), bounds.max);
}

/** Keyset cursor: the (created_at, id) of the last run on the page. */
export function encodeFlowRunCursor(createdAt: number, id: string): string {
  return `${createdAt}:${id}`;
}

export function decodeFlowRunCursor(cursor: string): { createdAt: number; id: string } {
  const colon = cursor.indexOf(":");
  const createdAt = colon > 0 ? Number(cursor.slice(0, colon)) : Number.NaN;
  if (!Number.isFinite(createdAt)) throw makeError("invalid-options", ["listFlowRuns", `unknown cursor '${cursor}'`]);
  return { createdAt, id: cursor.slice(colon + 1) };
}

export function decodeLogCursor(cursor: string): number {
  const id = Number(cursor);
  if (!Number.isSafeInteger(id)) throw makeError("invalid-options", ["listLogs", `unknown cursor '${cursor}'`]);
  return id;
}

/** A LIKE pattern matching `text` anywhere, with `\` as the escape for its own %, _ and \. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, "\\$&")}%`;
}
