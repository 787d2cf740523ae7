/** The toolbar's run area: Run, then the live state with Cancel, then the outcome with Run again. */
import { ExternalLink, Play, RotateCcw, Square } from "lucide-react";
import { useState } from "react";
import { TERMINAL_STATE_TYPES } from "../../../shared/sdk/states.ts";
import { hrefFor } from "../../app/route.ts";
import { Button } from "../../ui/button.tsx";
import { StateBadge } from "../../ui/state-badge.tsx";
import { useDocument } from "../store/context.tsx";
import { formatDuration, useElapsed } from "./elapsed.ts";
import { useLiveRun } from "./live-run-context.tsx";
import { RunDialog } from "./run-dialog.tsx";
import type { RunController } from "./use-run-controller.ts";

export function RunControls({ controller, askParams, onAskParams }: { controller: RunController; askParams: boolean; onAskParams: (open: boolean) => void }) {
  const flowRun = useLiveRun((s) => s.flowRun);
  const runId = useLiveRun((s) => s.runId);
  const params = useDocument((s) => s.graph.params);
  const flowId = useDocument((s) => s.flowId);
  const [starting, setStarting] = useState(false);
  const elapsed = useElapsed(flowRun?.startTime ?? null, flowRun?.endTime ?? null);
  const running = runId !== null && (!flowRun || !TERMINAL_STATE_TYPES.has(flowRun.stateType));

  const run = async (values: Record<string, unknown>) => {
    onAskParams(false);
    setStarting(true);
    try {
      await controller.start(values);
    } finally {
      setStarting(false);
    }
  };
  return (
    <div className="flex items-center gap-1.5" data-testid="run-controls">
      {runId ? (
        <span className="flex items-center gap-1.5 text-[12px]" data-testid="live-run">
          {flowRun ? <StateBadge type={flowRun.stateType} name={flowRun.stateName} /> : <span className="text-zinc-500">Starting…</span>}
          {elapsed !== null ? <span className="font-mono text-zinc-500 tabular-nums">{formatDuration(elapsed)}</span> : null}
          <a href={hrefFor({ page: "run", runId })} className="text-zinc-500 hover:text-accent-600" title="Open the run page: graph, timeline, all logs" data-testid="open-run-page">
            <ExternalLink size={13} />
          </a>
        </span>
      ) : null}
      {running ? (
        <Button variant="secondary" icon={<Square size={13} />} onClick={() => void controller.cancel()} data-testid="run-cancel">
          Cancel
        </Button>
      ) : (
        <>
          {runId ? <Button variant="ghost" label="Run again with the same parameters" icon={<RotateCcw size={15} />} onClick={() => void controller.retry()} data-testid="run-again" /> : null}
          <Button variant="secondary" icon={<Play size={14} className="text-emerald-600" />} disabled={starting} onClick={() => (params.length ? onAskParams(true) : void run({}))} data-testid="run" title="Run (Ctrl+Enter)">
            Run
          </Button>
        </>
      )}
      {askParams ? <RunDialog flowId={flowId ?? "new"} params={params} onRun={(v) => void run(v)} onClose={() => onAskParams(false)} /> : null}
    </div>
  );
}
