import { makeError } from "../errors.ts";
import { STATE_TYPES, type StateType } from "../sdk/states.ts";
import type { RunStats, RunStatsQuery, StateCounts } from "./types.ts";

/* The runStats rules every store shares: buckets, rates, percentiles. */

export const STATS_BUCKETS = { byDefault: 48, max: 500 };
export const SLOWEST_FLOWS = 5;
export const RECENT_FAILURES = 10;
export const FAILED_TYPES: readonly StateType[] = ["FAILED", "CRASHED"];

export interface Buckets {
  since: number;
  until: number;
  count: number;
  bucketMs: number;
}

export function statsBuckets(query: RunStatsQuery): Buckets {
  const { since, until } = query;
  if (!Number.isFinite(since) || !Number.isFinite(until) || until <= since) {
    throw makeError("invalid-options", ["runStats", `until (${until}) must be after since (${since})`]);
  }
  const wanted = query.buckets ?? STATS_BUCKETS.byDefault;
  const count = Math.min(Math.max(1, Math.floor(Number.isFinite(wanted) ? wanted : STATS_BUCKETS.byDefault)), STATS_BUCKETS.max);
  // Whole milliseconds; the last bucket may reach past `until`.
  return { since, until, count, bucketMs: Math.max(1, Math.ceil((until - since) / count)) };
}

export function zeroCounts(): StateCounts {
  return Object.fromEntries(STATE_TYPES.map((type) => [type, 0])) as StateCounts;
}

export function emptySeries(b: Buckets): RunStats["series"] {
  return Array.from({ length: b.count }, (_, i) => ({ start: b.since + i * b.bucketMs, counts: zeroCounts() }));
}

/** Finished means terminal; failures are FAILED and CRASHED. */
export function failureRate(totals: StateCounts): number | null {
  const finished = totals.COMPLETED + totals.FAILED + totals.CRASHED + totals.CANCELLED;
  return finished === 0 ? null : (totals.FAILED + totals.CRASHED) / finished;
}

/** Nearest-rank percentile: the index into ascending values of the p-th percentile. */
export function percentileIndex(count: number, p: number): number {
  return Math.max(0, Math.ceil((p / 100) * count) - 1);
}
