/** A run's state badge, with Late scheduled runs in amber so they stand out from ones still to come. */
import { AlarmClock } from "lucide-react";
import { StateBadge } from "../../ui/state-badge.tsx";
import type { FlowRun } from "./use-runs.ts";
import { isLate } from "./use-upcoming.ts";

export function RunStateBadge({ run }: { run: Pick<FlowRun, "stateType" | "stateName"> }) {
  if (isLate(run)) {
    return (
      <span data-testid="late-badge" className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-medium text-amber-800 dark:bg-amber-500/20 dark:text-amber-300">
        <AlarmClock size={11} aria-hidden /> Late
      </span>
    );
  }
  return <StateBadge type={run.stateType} name={run.stateName} />;
}
