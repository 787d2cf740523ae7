/** The runs view's data: pages by cursor, and live changes merged in as they come. */
import { useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
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

interface EarlyRequest {
  key: string;
  now: number;
  page: Promise<MethodOutput<"runs.list">>;
  taken: boolean;
}

function firstRequest(client: ReturnType<typeof useApi>, key: string, filters: RunFilters): EarlyRequest {
  const now = Date.now();
  const page = client.call("runs.list", listInput(filters, now, null, PAGE));
  // Left unused when the filters change before the effect runs: its failure is nobody's.
  page.catch(() => undefined);
  return { key, now, page, taken: false };
}

export function useRuns(filters: RunFilters) {
  const client = useApi();
  const key = formatFilters(filters);
  const [state, setState] = useState<State>({ key, runs: [], cursor: null, loading: true, error: null });
  // The first page is asked for while the view first renders, not from the effect below: effects
  // run once the whole view has rendered, 30-50 ms after the click that opened it.
  const [early] = useState(() => firstRequest(client, key, filters));
  // The time range is pinned when the first page loads, so later pages agree with it.
  const pinned = useRef({ key, now: early.now, filters });
  const busy = useRef(false);

  useEffect(() => {
    const fresh = early.key === key && !early.taken;
    early.taken = true;
    const now = fresh ? early.now : Date.now();
    pinned.current = { key, now, filters };
    busy.current = true;
    // Unchanged on first mount: a new object there re-rendered the whole view for nothing (about 25 ms).
    setState((s) => (s.key === key && s.loading && s.error === null ? s : { ...s, key, loading: true, error: null }));
    let stale = false;
    (fresh ? early.page : client.call("runs.list", listInput(filters, now, null, PAGE))).then(
      (page) => {
        if (stale) return;
        busy.current = false;
        // Rendered at once rather than scheduled: otherwise the browser paints "Loading…" first
        // and the rows a frame later (about 30 ms after the answer, with the view just mounted).
        flushSync(() => setState({ key, runs: page.items, cursor: page.nextCursor, loading: false, error: null }));
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
    // `filters` is fully described by `key`; `early` never changes.
  }, [client, key, early]);

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
