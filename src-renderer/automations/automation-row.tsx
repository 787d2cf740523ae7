/** One rule as a sentence, with its switch, delete, and its firing history below when opened. */
import { ChevronDown, ChevronRight, Trash2 } from "lucide-react";
import { useState } from "react";
import type { AutomationRecord } from "../../shared/schedule/records.ts";
import { ActiveSwitch } from "../schedules/active-switch.tsx";
import { Button } from "../ui/button.tsx";
import { FiringsList } from "./firings-list.tsx";
import { actionWords, eventWords } from "./rule-words.ts";

export function AutomationRow({ automation, names, busy, onToggle, onDelete }: {
  automation: AutomationRecord;
  names: Parameters<typeof actionWords>[1];
  busy: boolean;
  onToggle: (active: boolean) => void;
  onDelete: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <li data-testid={`automation-${automation.id}`} className="border-t border-zinc-100 first:border-t-0 dark:border-zinc-800">
      <div className="flex items-center gap-3 px-4 py-2.5">
        <ActiveSwitch checked={automation.active} onChange={onToggle} disabled={busy} label={automation.active ? `Turn off ${automation.name}` : `Turn on ${automation.name}`} testId="automation-active" />
        <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open} className="flex min-w-0 flex-1 items-start gap-1.5 text-left" data-testid="automation-toggle-history">
          {open ? <ChevronDown size={14} className="mt-0.5 shrink-0 text-zinc-400" /> : <ChevronRight size={14} className="mt-0.5 shrink-0 text-zinc-400" />}
          <span className="min-w-0">
            <span className="block truncate font-medium">{automation.name}</span>
            <span className="block text-[12px] text-zinc-600 dark:text-zinc-400" data-testid="automation-sentence">
              {eventWords(automation.when)} → {actionWords(automation.then, names)}
            </span>
          </span>
        </button>
        <Button variant="ghost" label={`Delete ${automation.name}`} icon={<Trash2 size={14} />} onClick={onDelete} disabled={busy} data-testid="automation-delete" />
      </div>
      {open ? (
        <div className="border-t border-zinc-100 bg-zinc-50/60 pb-1 dark:border-zinc-800 dark:bg-zinc-950/40">
          <FiringsList automationId={automation.id} />
        </div>
      ) : null}
    </li>
  );
}
