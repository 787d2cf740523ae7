import { TERMINAL_STATE_TYPES } from "../sdk/states.ts";
import {
  FLOW_RUN_LIMIT,
  LOG_LIMIT,
  clampLimit,
  decodeFlowRunCursor,
  decodeLogCursor,
  decodeLongestCursor,
  durationKey,
  encodeFlowRunCursor,
  encodeLongestCursor,
} from "./query.ts";
import { FAILED_TYPES, RECENT_FAILURES, SLOWEST_FLOWS, emptySeries, failureRate, percentileIndex, statsBuckets, zeroCounts } from "./stats.ts";
import type { FlowRunQuery, FlowRunRecord, LogPage, LogQuery, Page, RunStats, RunStatsQuery, StoredLog } from "./types.ts";

/*
 * MemoryStore's queries as plain functions over its records. They mirror the SQLite
 * store exactly (ordering, limits, cursors, LIKE's ASCII-only case folding).
 */

/** SQLite compares TEXT bytewise; for the ASCII ids and names used here that equals code-unit order. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareKeys(aKey: number, aId: string, bKey: number, bId: string): number {
  return aKey !== bKey ? aKey - bKey : compareText(aId, bId);
}

/** SQLite's LIKE folds only ASCII letters; match it so both stores find the same rows. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** Index of the first log with an id above `afterId`; ids ascend, so binary search. */
export function firstLogAfter(logs: readonly StoredLog[], afterId: number): number {
  let lo = 0;
  let hi = logs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (logs[mid]!.id <= afterId) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Matching runs in the query's order, up to the page; the caller copies them. */
export function queryFlowRuns(all: Iterable<FlowRunRecord>, query: FlowRunQuery): Page<FlowRunRecord> {
  const limit = clampLimit(query.limit, FLOW_RUN_LIMIT);
  const sort = query.sort ?? "newest";
  // Each sort as (key, direction): keyset order is key then id, both in that direction.
  const keyOf = sort === "longest" ? durationKey : (run: FlowRunRecord) => run.createdAt;
  const direction = sort === "oldest" ? 1 : -1;
  let after: { key: number; id: string } | undefined;
  if (query.cursor) {
    if (sort === "longest") after = decodeLongestCursor(query.cursor);
    else {
      const decoded = decodeFlowRunCursor(query.cursor);
      after = { key: decoded.createdAt, id: decoded.id };
    }
  }
  const states = query.states ? new Set(query.states) : undefined;
  const needle = query.text ? asciiLower(query.text) : undefined;
  const matches = [...all].filter(
    (run) =>
      (query.flowName == null || run.flowName === query.flowName) &&
      (states === undefined || states.has(run.stateType)) &&
      (query.parentFlowRunId === undefined || run.parentFlowRunId === query.parentFlowRunId) &&
      (query.since == null || run.createdAt >= query.since) &&
      (query.until == null || run.createdAt < query.until) &&
      (needle === undefined || [run.name, run.flowName, run.parameters].some((field) => asciiLower(field).includes(needle))) &&
      (after === undefined || direction * compareKeys(keyOf(run), run.id, after.key, after.id) > 0),
  );
  matches.sort((a, b) => direction * compareKeys(keyOf(a), a.id, keyOf(b), b.id));
  const items = matches.slice(0, limit);
  const last = items.at(-1);
  let nextCursor: string | null = null;
  if (matches.length > limit && last) {
    nextCursor = sort === "longest" ? encodeLongestCursor(durationKey(last), last.id) : encodeFlowRunCursor(last.createdAt, last.id);
  }
  return { items, nextCursor };
}

/** `logs` ascend by id; the caller copies the items. */
export function queryLogs(logs: readonly StoredLog[], query: LogQuery): LogPage {
  const limit = clampLimit(query.limit, LOG_LIMIT);
  const needle = query.text ? asciiLower(query.text) : undefined;
  const matching = logs.filter(
    (log) =>
      (query.flowRunId == null || log.flowRunId === query.flowRunId) &&
      (query.taskRunId == null || log.taskRunId === query.taskRunId) &&
      (query.minLevel == null || log.level >= query.minLevel) &&
      (needle === undefined || asciiLower(log.message).includes(needle)),
  );
  const afterId = query.cursor ? decodeLogCursor(query.cursor) : 0;
  const beforeId = query.beforeId ?? Number.POSITIVE_INFINITY;
  const from = firstLogAfter(matching, afterId);
  const to = firstLogAfter(matching, beforeId - 1);
  const backward = query.tail === true || query.beforeId != null;
  const start = backward ? Math.max(from, to - limit) : from;
  const end = backward ? to : Math.min(to, from + limit);
  const items = matching.slice(start, end);
  const first = items[0];
  const last = items.at(-1);
  // Forward pages keep the old rule (a cursor whenever the page is full, for following);
  // backward pages give one only when newer matches exist.
  const nextCursor = !last ? null : backward ? (end < matching.length ? String(last.id) : null) : items.length === limit ? String(last.id) : null;
  let prevCursor: string | null = null;
  if (first && start > 0) prevCursor = String(first.id);
  else if (!first && !backward && query.cursor && from > 0) prevCursor = String(afterId + 1);
  const page: LogPage = { items, nextCursor, prevCursor };
  if (query.withTotal) page.total = matching.length;
  return page;
}

export function computeRunStats(all: Iterable<FlowRunRecord>, query: RunStatsQuery): RunStats {
  const b = statsBuckets(query);
  const series = emptySeries(b);
  const totals = zeroCounts();
  const durations = new Map<string, number[]>();
  const failures: FlowRunRecord[] = [];
  for (const run of all) {
    if (run.parentFlowRunId !== null || run.createdAt < b.since || run.createdAt >= b.until) continue;
    series[Math.floor((run.createdAt - b.since) / b.bucketMs)]!.counts[run.stateType]++;
    totals[run.stateType]++;
    if (FAILED_TYPES.includes(run.stateType)) failures.push(run);
    if (TERMINAL_STATE_TYPES.has(run.stateType) && run.startTime !== null && run.endTime !== null) {
      const list = durations.get(run.flowName);
      if (list) list.push(run.endTime - run.startTime);
      else durations.set(run.flowName, [run.endTime - run.startTime]);
    }
  }
  const slowestFlows = [...durations].map(([flowName, list]) => {
    list.sort((x, y) => x - y);
    return { flowName, runs: list.length, avgMs: list.reduce((sum, d) => sum + d, 0) / list.length, p95Ms: list[percentileIndex(list.length, 95)]!, maxMs: list.at(-1)! };
  });
  slowestFlows.sort((x, y) => y.avgMs - x.avgMs || compareText(x.flowName, y.flowName));
  failures.sort((x, y) => compareKeys(y.createdAt, y.id, x.createdAt, x.id));
  return {
    since: b.since,
    until: b.until,
    bucketMs: b.bucketMs,
    series,
    totals,
    failureRate: failureRate(totals),
    slowestFlows: slowestFlows.slice(0, SLOWEST_FLOWS),
    recentFailures: failures.slice(0, RECENT_FAILURES).map((run) => ({
      runId: run.id,
      flowName: run.flowName,
      name: run.name,
      stateType: run.stateType,
      endTime: run.endTime,
      message: run.stateMessage ?? run.error?.message ?? null,
    })),
  };
}
