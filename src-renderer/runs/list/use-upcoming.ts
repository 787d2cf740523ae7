/**
 * Upcoming runs: SCHEDULED top-level runs, soonest (and so Late ones) first.
 * Fetched again, at most every 2 s, when a run changes, and every 30 s so Late shows.
 */
import { useEffect, useState } from "react";
import { useApi } from "../../app/api-context.tsx";
import type { FlowRun } from "./use-runs.ts";

const THROTTLE_MS = 2000;
const REFRESH_MS = 30_000;

export function useUpcoming(limit: number, flowName?: string | null): { runs: FlowRun[]; loaded: boolean; error: string | null } {
  const client = useApi();
  const [state, setState] = useState<{ runs: FlowRun[]; loaded: boolean; error: string | null }>({ runs: [], loaded: false, error: null });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const load = () => {
      last = Date.now();
      client
        .call("runs.list", { states: ["SCHEDULED"], sort: "oldest", parentFlowRunId: null, limit, ...(flowName ? { flowName } : {}) })
        .then((page) => live && setState({ runs: page.items, loaded: true, error: null }))
        .catch((e: unknown) => live && setState((s) => ({ ...s, loaded: true, error: e instanceof Error ? e.message : String(e) })));
    };
    const soon = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        load();
      }, Math.max(0, last + THROTTLE_MS - Date.now()));
    };
    load();
    const every = setInterval(load, REFRESH_MS);
    const stop = client.subscribe({ allRuns: true }, (batch) => {
      if (batch.events.some((e) => e.type === "flow-run")) soon();
    });
    return () => {
      live = false;
      clearTimeout(timer);
      clearInterval(every);
      stop();
    };
  }, [client, limit, flowName]);
  return state;
}

/** Scheduled runs whose time passed without starting are named Late. */
export const isLate = (run: Pick<FlowRun, "stateType" | "stateName">) => run.stateType === "SCHEDULED" && run.stateName === "Late";
