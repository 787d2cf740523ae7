import type Database from "better-sqlite3";
import { STATE_TYPES, type StateType } from "../../../shared/sdk/states.ts";
import { FAILED_TYPES, RECENT_FAILURES, SLOWEST_FLOWS, emptySeries, failureRate, percentileIndex, statsBuckets, zeroCounts } from "../../../shared/store/stats.ts";
import type { RunStats, RunStatsQuery } from "../../../shared/store/types.ts";
import { decodeError } from "./codec.ts";

// Top-level runs created in [since, until): the flow_runs_stats index (migration 3) covers every query here.
const RANGE = "parent_flow_run_id IS NULL AND created_at >= @since AND created_at < @until";
const FINISHED = `${RANGE} AND state_type IN ('COMPLETED', 'FAILED', 'CRASHED', 'CANCELLED') AND start_time IS NOT NULL AND end_time IS NOT NULL`;
const FAILED = `(${FAILED_TYPES.map((t) => `'${t}'`).join(", ")})`;

interface Range {
  since: number;
  until: number;
}

/** runStats in SQL: grouped counts, per-flow durations and the newest failures, in one read transaction. */
export function statsReader(db: Database.Database): (query: RunStatsQuery) => RunStats {
  // One count per state and bucket: each walks its own slice of the index, and nothing is sorted
  // (a GROUP BY on the bucket expression sorts every run in range, several times slower).
  const count = db.prepare<Range & { state: StateType }, number>(`SELECT count(*) FROM flow_runs WHERE ${RANGE} AND state_type = @state`).pluck();
  const slowest = db.prepare<Range, { flowName: string; runs: number; avgMs: number; maxMs: number }>(
    `SELECT flow_name AS flowName, count(*) AS runs, avg(end_time - start_time) AS avgMs, max(end_time - start_time) AS maxMs ` +
      `FROM flow_runs WHERE ${FINISHED} GROUP BY flow_name ORDER BY avgMs DESC, flow_name LIMIT ${SLOWEST_FLOWS}`,
  );
  // Sorted here: SQLite's ORDER BY ... OFFSET builds a temporary b-tree and is several times slower.
  // `+flow_name` keeps the planner on the covering index rather than flow_runs_flow and its row lookups.
  const durations = db.prepare<Range & { flowName: string }, number>(`SELECT end_time - start_time FROM flow_runs WHERE ${FINISHED} AND +flow_name = @flowName`).pluck();
  const failures = db.prepare<Range, { runId: string; flowName: string; name: string; stateType: StateType; endTime: number | null; stateMessage: string | null; error: string | null }>(
    `SELECT id AS runId, flow_name AS flowName, name, state_type AS stateType, end_time AS endTime, state_message AS stateMessage, error ` +
      `FROM flow_runs WHERE ${RANGE} AND state_type IN ${FAILED} ORDER BY created_at DESC, id DESC LIMIT ${RECENT_FAILURES}`,
  );
  return db.transaction((query: RunStatsQuery): RunStats => {
    const b = statsBuckets(query);
    const range = { since: b.since, until: b.until };
    const series = emptySeries(b);
    const totals = zeroCounts();
    for (const state of STATE_TYPES) {
      for (const bucket of series) {
        const n = count.get({ since: bucket.start, until: Math.min(bucket.start + b.bucketMs, b.until), state })!;
        bucket.counts[state] = n;
        totals[state] += n;
      }
    }
    const slowestFlows = slowest.all(range).map((row) => {
      const sorted = Float64Array.from(durations.all({ ...range, flowName: row.flowName })).sort();
      return { ...row, p95Ms: sorted[percentileIndex(sorted.length, 95)]! };
    });
    const recentFailures = failures.all(range).map(({ stateMessage, error, ...row }) => ({ ...row, message: stateMessage ?? decodeError(error)?.message ?? null }));
    return { since: b.since, until: b.until, bucketMs: b.bucketMs, series, totals, failureRate: failureRate(totals), slowestFlows, recentFailures };
  });
}
