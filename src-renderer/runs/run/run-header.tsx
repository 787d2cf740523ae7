/** The run's header: what, which state (live), when and how long, and what you can do with it. */
import { Ban, ChevronRight, RotateCcw } from "lucide-react";
import { useState } from "react";
import { formatFilters, NO_FILTERS } from "../lib/filters.ts";
import { isTerminal } from "../../../shared/sdk/states.ts";
import { useApi } from "../../app/api-context.tsx";
import { hrefFor, navigate } from "../../app/route.ts";
import { Button } from "../../ui/button.tsx";
import { StateBadge } from "../../ui/state-badge.tsx";
import { relativeTime } from "../../ui/time.ts";
import { toast } from "../../ui/toast.tsx";
import { LiveDuration } from "../list/runs-table.tsx";
import { JsonBlock } from "./json-block.tsx";
import type { FlowRun } from "./use-run.ts";

export function RunHeader({ run }: { run: FlowRun }) {
  const client = useApi();
  const [busy, setBusy] = useState(false);
  const running = !isTerminal(run.stateType);
  const start = run.startTime ?? run.createdAt;

  const cancel = async () => {
    setBusy(true);
    try {
      const r = await client.call("runs.cancel", { runId: run.id });
      if (!r.cancelled) toast("info", "The run had already finished.");
    } catch (e) {
      toast("error", `Could not cancel: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  const retry = async () => {
    setBusy(true);
    try {
      const r = await client.call("runs.retry", { runId: run.id });
      navigate({ page: "run", runId: r.runId });
    } catch (e) {
      toast("error", `Could not start the run again: ${(e as Error).message}`);
      setBusy(false);
    }
  };

  return (
    <div className="border-b border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <nav className="flex items-center gap-1 text-[12px] text-zinc-500" aria-label="Breadcrumb">
        <a href={hrefFor({ page: "runs" })} className="hover:underline">
          Runs
        </a>
        <ChevronRight size={12} />
        <a href={hrefFor({ page: "runs", query: formatFilters({ ...NO_FILTERS, flow: run.flowName }) })} className="hover:underline" data-testid="run-flow-name">
          {run.flowName}
        </a>
        {run.parentFlowRunId && (
          <>
            <ChevronRight size={12} />
            <a href={hrefFor({ page: "run", runId: run.parentFlowRunId })} className="hover:underline">
              parent run
            </a>
          </>
        )}
      </nav>
      <div className="mt-1 flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold" data-testid="run-name">
          {run.name}
        </h1>
        <span data-testid="run-state" data-state={run.stateType}>
          <StateBadge type={run.stateType} name={run.stateName} />
        </span>
        <span className="text-zinc-500" title={new Date(start).toLocaleString()}>
          {run.startTime === null ? "not started" : `started ${relativeTime(start)}`}
        </span>
        <span className="text-zinc-500 tabular-nums">
          <LiveDuration run={run} />
        </span>
        <div className="flex-1" />
        {running ? (
          <Button data-testid="run-cancel" variant="danger" icon={<Ban size={13} />} disabled={busy || run.stateType === "CANCELLING"} onClick={cancel}>
            Cancel
          </Button>
        ) : (
          <Button data-testid="run-retry" icon={<RotateCcw size={13} />} disabled={busy} onClick={retry} label="Run the flow again with the same parameters">
            {run.stateType === "COMPLETED" ? "Re-run" : "Retry"}
          </Button>
        )}
      </div>
      {(run.parameters !== "{}" || run.resultPreview !== null) && (
        <div className="mt-2 flex flex-wrap items-start gap-x-6 gap-y-2 [&>*]:min-w-[280px] [&>*]:flex-1">
          {run.parameters !== "{}" && <JsonBlock title="Parameters" raw={run.parameters} testId="run-parameters" />}
          <JsonBlock title="Result" raw={run.resultPreview} testId="run-result" />
        </div>
      )}
    </div>
  );
}
