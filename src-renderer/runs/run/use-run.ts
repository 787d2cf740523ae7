/**
 * One run, live: `runs.get` once, then the run's own event stream merged in.
 * Logs from that stream go to whoever listens (the logs pane), so the page holds one subscription.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { MethodOutput } from "../../../shared/api/contract.ts";
import type { ApiEvent } from "../../../shared/api/events.ts";
import { isTerminal } from "../../../shared/sdk/states.ts";
import { useApi } from "../../app/api-context.tsx";

export type RunDetail = MethodOutput<"runs.get">;
export type TaskRun = RunDetail["taskRuns"][number];
export type FlowRun = RunDetail["run"];
export type LogRecord = MethodOutput<"logs.list">["items"][number];
export type LogListener = (logs: LogRecord[]) => void;

/** Past this many task runs a full re-fetch is costly: states then refresh only when the run ends. */
const REFETCH_LIMIT = 2000;

export function useRun(runId: string) {
  const client = useApi();
  const [detail, setDetail] = useState<RunDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Events merge into the latest detail, not the last rendered one.
  const detailRef = useRef<RunDetail | null>(null);
  const logListeners = useRef(new Set<LogListener>());
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refetch = useCallback(async () => {
    try {
      const fresh = await client.call("runs.get", { runId });
      // Task runs that changed while the request was out are newer in the current detail.
      const current = detailRef.current;
      const next = current ? { ...fresh, taskRuns: keepNewer(fresh.taskRuns, current.taskRuns) } : fresh;
      detailRef.current = next;
      setDetail(next);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [client, runId]);

  useEffect(() => {
    void refetch();
    const scheduleRefetch = (now: boolean) => {
      if (refetchTimer.current && !now) return;
      if (refetchTimer.current) clearTimeout(refetchTimer.current);
      refetchTimer.current = setTimeout(() => {
        refetchTimer.current = null;
        void refetch();
      }, now ? 100 : 1000);
    };
    const unsubscribe = client.subscribe({ runIds: [runId] }, (batch) => {
      const logs: LogRecord[] = [];
      const taskRuns = new Map<string, TaskRun>();
      const flowRuns = new Map<string, FlowRun>();
      for (const event of batch.events as ApiEvent[]) {
        if (event.type === "log") logs.push(event.log);
        else if (event.type === "task-run") taskRuns.set(event.taskRun.id, event.taskRun);
        else if (event.type === "flow-run") flowRuns.set(event.run.id, event.run);
      }
      if (logs.length) logListeners.current.forEach((l) => l(logs));
      if (taskRuns.size === 0 && flowRuns.size === 0) return;
      const d = detailRef.current;
      if (!d) return;
      const own = flowRuns.get(runId);
      const ended = !!own && isTerminal(own.stateType) && !isTerminal(d.run.stateType);
      const small = d.taskRuns.length <= REFETCH_LIMIT;
      const next = { ...d, run: own ?? d.run, taskRuns: mergeById(d.taskRuns, taskRuns), subflowRuns: d.subflowRuns.map((s) => flowRuns.get(s.id) ?? s) };
      detailRef.current = next;
      setDetail(next);
      // States (attempts, history) are not in the stream: refresh them now and then.
      if (ended) scheduleRefetch(true);
      else if (small) scheduleRefetch(false);
    });
    return () => {
      unsubscribe();
      if (refetchTimer.current) clearTimeout(refetchTimer.current);
      refetchTimer.current = null;
    };
  }, [client, runId, refetch]);

  const onLogs = useCallback((listener: LogListener) => {
    logListeners.current.add(listener);
    return () => void logListeners.current.delete(listener);
  }, []);

  return { detail, error, refetch, onLogs };
}

/** Known records replaced in place, new ones appended (they are newer); unchanged lists keep their identity. */
function mergeById<T extends { id: string }>(list: T[], changed: Map<string, unknown>): T[] {
  if (changed.size === 0) return list;
  const pending = new Map(changed as Map<string, T>);
  const out = list.map((item) => {
    const next = pending.get(item.id);
    if (!next) return item;
    pending.delete(item.id);
    return next;
  });
  return pending.size === 0 ? out : [...out, ...[...pending.values()]];
}

/** The record with the later state (by state-changing fields) wins; runs.get and events race. */
function keepNewer(fresh: TaskRun[], current: TaskRun[]): TaskRun[] {
  const byId = new Map(current.map((t) => [t.id, t]));
  return fresh.map((t) => {
    const c = byId.get(t.id);
    return c && isTerminal(c.stateType) && !isTerminal(t.stateType) ? c : t;
  });
}
