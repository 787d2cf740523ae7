/** The runs view's "Upcoming" strip: the next scheduled runs, soonest first, Late ones in amber. */
import { CalendarClock, ChevronDown, ChevronRight } from "lucide-react";
import { useState } from "react";
import { formatInZone } from "../../../shared/schedule/describe.ts";
import { defaultTimezone } from "../../../shared/schedule/timing.ts";
import { hrefFor } from "../../app/route.ts";
import { relativeTime } from "../../ui/time.ts";
import { RunStateBadge } from "./run-state-badge.tsx";
import { isLate, useUpcoming } from "./use-upcoming.ts";

const SHOWN = 8;

export function UpcomingRuns({ flowName }: { flowName: string | null }) {
  const { runs, loaded } = useUpcoming(50, flowName);
  const [open, setOpen] = useState(true);
  if (!loaded || runs.length === 0) return null;
  const late = runs.filter(isLate).length;
  const zone = defaultTimezone();
  return (
    <section data-testid="upcoming-runs" aria-label="Upcoming runs" className="border-b border-zinc-200 bg-violet-50/40 px-4 py-2 dark:border-zinc-800 dark:bg-violet-500/5">
      <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open} className="flex items-center gap-1.5 text-[12px] font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
        {open ? <ChevronDown size={13} /> : <ChevronRight size={13} />}
        <CalendarClock size={13} className="text-violet-600 dark:text-violet-400" />
        Upcoming
        <span className="font-normal normal-case">
          · {runs.length >= 50 ? "50+" : runs.length} scheduled{late ? <span className="text-amber-700 dark:text-amber-400"> · {late} late</span> : null}
        </span>
      </button>
      {open ? (
        <ul className="mt-1.5 grid grid-cols-[repeat(auto-fill,minmax(340px,1fr))] gap-1.5">
          {runs.slice(0, SHOWN).map((run) => (
            <li key={run.id}>
              <a
                href={hrefFor({ page: "run", runId: run.id })}
                data-testid={`upcoming-run-${run.id}`}
                data-late={isLate(run)}
                className={`flex items-center gap-2 rounded-md border bg-white px-2 py-1 text-[12px] hover:border-zinc-400 dark:bg-zinc-900 dark:hover:border-zinc-600 ${isLate(run) ? "border-amber-300 dark:border-amber-500/40" : "border-zinc-200 dark:border-zinc-800"}`}
              >
                <RunStateBadge run={run} />
                <span className="min-w-0 flex-1 truncate font-medium" title={`${run.flowName}: ${run.name}`}>
                  {run.flowName}
                </span>
                <span className="shrink-0 text-zinc-500 tabular-nums" title={relativeTime(run.createdAt)}>
                  {formatInZone(run.createdAt, zone)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {open && runs.length > SHOWN ? (
        <a href={hrefFor({ page: "runs", query: "state=SCHEDULED&sort=oldest" })} className="mt-1 inline-block text-[12px] text-accent-600 hover:underline">
          All upcoming runs
        </a>
      ) : null}
    </section>
  );
}
