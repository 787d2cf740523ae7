/** A node's state in the run shown: a coloured ring and one line (elapsed time, attempt n of m, items done). */
import { CheckCircle2, CircleDashed, Database, Loader2, RotateCcw, SkipForward, Square, XCircle } from "lucide-react";
import type { NodeRunPhase, NodeRunStatus } from "../../../editor/run/node-status.ts";
import { formatDuration, useElapsed } from "../../../editor/run/elapsed.ts";

export const PHASE_RING: Record<NodeRunPhase, string> = {
  pending: "ring-2 ring-zinc-300 dark:ring-zinc-600",
  running: "ring-2 ring-sky-500",
  retrying: "ring-2 ring-amber-500",
  completed: "ring-2 ring-emerald-500",
  cached: "ring-2 ring-teal-500",
  failed: "ring-2 ring-red-500",
  cancelled: "ring-2 ring-zinc-400",
  skipped: "ring-1 ring-zinc-300 dark:ring-zinc-700",
};

const LOOK: Record<NodeRunPhase, { label: string; className: string; Icon: typeof CheckCircle2 }> = {
  pending: { label: "Pending", className: "text-zinc-500", Icon: CircleDashed },
  running: { label: "Running", className: "text-sky-600 dark:text-sky-400", Icon: Loader2 },
  retrying: { label: "Retrying", className: "text-amber-600 dark:text-amber-400", Icon: RotateCcw },
  completed: { label: "Completed", className: "text-emerald-600 dark:text-emerald-400", Icon: CheckCircle2 },
  cached: { label: "Cached", className: "text-teal-600 dark:text-teal-400", Icon: Database },
  failed: { label: "Failed", className: "text-red-600 dark:text-red-400", Icon: XCircle },
  cancelled: { label: "Cancelled", className: "text-zinc-500", Icon: Square },
  skipped: { label: "Not run: upstream failed", className: "text-zinc-500", Icon: SkipForward },
};

export function RunStatusLine({ status }: { status: NodeRunStatus }) {
  const look = LOOK[status.phase];
  const elapsed = useElapsed(status.startTime, status.endTime);
  const parts: string[] = [look.label];
  if (status.phase === "retrying" || status.attempt > 1) parts.push(`attempt ${status.attempt} of ${status.maxAttempts}`);
  if (status.total > 1) parts.push(`${status.done}/${status.total} items`);
  return (
    <div className={`flex items-center gap-1 border-t border-zinc-100 px-2.5 pt-1 text-[11px] dark:border-zinc-800 ${look.className}`} data-testid="node-run-status" title={status.message ?? undefined}>
      <look.Icon className={`size-3 shrink-0 ${status.phase === "running" || status.phase === "retrying" ? "animate-spin [animation-duration:1.5s]" : ""}`} aria-hidden />
      <span className="truncate">{parts.join(" · ")}</span>
      {elapsed !== null ? <span className="ml-auto font-mono tabular-nums text-zinc-500">{formatDuration(elapsed)}</span> : null}
    </div>
  );
}
