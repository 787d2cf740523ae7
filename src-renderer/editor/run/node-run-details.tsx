/**
 * What happened to the selected node in the run shown: each attempt with its
 * state, time and error, the node's logs as they stream, and its input and
 * output values. One click on a failed node shows why it failed.
 */
import { useEffect, useMemo, useState } from "react";
import type { StateRecord, StoredLog, TaskRunRecord } from "../../../shared/store/types.ts";
import { useApi } from "../../app/api-context.tsx";
import { JsonView } from "../../ui/json-view.tsx";
import { StateBadge } from "../../ui/state-badge.tsx";
import { Section } from "../inspector/section.tsx";
import { attemptsOf, type Attempt } from "./attempts.ts";
import { formatDuration } from "./elapsed.ts";
import { useLiveRun } from "./live-run-context.tsx";

const NONE: TaskRunRecord[] = [];
const LOG_LINES_SHOWN = 500;

export function NodeRunDetails({ nodeId }: { nodeId: string }) {
  const taskRuns = useLiveRun((s) => s.byNode.get(nodeId) ?? NONE);
  const [index, setIndex] = useState(0);
  if (taskRuns.length === 0) return null;
  const taskRun = taskRuns[Math.min(index, taskRuns.length - 1)]!;
  return (
    <div data-testid="node-run-details" className="border-b border-zinc-200 bg-zinc-50/70 dark:border-zinc-800 dark:bg-zinc-900/40">
      <div className="flex items-center gap-2 px-4 pt-3">
        <h3 className="flex-1 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">This run</h3>
        {taskRuns.length > 1 ? (
          <select aria-label="Task run" className="rounded border border-zinc-300 bg-white px-1 text-[12px] dark:border-zinc-700 dark:bg-zinc-900" value={index} onChange={(e) => setIndex(Number(e.target.value))}>
            {taskRuns.map((t, i) => (
              <option key={t.id} value={i}>
                {t.name} · {t.stateName}
              </option>
            ))}
          </select>
        ) : null}
      </div>
      <TaskRunView taskRun={taskRun} />
    </div>
  );
}

function TaskRunView({ taskRun }: { taskRun: TaskRunRecord }) {
  const client = useApi();
  const [states, setStates] = useState<StateRecord[]>([]);
  // Refetched whenever the task run changes state: attempts come from its state history.
  useEffect(() => {
    let live = true;
    client.call("runs.taskRun", { runId: taskRun.flowRunId ?? "", taskRunId: taskRun.id }).then(
      (r) => live && setStates(r.states as StateRecord[]),
      () => live && setStates([]),
    );
    return () => {
      live = false;
    };
  }, [client, taskRun.id, taskRun.stateName, taskRun.runCount]);
  const attempts = useMemo(() => attemptsOf(states, taskRun), [states, taskRun]);
  return (
    <>
      <Section title={`Attempts (${attempts.length} of ${taskRun.maxRetries + 1} allowed)`}>
        <ol className="flex flex-col gap-2" data-testid="attempts">
          {attempts.map((a) => (
            <AttemptRow key={a.number} attempt={a} />
          ))}
        </ol>
      </Section>
      <NodeLogs taskRunId={taskRun.id} />
      <Section title="Input">
        <JsonView text={taskRun.inputsPreview} testId="task-input" />
      </Section>
      <Section title="Output">
        <JsonView text={taskRun.resultPreview} testId="task-output" />
      </Section>
    </>
  );
}

function AttemptRow({ attempt }: { attempt: Attempt }) {
  return (
    <li data-testid="attempt" className="rounded border border-zinc-200 bg-white p-2 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center gap-2">
        <span className="font-medium">#{attempt.number}</span>
        <StateBadge type={attempt.stateType} name={attempt.stateName} />
        <span className="text-zinc-500">{attempt.start ? new Date(attempt.start).toLocaleTimeString() : ""}</span>
        <span className="ml-auto font-mono text-zinc-500">{attempt.end && attempt.start ? formatDuration(attempt.end - attempt.start) : ""}</span>
      </div>
      {attempt.error ? (
        <details className="mt-1" open>
          <summary className="cursor-pointer text-red-700 dark:text-red-300" data-testid="attempt-error">
            {attempt.error.name}: {attempt.error.message}
          </summary>
          {attempt.error.stack ? <pre className="mt-1 max-h-40 overflow-auto text-[11px] whitespace-pre-wrap text-zinc-600 dark:text-zinc-400">{attempt.error.stack}</pre> : null}
        </details>
      ) : null}
    </li>
  );
}

const LEVEL_STYLE: Record<number, string> = { 40: "text-red-700 dark:text-red-300", 50: "text-red-700 font-semibold dark:text-red-300", 30: "text-amber-700 dark:text-amber-300" };

function NodeLogs({ taskRunId }: { taskRunId: string }) {
  const logs = useLiveRun((s) => s.logs);
  const mine = useMemo(() => logs.filter((l: StoredLog) => l.taskRunId === taskRunId).slice(-LOG_LINES_SHOWN), [logs, taskRunId]);
  return (
    <Section title={`Logs (${mine.length})`}>
      {mine.length === 0 ? (
        <p className="text-zinc-500">No log lines.</p>
      ) : (
        <div className="max-h-56 overflow-auto rounded bg-zinc-950 p-2 font-mono text-[11px] text-zinc-200" data-testid="node-logs">
          {mine.map((l) => (
            <div key={l.id} data-testid="node-log-line" className={LEVEL_STYLE[Math.floor(l.level / 10) * 10] ?? ""}>
              <span className="text-zinc-500">{new Date(l.timestamp).toLocaleTimeString()} </span>
              {l.message}
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}
