/** The flow's schedules: the list, and the add/edit form in its place. */
import { CalendarPlus } from "lucide-react";
import { useState } from "react";
import type { ScheduleView } from "../../shared/api/automation-contract.ts";
import type { FlowParam } from "../../shared/graph/model.ts";
import { useApi } from "../app/api-context.tsx";
import { Button } from "../ui/button.tsx";
import { useConfirm } from "../ui/confirm.tsx";
import { ErrorNote } from "../ui/error-note.tsx";
import { useRowAction } from "../ui/use-row-action.ts";
import { EmptyNote } from "./empty-note.tsx";
import { useFlowAutomation } from "./flow-automation-store.ts";
import { ScheduleForm } from "./schedule-form.tsx";
import { ScheduleRow } from "./schedule-row.tsx";

export function SchedulesSection({ flowId, params }: { flowId: string; params: readonly FlowParam[] }) {
  const client = useApi();
  const schedules = useFlowAutomation((s) => s.schedules);
  const error = useFlowAutomation((s) => s.scheduleError);
  const loaded = useFlowAutomation((s) => s.loaded);
  const putSchedule = useFlowAutomation((s) => s.putSchedule);
  const load = useFlowAutomation((s) => s.load);
  const [form, setForm] = useState<{ editing: ScheduleView | null } | null>(null);
  const { busyId, run: act } = useRowAction();
  const [confirm, dialog] = useConfirm();

  const remove = async (s: ScheduleView) => {
    const answer = await confirm({ title: `Delete ${s.name}?`, message: "Its upcoming runs are removed too. Past runs stay in the history.", confirm: "Delete", danger: true });
    if (answer !== "confirm") return;
    await act(s.id, "delete the schedule", async () => {
      await client.call("schedules.delete", { id: s.id });
      await load(client, flowId);
    });
  };

  if (form) return <ScheduleForm key={form.editing?.id ?? "new"} flowId={flowId} params={params} editing={form.editing} onDone={() => setForm(null)} />;
  return (
    <section aria-label="Schedules" data-testid="schedules-section">
      <div className="mb-2 flex items-center">
        <p className="flex-1 text-[12px] text-zinc-500">Runs of this flow that start by themselves while Flowbench runs.</p>
        <Button variant="primary" icon={<CalendarPlus size={14} />} onClick={() => setForm({ editing: null })} data-testid="add-schedule">
          Add schedule
        </Button>
      </div>
      {error ? <ErrorNote>Could not load schedules: {error}</ErrorNote> : null}
      {loaded && !error && schedules.length === 0 ? <EmptyNote testId="schedules-empty">No schedules yet.</EmptyNote> : null}
      <ul className="flex flex-col" data-testid="schedules-list">
        {schedules.map((s) => (
          <ScheduleRow
            key={s.id}
            schedule={s}
            busy={busyId === s.id}
            onEdit={() => setForm({ editing: s })}
            onDelete={() => void remove(s)}
            onToggle={(active) => void act(s.id, active ? "resume the schedule" : "pause the schedule", async () => putSchedule(await client.call("schedules.setActive", { id: s.id, active })))}
          />
        ))}
      </ul>
      {dialog}
    </section>
  );
}
