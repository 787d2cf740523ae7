/** `#/runs`: every top-level run across flows, filtered from the URL, live. */
import { Inbox, SearchX } from "lucide-react";
import { useCallback, useMemo } from "react";
import { AppHeader } from "../app/app-header.tsx";
import { navigate } from "../app/route.ts";
import { Button } from "../ui/button.tsx";
import { Toaster } from "../ui/toast.tsx";
import { formatFilters, hasFilters, NO_FILTERS, parseFilters, type RunFilters } from "./lib/filters.ts";
import { RunsFilters } from "./list/runs-filters.tsx";
import { RunsTable } from "./list/runs-table.tsx";
import { UpcomingRuns } from "./list/upcoming-runs.tsx";
import { useRuns } from "./list/use-runs.ts";

export function RunsPage({ query }: { query?: string | undefined }) {
  const filters = useMemo(() => parseFilters(query), [query]);
  const { runs, loading, error, hasMore, loadMore } = useRuns(filters);
  const setFilters = useCallback((next: RunFilters) => {
    const q = formatFilters(next);
    navigate(q ? { page: "runs", query: q } : { page: "runs" }, { replace: true });
  }, []);

  const filtered = hasFilters(filters);
  return (
    <div className="flex h-full flex-col" data-testid="runs-view">
      <AppHeader />
      <RunsFilters filters={filters} onChange={setFilters} />
      {/* Upcoming runs above the history, unless the state filter leaves scheduled runs out. */}
      {filters.states.length === 0 ? <UpcomingRuns flowName={filters.flow} /> : null}
      {error && <p className="border-b border-red-200 bg-red-50 px-4 py-2 text-red-700 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300">Could not load runs: {error}</p>}
      {!loading && runs.length === 0 ? (
        <div className="flex flex-1 flex-col items-center justify-center gap-2 text-zinc-500" data-testid={filtered ? "runs-no-match" : "runs-empty"}>
          {filtered ? <SearchX size={28} /> : <Inbox size={28} />}
          <p className="text-[14px] font-medium text-zinc-700 dark:text-zinc-300">{filtered ? "No runs match these filters" : "No runs yet"}</p>
          {filtered ? (
            <Button onClick={() => setFilters({ ...NO_FILTERS, sort: filters.sort })}>Clear filters</Button>
          ) : (
            <p>Run a flow from the editor, or any flow file with node: its runs show up here live.</p>
          )}
        </div>
      ) : (
        <RunsTable runs={runs} onEndReached={loadMore} footer={loading && runs.length === 0 ? "Loading…" : hasMore ? "Loading more…" : null} />
      )}
      <Toaster />
    </div>
  );
}
