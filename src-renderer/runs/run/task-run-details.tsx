/** The selected task run: its attempts, what went in and came out, and how it failed. */
import { X } from "lucide-react";
import { StateBadge } from "../../ui/state-badge.tsx";
import { Button } from "../../ui/button.tsx";
import { clockTime } from "../lib/duration.ts";
import { LiveDuration } from "../list/runs-table.tsx";
import { ErrorBlock, JsonBlock } from "./json-block.tsx";
import type { RunDetail, TaskRun } from "./use-run.ts";

const clock = (ms: number | null) => (ms === null ? "—" : clockTime(ms));

export function TaskRunDetails({ taskRun, states, onClose }: { taskRun: TaskRun; states: RunDetail["states"]; onClose: () => void }) {
  const own = states.filter((s) => s.runKind === "task" && s.runId === taskRun.id);
  return (
    <aside className="flex h-full w-[380px] shrink-0 flex-col overflow-auto border-l border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" data-testid="task-run-details">
      <div className="flex items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <div className="min-w-0 flex-1">
          <p className="truncate font-semibold" title={taskRun.name}>
            {taskRun.name}
          </p>
          <p className="truncate text-[11px] text-zinc-500">{taskRun.taskName}</p>
        </div>
        <StateBadge type={taskRun.stateType} name={taskRun.stateName} />
        <Button variant="ghost" icon={<X size={14} />} label="Close" onClick={onClose} />
      </div>
      <div className="flex flex-col gap-3 p-3">
        <dl className="grid grid-cols-[90px_1fr] gap-y-1 text-[12px]">
          <dt className="text-zinc-500">Started</dt>
          <dd className="tabular-nums">{clock(taskRun.startTime)}</dd>
          <dt className="text-zinc-500">Ended</dt>
          <dd className="tabular-nums">{clock(taskRun.endTime)}</dd>
          <dt className="text-zinc-500">Duration</dt>
          <dd className="tabular-nums">
            <LiveDuration run={taskRun} />
          </dd>
          <dt className="text-zinc-500">Attempts</dt>
          <dd>
            {taskRun.runCount} of {taskRun.maxRetries + 1} allowed
          </dd>
          {taskRun.cacheKey && (
            <>
              <dt className="text-zinc-500">Cache key</dt>
              <dd className="truncate font-mono text-[11px]" title={taskRun.cacheKey}>
                {taskRun.cacheKey}
              </dd>
            </>
          )}
          {taskRun.tags.length > 0 && (
            <>
              <dt className="text-zinc-500">Tags</dt>
              <dd>{taskRun.tags.join(", ")}</dd>
            </>
          )}
        </dl>
        {taskRun.stateMessage && <p className="text-[12px] text-zinc-600 dark:text-zinc-400">{taskRun.stateMessage}</p>}
        <ErrorBlock error={taskRun.error} />
        {own.length > 0 && (
          <div>
            <p className="mb-1 text-[12px] font-medium text-zinc-600 dark:text-zinc-400">State history</p>
            <ol className="flex flex-col gap-1 border-l border-zinc-200 pl-3 dark:border-zinc-700">
              {own.map((s, i) => (
                <li key={i} className="text-[12px]">
                  <span className="mr-2 text-zinc-400 tabular-nums">{clock(s.timestamp)}</span>
                  <StateBadge type={s.type} name={s.name} />
                  {s.message && <span className="ml-2 text-zinc-600 dark:text-zinc-400">{s.message}</span>}
                  {s.error && s.type !== taskRun.stateType && <p className="mt-0.5 font-mono text-[11px] text-red-700 dark:text-red-300">{s.error.message}</p>}
                </li>
              ))}
            </ol>
          </div>
        )}
        <JsonBlock title="Inputs" raw={taskRun.inputsPreview} open testId="task-inputs" />
        <JsonBlock title="Result" raw={taskRun.resultPreview} open testId="task-result" />
      </div>
    </aside>
  );
}
