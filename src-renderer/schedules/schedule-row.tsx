/** One schedule in the flow settings: name, words, next run, on/off, edit and delete. */
import { Pencil, Trash2 } from "lucide-react";
import type { ScheduleView } from "../../shared/api/automation-contract.ts";
import { formatInZone } from "../../shared/schedule/describe.ts";
import { defaultTimezone } from "../../shared/schedule/timing.ts";
import { Button } from "../ui/button.tsx";
import { relativeTime } from "../ui/time.ts";
import { ActiveSwitch } from "./active-switch.tsx";

export function ScheduleRow({ schedule, onToggle, onEdit, onDelete, busy }: { schedule: ScheduleView; onToggle: (active: boolean) => void; onEdit: () => void; onDelete: () => void; busy: boolean }) {
  const next = schedule.nextTimes.find((t) => t > Date.now());
  return (
    <li data-testid={`schedule-${schedule.id}`} data-active={schedule.active} className="flex items-start gap-3 border-b border-zinc-100 px-1 py-2.5 last:border-b-0 dark:border-zinc-800">
      <div className="pt-0.5">
        <ActiveSwitch checked={schedule.active} onChange={onToggle} disabled={busy} label={schedule.active ? `Pause ${schedule.name}` : `Resume ${schedule.name}`} testId="schedule-active" />
      </div>
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium" data-testid="schedule-name-text">
          {schedule.name}
          {schedule.runner === "serve" ? <span className="ml-1.5 rounded bg-zinc-100 px-1 text-[11px] font-normal text-zinc-500 dark:bg-zinc-800">serve()</span> : null}
        </p>
        <p className="text-[12px] text-zinc-600 dark:text-zinc-400" data-testid="schedule-words">
          {schedule.description}
        </p>
        <p className="text-[12px] text-zinc-500" data-testid="schedule-next">
          {!schedule.active ? "Paused" : next === undefined ? "No more runs" : <span title={formatInZone(next, defaultTimezone())}>Next {relativeTime(next)} · {formatInZone(next, defaultTimezone())}</span>}
        </p>
      </div>
      <Button variant="ghost" label={`Edit ${schedule.name}`} icon={<Pencil size={14} />} onClick={onEdit} disabled={schedule.runner !== "host"} data-testid="schedule-edit" />
      <Button variant="ghost" label={`Delete ${schedule.name}`} icon={<Trash2 size={14} />} onClick={onDelete} disabled={busy} data-testid="schedule-delete" />
    </li>
  );
}
