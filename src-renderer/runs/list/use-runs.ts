/** The runs view's data: pages by cursor, and live changes merged in as they come. */
import { useCallback, useEffect, useRef, useState } from "react";
import type { MethodOutput } from "../../../shared/api/contract.ts";
import { useApi } from "../../app/api-context.tsx";
import { formatFilters, listInput, type RunFilters } from "../lib/filters.ts";
import { mergeRuns } from "../lib/merge.ts";

export type FlowRun = MethodOutput<"runs.list">["items"][number];

interface State {
  key: string;
  runs: FlowRun[];
  cursor: string | null;
  loading: boolean;
  error: string | null;
}

const PAGE = 100;

export function useRuns(filters: RunFilters) {
  const client = useApi();
  const key = formatFilters(filters);
  const [state, setState] = useState<State>({ key, runs: [], cursor: null, loading: true, error: null });
  // The time range is pinned when the first page loads, so later pages agree with it.
  const pinned = useRef({ key, now: Date.now(), filters });
  const busy = useRef(false);

  useEffect(() => {
    const now = Date.now();
    pinned.current = { key, now, filters };
    busy.current = true;
    setState((s) => ({ ...s, key, loading: true, error: null }));
    let stale = false;
    client.call("runs.list", listInput(filters, now, null, PAGE)).then(
      (page) => {
        if (stale) return;
        busy.current = false;
        setState({ key, runs: page.items, cursor: page.nextCursor, loading: false, error: null });
      },
      (e: Error) => {
        if (stale) return;
        busy.current = false;
        setState({ key, runs: [], cursor: null, loading: false, error: e.message });
      },
    );
    return () => {
      stale = true;
    };
    // `filters` is fully described by `key`.
  }, [client, key]);

  const loadMore = useCallback(() => {
    if (busy.current || !state.cursor || state.key !== key) return;
    busy.current = true;
    const { now, filters: f } = pinned.current;
    client.call("runs.list", listInput(f, now, state.cursor, PAGE)).then(
      (page) => {
        busy.current = false;
        setState((s) => {
          if (s.key !== key) return s;
          const seen = new Set(s.runs.map((r) => r.id));
          return { ...s, runs: [...s.runs, ...page.items.filter((r) => !seen.has(r.id))], cursor: page.nextCursor };
        });
      },
      (e: Error) => {
        busy.current = false;
        setState((s) => ({ ...s, error: e.message }));
      },
    );
  }, [client, key, state.cursor, state.key]);

  useEffect(
    () =>
      client.subscribe({ allRuns: true }, (batch) => {
        const changed = new Map<string, FlowRun>();
        for (const event of batch.events) if (event.type === "flow-run") changed.set(event.run.id, event.run);
        if (changed.size === 0) return;
        setState((s) => {
          if (s.loading || s.key !== pinned.current.key) return s;
          const runs = mergeRuns(s.runs, [...changed.values()], pinned.current.filters, Date.now(), s.cursor === null);
          return runs === s.runs ? s : { ...s, runs };
        });
      }),
    [client],
  );

  return { runs: state.runs, loading: state.loading || state.key !== key, error: state.error, hasMore: state.cursor !== null, loadMore };
}
