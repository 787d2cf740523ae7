import { useCallback, useEffect, useState } from "react";
import type { FlowSummary } from "../../shared/api/contract.ts";
import { useApi } from "../app/api-context.tsx";

export interface FlowsState {
  flows: FlowSummary[] | null;
  error: string | null;
  reload(): Promise<void>;
}

export function useFlows(): FlowsState {
  const client = useApi();
  const [flows, setFlows] = useState<FlowSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setFlows((await client.call("flows.list", {})).flows);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [client]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { flows, error, reload };
}
