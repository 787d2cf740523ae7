/**
 * Upcoming runs: SCHEDULED top-level runs, soonest (and so Late ones) first.
 * Fetched again, at most every 2 s, when a run changes, and every 30 s so Late shows.
 */
import { useEffect, useState } from "react";
import { useApi } from "../../app/api-context.tsx";
import { loadOnRunChanges } from "../../app/load-on-run-changes.ts";
import type { FlowRun } from "./use-runs.ts";

const THROTTLE_MS = 2000;
const REFRESH_MS = 30_000;

export function useUpcoming(limit: number, flowName?: string | null): { runs: FlowRun[]; loaded: boolean; error: string | null } {
  const client = useApi();
  const [state, setState] = useState<{ runs: FlowRun[]; loaded: boolean; error: string | null }>({ runs: [], loaded: false, error: null });
  useEffect(() => {
    let live = true;
    const upcoming = loadOnRunChanges(
      client,
      () =>
        client
          .call("runs.list", { states: ["SCHEDULED"], sort: "oldest", parentFlowRunId: null, limit, ...(flowName ? { flowName } : {}) })
          .then((page) => live && setState({ runs: page.items, loaded: true, error: null }))
          .catch((e: unknown) => live && setState((s) => ({ ...s, loaded: true, error: e instanceof Error ? e.message : String(e) }))),
      THROTTLE_MS,
    );
    const every = setInterval(upcoming.load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(every);
      upcoming.stop();
    };
  }, [client, limit, flowName]);
  return state;
}

/** Scheduled runs whose time passed without starting are named Late. */
export const isLate = (run: Pick<FlowRun, "stateType" | "stateName">) => run.stateType === "SCHEDULED" && run.stateName === "Late";
