/** A new automation: when (flow, tags, states) and then (one action), saved as a rule that is on. */
import { useState } from "react";
import type { ScheduleView } from "../../shared/api/automation-contract.ts";
import type { AutomationRecord } from "../../shared/schedule/records.ts";
import { useApi } from "../app/api-context.tsx";
import { ErrorNote } from "../ui/error-note.tsx";
import { Field, Select, TextInput } from "../ui/field.tsx";
import { FormActions } from "../ui/form-actions.tsx";
import { ActionFields } from "./action-fields.tsx";
import { draftToAutomation, EMPTY_DRAFT, type ActionKind, type AutomationDraft } from "./automation-draft.ts";
import { RULE_STATES, stateWords } from "./rule-words.ts";
import type { FlowSummary } from "./use-automations.ts";

const ACTIONS: Record<ActionKind, string> = {
  notify: "Notify me",
  "start-flow": "Start a flow",
  "cancel-run": "Cancel the run",
  "pause-schedule": "Pause a schedule",
  "call-url": "Call a URL",
};

export function AutomationForm({ flows, schedules, onSaved, onCancel }: { flows: FlowSummary[]; schedules: ScheduleView[]; onSaved: (record: AutomationRecord) => void; onCancel: () => void }) {
  const client = useApi();
  const [draft, setDraft] = useState<AutomationDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Partial<Record<keyof AutomationDraft, string>>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const update = (patch: Partial<AutomationDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setServerError(null);
  };
  const flowNames = [...new Set(flows.map((f) => f.name))].sort();
  const save = async () => {
    const result = draftToAutomation(draft);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    setSaving(true);
    try {
      onSaved(await client.call("automations.create", result.input));
    } catch (e) {
      setServerError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      data-testid="automation-form"
      className="flex flex-col gap-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 className="text-sm font-semibold">New automation</h2>
      <Field label="Name" htmlFor="auto-name" error={errors.name}>
        <TextInput id="auto-name" data-testid="auto-name" value={draft.name} placeholder="Tell me when imports fail" aria-invalid={!!errors.name} onChange={(e) => update({ name: e.target.value })} />
      </Field>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">When</legend>
        <div className="grid grid-cols-2 gap-3">
          <Field label="A run of" htmlFor="auto-flow">
            <Select id="auto-flow" data-testid="auto-flow" value={draft.flowName} onChange={(e) => update({ flowName: e.target.value })}>
              <option value="">Any flow</option>
              {flowNames.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Tagged (all of)" htmlFor="auto-tags" hint="Comma-separated; empty: any tags">
            <TextInput id="auto-tags" data-testid="auto-tags" value={draft.tags} placeholder="prod, nightly" onChange={(e) => update({ tags: e.target.value })} />
          </Field>
        </div>
        <Field label="Is" error={errors.states} hint={draft.states.length ? `…${stateWords(draft.states)}` : undefined}>
          <div className="flex flex-wrap gap-1.5" role="group" aria-label="States">
            {RULE_STATES.map((s) => {
              const on = draft.states.includes(s);
              return (
                <button
                  key={s}
                  type="button"
                  aria-pressed={on}
                  data-testid={`auto-state-${s}`}
                  onClick={() => update({ states: on ? draft.states.filter((x) => x !== s) : [...draft.states, s] })}
                  className="rounded-full border border-zinc-300 px-2.5 py-0.5 text-[12px] text-zinc-600 aria-pressed:border-accent-500 aria-pressed:bg-accent-50 aria-pressed:text-accent-700 dark:border-zinc-700 dark:text-zinc-400 dark:aria-pressed:bg-accent-500/15 dark:aria-pressed:text-accent-100"
                >
                  {s.charAt(0) + s.slice(1).toLowerCase()}
                </button>
              );
            })}
          </div>
        </Field>
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">Then</legend>
        <Field label="Action" htmlFor="auto-action">
          <Select id="auto-action" data-testid="auto-action" value={draft.action} onChange={(e) => update({ action: e.target.value as ActionKind })} className="!w-56">
            {(Object.keys(ACTIONS) as ActionKind[]).map((a) => (
              <option key={a} value={a}>
                {ACTIONS[a]}
              </option>
            ))}
          </Select>
        </Field>
        <ActionFields draft={draft} update={update} errors={errors} flows={flows} schedules={schedules} />
      </fieldset>
      {serverError ? <ErrorNote testId="automation-save-error">Not saved: {serverError}</ErrorNote> : null}
      <FormActions onCancel={onCancel} saving={saving} saveLabel="Create automation" saveTestId="automation-save" />
    </form>
  );
}
