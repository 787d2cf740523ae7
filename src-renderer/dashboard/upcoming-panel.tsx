/** The dashboard's next scheduled runs, with how many are Late (their time passed and they have not started). */
import { AlarmClock, ArrowRight } from "lucide-react";
import { formatInZone } from "../../shared/schedule/describe.ts";
import { defaultTimezone } from "../../shared/schedule/timing.ts";
import { hrefFor } from "../app/route.ts";
import { RunStateBadge } from "../runs/list/run-state-badge.tsx";
import { isLate, useUpcoming } from "../runs/list/use-upcoming.ts";
import { relativeTime } from "../ui/time.ts";

const SHOWN = 5;

export function UpcomingPanel() {
  // Late runs sort first (their times are the oldest), so a page of 200 counts them all but in extreme cases.
  const { runs, loaded } = useUpcoming(200);
  if (!loaded || runs.length === 0) return null;
  const late = runs.filter(isLate).length;
  const zone = defaultTimezone();
  return (
    <section className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" data-testid="upcoming-panel">
      <h2 className="flex items-center gap-2 border-b border-zinc-200 px-4 py-2.5 text-sm font-medium text-zinc-900 dark:border-zinc-800 dark:text-zinc-100">
        Upcoming runs
        {late ? (
          <span data-testid="late-count" className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800 dark:bg-amber-500/20 dark:text-amber-300">
            <AlarmClock className="size-3" aria-hidden /> {late} late
          </span>
        ) : null}
        <span className="flex-1" />
        <a href={hrefFor({ page: "runs", query: "state=SCHEDULED&sort=oldest" })} className="flex items-center gap-1 text-xs font-normal text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100">
          All scheduled runs <ArrowRight className="size-3" aria-hidden />
        </a>
      </h2>
      <ul>
        {runs.slice(0, SHOWN).map((run) => (
          <li key={run.id} className="border-t border-zinc-100 first:border-t-0 dark:border-zinc-800">
            <a href={hrefFor({ page: "run", runId: run.id })} data-testid="upcoming-run" className="flex items-center gap-2 px-4 py-2 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              <RunStateBadge run={run} />
              <span className="truncate font-medium text-zinc-900 dark:text-zinc-100">{run.flowName}</span>
              <span className="truncate text-zinc-500">{run.name}</span>
              <span className="flex-1" />
              <span className="shrink-0 text-xs text-zinc-500 tabular-nums">{formatInZone(run.createdAt, zone)}</span>
              <span className="w-24 shrink-0 text-right text-xs text-zinc-500">{relativeTime(run.createdAt)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
