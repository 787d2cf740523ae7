/** The "then" half of the automation form: the fields each kind of action needs. */
import { useEffect, useState } from "react";
import type { ScheduleView } from "../../shared/api/automation-contract.ts";
import type { FlowParam } from "../../shared/graph/model.ts";
import { useApi } from "../app/api-context.tsx";
import { Field, Select, TextInput } from "../ui/field.tsx";
import type { AutomationDraft } from "./automation-draft.ts";
import type { FlowSummary } from "./use-automations.ts";

type Errors = Partial<Record<keyof AutomationDraft, string>>;

export function ActionFields({ draft, update, errors, flows, schedules }: { draft: AutomationDraft; update: (patch: Partial<AutomationDraft>) => void; errors: Errors; flows: FlowSummary[]; schedules: ScheduleView[] }) {
  switch (draft.action) {
    case "start-flow":
      return <StartFlowFields draft={draft} update={update} errors={errors} flows={flows} />;
    case "pause-schedule":
      return (
        <Field label="Schedule" htmlFor="auto-schedule" error={errors.scheduleId} hint={schedules.length ? undefined : "No schedules yet: add one in a flow's settings"}>
          <Select id="auto-schedule" data-testid="auto-schedule" value={draft.scheduleId} onChange={(e) => update({ scheduleId: e.target.value })}>
            <option value="">Pick a schedule…</option>
            {schedules.map((s) => (
              <option key={s.id} value={s.id}>
                {s.flowName}: {s.name}
              </option>
            ))}
          </Select>
        </Field>
      );
    case "notify":
      return (
        <div className="grid grid-cols-2 gap-3">
          <Field label="Title" htmlFor="auto-title" hint="Optional; default names the run and its state">
            <TextInput id="auto-title" data-testid="auto-notify-title" value={draft.notifyTitle} onChange={(e) => update({ notifyTitle: e.target.value })} />
          </Field>
          <Field label="Message" htmlFor="auto-body" hint="Optional">
            <TextInput id="auto-body" value={draft.notifyBody} onChange={(e) => update({ notifyBody: e.target.value })} />
          </Field>
        </div>
      );
    case "call-url":
      return (
        <div className="grid grid-cols-[6rem_1fr] gap-3">
          <Field label="Method" htmlFor="auto-method">
            <Select id="auto-method" value={draft.method} onChange={(e) => update({ method: e.target.value as AutomationDraft["method"] })}>
              <option>POST</option>
              <option>PUT</option>
              <option>GET</option>
            </Select>
          </Field>
          <Field label="URL" htmlFor="auto-url" error={errors.url} hint="Gets the run as JSON">
            <TextInput id="auto-url" data-testid="auto-url" className="font-mono" placeholder="https://example.com/hook" value={draft.url} aria-invalid={!!errors.url} onChange={(e) => update({ url: e.target.value })} />
          </Field>
        </div>
      );
    case "cancel-run":
      return <p className="text-[12px] text-zinc-500">Cancels the run that fired it (useful with Late: a run that could not start on time is dropped).</p>;
  }
}

function StartFlowFields({ draft, update, errors, flows }: { draft: AutomationDraft; update: (patch: Partial<AutomationDraft>) => void; errors: Errors; flows: FlowSummary[] }) {
  const client = useApi();
  const [params, setParams] = useState<FlowParam[] | null>(null);
  useEffect(() => {
    if (!draft.startFlowId) return setParams(null);
    let live = true;
    client.call("flows.get", { id: draft.startFlowId }).then(
      (f) => live && setParams(f.graph?.params ?? null),
      () => live && setParams(null),
    );
    return () => {
      live = false;
    };
  }, [client, draft.startFlowId]);
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field label="Flow to start" htmlFor="auto-start-flow" error={errors.startFlowId}>
        <Select id="auto-start-flow" data-testid="auto-start-flow" value={draft.startFlowId} onChange={(e) => update({ startFlowId: e.target.value, runIdParam: "" })}>
          <option value="">Pick a saved flow…</option>
          {flows.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Parameter for the source run's id" htmlFor="auto-run-id-param" hint="Optional">
        {params ? (
          <Select id="auto-run-id-param" data-testid="auto-run-id-param" value={draft.runIdParam} onChange={(e) => update({ runIdParam: e.target.value })}>
            <option value="">None</option>
            {params.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}: {p.type}
              </option>
            ))}
          </Select>
        ) : (
          <TextInput id="auto-run-id-param" data-testid="auto-run-id-param" className="font-mono" value={draft.runIdParam} onChange={(e) => update({ runIdParam: e.target.value })} disabled={!draft.startFlowId} />
        )}
      </Field>
    </div>
  );
}
