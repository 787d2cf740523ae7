import type { ApiClient } from "../../shared/api/client.ts";
import type { FlowSummary } from "../../shared/api/contract.ts";
import { useFetched } from "../app/use-fetched.ts";

export interface FlowsState {
  flows: FlowSummary[] | null;
  error: string | null;
  reload(): Promise<void>;
}

const listFlows = async (client: ApiClient) => (await client.call("flows.list", {})).flows;

export function useFlows(): FlowsState {
  const { value: flows, error, reload } = useFetched(listFlows);
  return { flows, error, reload };
}
