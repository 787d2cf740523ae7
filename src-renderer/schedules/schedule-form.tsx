/** Add or edit a schedule: kind (cron, interval, once), its timing with a live preview, name, catch-up and parameters. */
import { useMemo, useState } from "react";
import type { ScheduleView } from "../../shared/api/automation-contract.ts";
import type { FlowParam } from "../../shared/graph/model.ts";
import type { CatchUpPolicy } from "../../shared/schedule/spec.ts";
import { defaultTimezone } from "../../shared/schedule/timing.ts";
import { useApi } from "../app/api-context.tsx";
import { ErrorNote } from "../ui/error-note.tsx";
import { Field, Select, TextInput } from "../ui/field.tsx";
import { FormActions } from "../ui/form-actions.tsx";
import { useFlowAutomation } from "./flow-automation-store.ts";
import { ParamFields } from "./param-fields.tsx";
import { previewSpec, type TimingPreview } from "./preview.ts";
import { draftFromSchedule, draftTiming, draftToSpec, emptyDraft, type ScheduleDraft, type ScheduleKind } from "./schedule-draft.ts";
import { TimezonePicker } from "./timezone-picker.tsx";
import { TimingPreviewView } from "./timing-preview.tsx";

const KINDS: Array<{ kind: ScheduleKind; label: string }> = [
  { kind: "cron", label: "Cron" },
  { kind: "interval", label: "Every" },
  { kind: "once", label: "Once" },
];

const CATCH_UP: Record<CatchUpPolicy, string> = {
  skip: "Skip runs missed while the app was closed",
  latest: "Run the latest missed run once",
  all: "Run every missed run",
};

export function ScheduleForm({ flowId, params, editing, onDone }: { flowId: string; params: readonly FlowParam[]; editing: ScheduleView | null; onDone: () => void }) {
  const client = useApi();
  const putSchedule = useFlowAutomation((s) => s.putSchedule);
  const [draft, setDraft] = useState<ScheduleDraft>(() => (editing ? draftFromSchedule(editing, params, defaultTimezone()) : emptyDraft(defaultTimezone(), params)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const update = (patch: Partial<ScheduleDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setServerError(null);
  };

  const preview = useMemo((): TimingPreview | null => {
    const timing = draftTiming(draft);
    if (!timing.ok) return draft.kind === "cron" && !draft.cron.trim() && !errors.cron ? null : { ok: false, error: timing.error };
    return previewSpec(timing.spec, Date.now());
  }, [draft, errors.cron]);

  const save = async () => {
    const result = draftToSpec(draft, params);
    if (!result.ok) return setErrors(result.errors);
    if (preview && !preview.ok) return;
    setErrors({});
    setSaving(true);
    try {
      const saved = editing ? await client.call("schedules.update", { id: editing.id, spec: result.spec }) : await client.call("schedules.create", { flowId, spec: result.spec });
      putSchedule(saved);
      onDone();
    } catch (error) {
      setServerError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  const paramErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith("param:")).map(([k, v]) => [k.slice(6), v]));
  return (
    <form
      data-testid="schedule-form"
      className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className="text-[13px] font-semibold">{editing ? `Edit ${editing.name}` : "Add schedule"}</h3>
      <div role="radiogroup" aria-label="Kind of schedule" className="flex w-fit rounded-md border border-zinc-200 p-0.5 dark:border-zinc-800">
        {KINDS.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            role="radio"
            aria-checked={draft.kind === kind}
            data-testid={`schedule-kind-${kind}`}
            onClick={() => update({ kind })}
            className="rounded px-2.5 py-0.5 text-[12px] text-zinc-600 aria-checked:bg-zinc-900 aria-checked:text-white dark:text-zinc-400 dark:aria-checked:bg-zinc-100 dark:aria-checked:text-zinc-900"
          >
            {label}
          </button>
        ))}
      </div>

      {draft.kind === "cron" ? (
        <div className="grid grid-cols-[1fr_1fr] gap-3">
          <Field label="Cron expression" htmlFor="schedule-cron" hint="minute hour day-of-month month weekday">
            <TextInput id="schedule-cron" data-testid="cron-input" className="font-mono" placeholder="0 9 * * 1-5" spellCheck={false} autoComplete="off" value={draft.cron} aria-invalid={!!preview && !preview.ok} onChange={(e) => update({ cron: e.target.value })} />
          </Field>
          <Field label="Time zone" htmlFor="schedule-timezone">
            <TimezonePicker id="schedule-timezone" value={draft.timezone} onChange={(timezone) => update({ timezone })} />
          </Field>
        </div>
      ) : draft.kind === "interval" ? (
        <div className="grid grid-cols-[1fr_1fr] gap-3">
          <Field label="Every" htmlFor="schedule-every" hint="e.g. 90s, 15m, 1h30m, 2d">
            <TextInput id="schedule-every" data-testid="every-input" className="font-mono" value={draft.every} aria-invalid={!!preview && !preview.ok} onChange={(e) => update({ every: e.target.value })} />
          </Field>
          <Field label="Starting at (your time)" htmlFor="schedule-anchor" hint="Empty: from now" error={errors.anchor}>
            <TextInput id="schedule-anchor" data-testid="anchor-input" type="datetime-local" value={draft.anchor} onChange={(e) => update({ anchor: e.target.value })} />
          </Field>
        </div>
      ) : (
        <Field label="Run at (your time)" htmlFor="schedule-at" error={errors.at}>
          <TextInput id="schedule-at" data-testid="at-input" type="datetime-local" value={draft.at} onChange={(e) => update({ at: e.target.value })} />
        </Field>
      )}
      {preview ? <TimingPreviewView preview={preview} /> : null}

      <div className="grid grid-cols-[1fr_1fr] gap-3">
        <Field label="Name" htmlFor="schedule-name" hint="Optional; runs are named after it">
          <TextInput id="schedule-name" data-testid="schedule-name" value={draft.name} placeholder={preview?.ok ? preview.words : "Nightly import"} onChange={(e) => update({ name: e.target.value })} />
        </Field>
        <Field label="After downtime" htmlFor="schedule-catchup">
          <Select id="schedule-catchup" data-testid="schedule-catchup" value={draft.catchUp} onChange={(e) => update({ catchUp: e.target.value as CatchUpPolicy })}>
            {(Object.keys(CATCH_UP) as CatchUpPolicy[]).map((c) => (
              <option key={c} value={c}>
                {CATCH_UP[c]}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      {params.length ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-[12px] font-medium text-zinc-600 dark:text-zinc-400">Parameters for each run</legend>
          <ParamFields params={params} texts={draft.params} errors={paramErrors} idPrefix="schedule-param" onChange={(name, text) => update({ params: { ...draft.params, [name]: text } })} />
        </fieldset>
      ) : null}

      {serverError ? (
        <ErrorNote testId="schedule-save-error" keepLineBreaks>
          Not saved: {serverError}
        </ErrorNote>
      ) : null}
      <FormActions onCancel={onDone} saving={saving} saveLabel={editing ? "Save changes" : "Save schedule"} saveTestId="schedule-save" />
    </form>
  );
}
