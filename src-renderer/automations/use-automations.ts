/** The automations page's data: the rules, and the flows and schedules the form and the sentences name. */
import { useEffect, useState } from "react";
import type { ScheduleView } from "../../shared/api/automation-contract.ts";
import type { ApiClient } from "../../shared/api/client.ts";
import type { MethodOutput } from "../../shared/api/contract.ts";
import type { AutomationRecord, FiringRecord } from "../../shared/schedule/records.ts";
import { useApi } from "../app/api-context.tsx";
import { useFetched } from "../app/use-fetched.ts";

export type FlowSummary = MethodOutput<"flows.list">["flows"][number];

const listAutomations = async (client: ApiClient) => (await client.call("automations.list", {})).automations;

export function useAutomations() {
  const client = useApi();
  const { value: automations, error, reload, setValue: setAutomations } = useFetched(listAutomations);
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  const [schedules, setSchedules] = useState<ScheduleView[]>([]);
  useEffect(() => {
    client.call("flows.list", {}).then((r) => setFlows(r.flows), () => setFlows([]));
    client.call("schedules.list", {}).then((r) => setSchedules(r.schedules), () => setSchedules([]));
  }, [client]);
  const put = (record: AutomationRecord) => setAutomations((list) => (list ?? []).map((a) => (a.id === record.id ? record : a)).concat(list?.some((a) => a.id === record.id) ? [] : [record]));
  const remove = (id: string) => setAutomations((list) => (list ?? []).filter((a) => a.id !== id));
  return { automations, flows, schedules, error, reload, put, remove };
}

/** One rule's firings, newest first, fetched again (at most every 2 s) as runs change. */
export function useFirings(automationId: string, limit = 50): { firings: FiringRecord[] | null; error: string | null } {
  const client = useApi();
  const [state, setState] = useState<{ firings: FiringRecord[] | null; error: string | null }>({ firings: null, error: null });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      client.call("automations.firings", { automationId, limit }).then(
        (r) => live && setState({ firings: r.firings, error: null }),
        (e: Error) => live && setState((s) => ({ ...s, error: e.message })),
      );
    void load();
    const stop = client.subscribe({ allRuns: true }, (batch) => {
      if (timer || !batch.events.some((e) => e.type === "flow-run")) return;
      // The firing is recorded after the run's change: wait a moment before asking.
      timer = setTimeout(() => {
        timer = undefined;
        void load();
      }, 2000);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      stop();
    };
  }, [client, automationId, limit]);
  return state;
}
