/** `#/runs/<id>`: one run, live — what happened (graph, timeline, states), why it failed, and its logs. */
import { useMemo, useState } from "react";
import { AppHeader } from "../app/app-header.tsx";
import { navigate } from "../app/route.ts";
import { Toaster } from "../ui/toast.tsx";
import { FailureBanner } from "./run/failure-banner.tsx";
import { LogsPane } from "./run/logs-pane.tsx";
import { RunGraph } from "./run/run-graph.tsx";
import { RunHeader } from "./run/run-header.tsx";
import { StateHistory } from "./run/state-history.tsx";
import { TaskRunDetails } from "./run/task-run-details.tsx";
import { Timeline } from "./run/timeline.tsx";
import { useRun } from "./run/use-run.ts";

const TABS = [
  { id: "graph", label: "Graph" },
  { id: "timeline", label: "Timeline" },
  { id: "states", label: "State history" },
] as const;
type Tab = (typeof TABS)[number]["id"];

export function RunPage({ runId }: { runId: string }) {
  const { detail, error, onLogs } = useRun(runId);
  const [tab, setTab] = useState<Tab>("graph");
  const [selected, setSelected] = useState<string | null>(null);
  const taskRuns = useMemo(() => detail?.taskRuns ?? [], [detail?.taskRuns]);
  const selectedTask = useMemo(() => (selected ? taskRuns.find((t) => t.id === selected) : undefined), [selected, taskRuns]);
  const select = (id: string | null) => {
    // A subflow's node opens its own run.
    if (id && detail?.subflowRuns.some((s) => s.id === id)) return navigate({ page: "run", runId: id });
    setSelected(id);
  };

  return (
    <div className="flex h-full flex-col" data-testid="run-page">
      <AppHeader />
      {!detail ? (
        <p className="p-6 text-zinc-500">{error ? `Could not load run ${runId}: ${error}` : "Loading…"}</p>
      ) : (
        <>
          <RunHeader run={detail.run} />
          <FailureBanner run={detail.run} taskRuns={taskRuns} onSelect={select} />
          <div className="flex min-h-0 flex-1 flex-col">
            <div className="flex min-h-0 flex-[3] border-b border-zinc-200 dark:border-zinc-800">
              <div className="flex min-w-0 flex-1 flex-col">
                <div role="tablist" className="flex shrink-0 gap-1 border-b border-zinc-200 bg-white px-3 dark:border-zinc-800 dark:bg-zinc-900">
                  {TABS.map((t) => (
                    <button
                      key={t.id}
                      role="tab"
                      type="button"
                      aria-selected={tab === t.id}
                      data-testid={`run-tab-${t.id}`}
                      onClick={() => setTab(t.id)}
                      className="-mb-px border-b-2 border-transparent px-2.5 py-1.5 text-[13px] text-zinc-500 hover:text-zinc-800 aria-selected:border-accent-500 aria-selected:font-medium aria-selected:text-zinc-900 dark:hover:text-zinc-200 dark:aria-selected:text-zinc-100"
                    >
                      {t.label}
                      {t.id !== "states" && <span className="ml-1 text-[11px] text-zinc-400">{t.id === "graph" ? taskRuns.length + detail.subflowRuns.length : ""}</span>}
                    </button>
                  ))}
                </div>
                <div className="min-h-0 flex-1">
                  {tab === "graph" && <RunGraph taskRuns={taskRuns} subflowRuns={detail.subflowRuns} selected={selected} onSelect={select} />}
                  {tab === "timeline" && <Timeline taskRuns={taskRuns} selected={selected} onSelect={select} />}
                  {tab === "states" && <StateHistory runId={runId} states={detail.states} />}
                </div>
              </div>
              {selectedTask && <TaskRunDetails taskRun={selectedTask} states={detail.states} onClose={() => setSelected(null)} />}
            </div>
            <div className="flex min-h-0 flex-[2] flex-col">
              <LogsPane runId={runId} taskRuns={taskRuns} taskRunId={selected} onTaskRunId={select} onLogs={onLogs} />
            </div>
          </div>
        </>
      )}
      <Toaster />
    </div>
  );
}
