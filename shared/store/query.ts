import { makeError } from "../errors.ts";

/* The paging rules every store shares: limits and cursor formats. */

export interface LimitBounds {
  byDefault: number;
  max: number;
}

export const FLOW_RUN_LIMIT: LimitBounds = { byDefault: 50, max: 1000 };
export const TASK_RUN_LIMIT: LimitBounds = { byDefault: 10_000, max: Number.POSITIVE_INFINITY };
export const LOG_LIMIT: LimitBounds = { byDefault: 1000, max: 10_000 };

export function clampLimit(limit: number | undefined, bounds: LimitBounds): number {
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

/**
 * The "longest" sort key: the run's duration, or a floor for runs without both times,
 * so they come last. The SQLite store indexes the same expression (DURATION_KEY_SQL).
 */
export const NO_DURATION = Number.MIN_SAFE_INTEGER;
export const DURATION_KEY_SQL = `ifnull(end_time - start_time, ${NO_DURATION})`;

export function durationKey(run: { startTime: number | null; endTime: number | null }): number {
  return run.startTime != null && run.endTime != null ? run.endTime - run.startTime : NO_DURATION;
}

/** "longest" cursors carry an L, so one from another sort is refused rather than misread. */
export function encodeLongestCursor(key: number, id: string): string {
  return `L${key}:${id}`;
}

export function decodeLongestCursor(cursor: string): { key: number; id: string } {
  const colon = cursor.indexOf(":");
  const key = cursor.startsWith("L") && colon > 1 ? Number(cursor.slice(1, colon)) : Number.NaN;
  if (!Number.isSafeInteger(key)) throw makeError("invalid-options", ["listFlowRuns", `unknown cursor '${cursor}'`]);
  return { key, id: cursor.slice(colon + 1) };
}

export function decodeLogCursor(cursor: string): number {
  const id = cursor.trim() === "" ? Number.NaN : Number(cursor);
  if (!Number.isSafeInteger(id)) throw makeError("invalid-options", ["listLogs", `unknown cursor '${cursor}'`]);
  return id;
}

/** Logs per change page (listChanges) unless asked otherwise. */
export const CHANGE_LOG_LIMIT = 5000;
