/** Why the run failed, at a glance: the run's error and the task run where it started. */
import { AlertTriangle } from "lucide-react";
import { useMemo } from "react";
import { Button } from "../../ui/button.tsx";
import type { FlowRun, TaskRun } from "./use-run.ts";

/** The task runs that failed on their own (not because something upstream did), earliest first. */
export function rootFailures(taskRuns: readonly TaskRun[]): TaskRun[] {
  return taskRuns
    .filter((t) => (t.stateType === "FAILED" || t.stateType === "CRASHED") && t.stateName !== "UpstreamFailed")
    .sort((a, b) => (a.endTime ?? Infinity) - (b.endTime ?? Infinity));
}

export function FailureBanner({ run, taskRuns, onSelect }: { run: FlowRun; taskRuns: TaskRun[]; onSelect: (id: string) => void }) {
  const roots = useMemo(() => rootFailures(taskRuns), [taskRuns]);
  if (run.stateType !== "FAILED" && run.stateType !== "CRASHED") return null;
  const first = roots[0];
  const error = first?.error ?? run.error;
  return (
    <div className="flex items-start gap-3 border-b border-red-200 bg-red-50 px-4 py-2 dark:border-red-900/60 dark:bg-red-950/30" data-testid="run-failure">
      <AlertTriangle size={16} className="mt-0.5 shrink-0 text-red-600 dark:text-red-400" />
      <div className="min-w-0 flex-1">
        <p className="text-red-800 dark:text-red-200">
          {first ? (
            <>
              Failed in <strong>{first.name}</strong>
              {first.runCount > 1 ? ` after ${first.runCount} attempts` : ""}
              {roots.length > 1 ? ` (and ${roots.length - 1} more task run${roots.length > 2 ? "s" : ""})` : ""}
            </>
          ) : (
            <>{run.stateName}</>
          )}
        </p>
        <p className="truncate font-mono text-[12px] text-red-700 dark:text-red-300" title={error ? `${error.name}: ${error.message}` : (run.stateMessage ?? "")}>
          {error ? `${error.name}: ${error.message}` : run.stateMessage}
        </p>
      </div>
      {first && (
        <Button variant="secondary" onClick={() => onSelect(first.id)} data-testid="run-failure-inspect">
          Inspect
        </Button>
      )}
    </div>
  );
}
