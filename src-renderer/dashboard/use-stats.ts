/** The dashboard's figures for a range ending now, fetched again (at most every 2 s) when any flow run changes. */
import { useEffect, useState } from "react";
import { useApi } from "../app/api-context.tsx";
import { loadOnRunChanges } from "../app/load-on-run-changes.ts";
import type { RunStats } from "./stacked-bars.ts";

export const RANGES = [
  { key: "24h", label: "24 hours", ms: 86_400_000, buckets: 48 },
  { key: "7d", label: "7 days", ms: 7 * 86_400_000, buckets: 56 },
  { key: "30d", label: "30 days", ms: 30 * 86_400_000, buckets: 60 },
] as const;
export type RangeKey = (typeof RANGES)[number]["key"];

const THROTTLE_MS = 2000;

interface StatsState {
  stats: RunStats | null;
  /** False when no flow has ever run (the empty state), whatever the range. */
  anyRuns: boolean;
  error: string | null;
}

export function useStats(rangeKey: RangeKey): StatsState {
  const client = useApi();
  const [state, setState] = useState<StatsState>({ stats: null, anyRuns: true, error: null });

  useEffect(() => {
    const range = RANGES.find((r) => r.key === rangeKey)!;
    let live = true;
    const load = (now: number) => {
      // Buckets end on whole bucket widths, so refetches keep the bars in place.
      const bucketMs = range.ms / range.buckets;
      const until = Math.ceil(now / bucketMs) * bucketMs;
      Promise.all([client.call("runs.stats", { since: until - range.ms, until, buckets: range.buckets }), client.call("runs.flowNames", {})])
        .then(([stats, { names }]) => live && setState({ stats, anyRuns: names.length > 0, error: null }))
        .catch((error: unknown) => live && setState((s) => ({ ...s, error: error instanceof Error ? error.message : String(error) })));
    };
    const stats = loadOnRunChanges(client, load, THROTTLE_MS);
    return () => {
      live = false;
      stats.stop();
    };
  }, [client, rangeKey]);
  return state;
}
