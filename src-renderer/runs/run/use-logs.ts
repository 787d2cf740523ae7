/**
 * A run's logs for the pane: the tail first, older pages on demand (beforeId),
 * new lines from the run's stream, all under the pane's filters.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useApi } from "../../app/api-context.tsx";
import type { LogListener, LogRecord } from "./use-run.ts";

export interface LogFilters {
  taskRunId: string | null;
  minLevel: number;
  text: string;
}

const PAGE = 2000;
/** Virtuoso counts prepended rows down from here (it must stay positive). */
export const FIRST_INDEX = 1_000_000_000;

interface State {
  key: string;
  lines: LogRecord[];
  /** Rows prepended so far: Virtuoso's firstItemIndex is FIRST_INDEX minus this. */
  prepended: number;
  before: number | null;
  total: number | null;
  loading: boolean;
  error: string | null;
}

function matches(log: LogRecord, f: LogFilters): boolean {
  return log.level >= f.minLevel && (f.taskRunId === null || log.taskRunId === f.taskRunId) && (!f.text || log.message.toLowerCase().includes(f.text.toLowerCase()));
}

export function useLogs(runId: string, filters: LogFilters, onLogs: (listener: LogListener) => () => void) {
  const client = useApi();
  const key = JSON.stringify(filters);
  const [state, setState] = useState<State>({ key, lines: [], prepended: 0, before: null, total: null, loading: true, error: null });
  const loadingOlder = useRef(false);
  const base = useCallback(
    () => ({ runId, ...(filters.taskRunId ? { taskRunId: filters.taskRunId } : {}), ...(filters.minLevel > 0 ? { minLevel: filters.minLevel } : {}), ...(filters.text ? { text: filters.text } : {}) }),
    [runId, key],
  );

  useEffect(() => {
    let stale = false;
    // Lines that stream in while the tail is on its way are kept and de-duplicated by id.
    let early: LogRecord[] = [];
    let loaded = false;
    setState((s) => ({ ...s, key, loading: true, error: null }));
    const stop = onLogs((logs) => {
      const fresh = logs.filter((l) => matches(l, filters));
      if (fresh.length === 0) return;
      if (!loaded) {
        early = early.concat(fresh);
        return;
      }
      setState((s) => {
        if (s.key !== key) return s;
        const lastId = s.lines.at(-1)?.id ?? 0;
        const added = fresh.filter((l) => l.id > lastId);
        return added.length ? { ...s, lines: s.lines.concat(added), total: s.total === null ? null : s.total + added.length } : s;
      });
    });
    client.call("logs.list", { ...base(), tail: true, withTotal: true, limit: PAGE }).then(
      (page) => {
        if (stale) return;
        loaded = true;
        const lastId = page.items.at(-1)?.id ?? 0;
        const extra = early.filter((l) => l.id > lastId);
        setState({ key, lines: extra.length ? page.items.concat(extra) : page.items, prepended: 0, before: page.prevCursor ? Number(page.prevCursor) : null, total: (page.total ?? page.items.length) + extra.length, loading: false, error: null });
      },
      (e: Error) => !stale && setState({ key, lines: [], prepended: 0, before: null, total: null, loading: false, error: e.message }),
    );
    return () => {
      stale = true;
      stop();
    };
  }, [client, key, onLogs, base]);

  const loadOlder = useCallback(() => {
    if (loadingOlder.current || state.before === null || state.loading) return;
    loadingOlder.current = true;
    client.call("logs.list", { ...base(), beforeId: state.before, limit: PAGE }).then(
      (page) => {
        loadingOlder.current = false;
        setState((s) => {
          if (s.key !== key) return s;
          const firstId = s.lines[0]?.id ?? Infinity;
          const older = page.items.filter((l) => l.id < firstId);
          return { ...s, lines: older.concat(s.lines), prepended: s.prepended + older.length, before: page.prevCursor ? Number(page.prevCursor) : null };
        });
      },
      (e: Error) => {
        loadingOlder.current = false;
        setState((s) => ({ ...s, error: e.message }));
      },
    );
  }, [client, base, key, state.before, state.loading]);

  const current = state.key === key;
  return {
    lines: current ? state.lines : [],
    firstItemIndex: FIRST_INDEX - state.prepended,
    total: current ? state.total : null,
    hasOlder: current && state.before !== null,
    loading: !current || state.loading,
    error: state.error,
    loadOlder,
  };
}
