/** The card every node kind draws: header (icon, title, kind), then its handle rows. */
import { Handle, Position } from "@xyflow/react";
import type { ReactNode } from "react";
import type { GraphNode } from "../../../../shared/graph/model.ts";
import { CONTROL_HANDLE } from "../../lib/ports.ts";
import { lookOf } from "../registry.ts";
import { useNodeRunStatus } from "../../../editor/run/live-run-context.tsx";
import { ErrorBadge } from "./error-badge.tsx";
import { PHASE_RING, RunStatusLine } from "./run-status.tsx";
import { LEFT_HANDLE } from "./handle-row.tsx";

export function NodeFrame({ node, selected, subtitle, children }: { node: GraphNode; selected: boolean; subtitle?: string; children?: ReactNode }) {
  const look = lookOf(node);
  const Icon = look.icon;
  const status = useNodeRunStatus(node.id);
  return (
    <div
      data-testid={`node-${node.id}`}
      data-kind={node.kind}
      data-selected={selected || undefined}
      data-run-phase={status?.phase}
      className={`w-60 rounded-lg border bg-white pb-1 shadow-sm dark:bg-zinc-900 ${
        selected ? "border-accent-500 ring-2 ring-accent-500/40" : "border-zinc-300 dark:border-zinc-700"
      } ${status && !selected ? PHASE_RING[status.phase] : ""}`}
    >
      <div className="relative flex items-center gap-2 border-b border-zinc-100 px-2.5 py-2 dark:border-zinc-800">
        {/* Where a branch's then/else wire lands: the whole node runs on that path. */}
        {node.kind !== "input" && (
          <Handle type="target" position={Position.Left} id={CONTROL_HANDLE} className={`!h-2.5 !w-2.5 !rotate-45 !rounded-[2px] !border-0 !bg-zinc-300 dark:!bg-zinc-600 ${LEFT_HANDLE}`} title="Run only on a branch path" />
        )}
        <span className="flex size-6 shrink-0 items-center justify-center rounded-md text-white" style={{ background: look.accent }}>
          <Icon className="size-3.5" aria-hidden />
        </span>
        <div className="min-w-0 flex-1">
          <div className="truncate text-[13px] font-medium leading-tight" title={node.title}>
            {node.title || <span className="italic text-zinc-400">untitled</span>}
          </div>
          <div className="truncate text-[10px] uppercase tracking-wide text-zinc-400 dark:text-zinc-500">{subtitle ?? look.label}</div>
        </div>
        <ErrorBadge id={node.id} />
      </div>
      <div className="pt-1">{children}</div>
      {status ? <RunStatusLine status={status} /> : null}
    </div>
  );
}
