/** The card every node kind draws: header (icon, title, kind), then its handle rows. */
import { Handle, Position } from "@xyflow/react";
import type { ReactNode } from "react";
import type { GraphNode } from "../../../../shared/graph/model.ts";
import { CONTROL_HANDLE } from "../../lib/ports.ts";
import { lookOf } from "../registry.ts";
import { useNodeRunStatus } from "../../../editor/run/live-run-context.tsx";
import { ErrorBadge } from "./error-badge.tsx";
import { PHASE_RING, RunStatusLine } from "./run-status.tsx";
import { HIDDEN_HANDLE, LEFT_HANDLE } from "./handle-row.tsx";
import { DetailContext, shortTitle, useDetail, type Detail } from "./detail.tsx";
import { useNodeDiagnostics } from "./use-graph-node.ts";

const CONTROL_HANDLE_LOOK = `!h-2.5 !w-2.5 !rotate-45 !rounded-[2px] !border-0 !bg-zinc-300 dark:!bg-zinc-600 ${LEFT_HANDLE}`;

/**
 * Zoomed out, the control handle is not rotated (a rotation is a transform: one more piece per
 * node to layerise on every pan frame). xyflow takes a handle's place from its bounding box
 * (the rotated square's: 10 px × √2, centred on the row) and its size from offsetWidth/Height
 * (10 px); an unrotated 10 px square placed at that box's corner gives it the same numbers.
 */
const BOX_CONTROL_HANDLE = `!h-2.5 !w-2.5 !-mt-[7.071px] !-ml-[7.071px] !transform-none !border-0 ${HIDDEN_HANDLE}`;

export function NodeFrame({ node, selected, subtitle, children }: { node: GraphNode; selected: boolean; subtitle?: string; children?: ReactNode }) {
  const detail = useDetail();
  return (
    <DetailContext.Provider value={detail}>
      {detail === "full" ? (
        <FullFrame node={node} selected={selected} subtitle={subtitle}>
          {children}
        </FullFrame>
      ) : (
        <BoxFrame node={node} selected={selected} detail={detail}>
          {children}
        </BoxFrame>
      )}
    </DetailContext.Provider>
  );
}

function FullFrame({ node, selected, subtitle, children }: { node: GraphNode; selected: boolean; subtitle?: string; children?: ReactNode }) {
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
          <Handle type="target" position={Position.Left} id={CONTROL_HANDLE} className={CONTROL_HANDLE_LOOK} title="Run only on a branch path" />
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

/**
 * The zoomed-out card: the same outer size and the same handles in the same boxes (every line
 * keeps its height, with nothing or one unclipped line of text in it), but no icon, labels,
 * clipping or shadow. "box" fills the header with the kind's colour; "title" shows a colour chip
 * and the title. An error shows as a red border.
 */
function BoxFrame({ node, selected, detail, children }: { node: GraphNode; selected: boolean; detail: Exclude<Detail, "full">; children?: ReactNode }) {
  const look = lookOf(node);
  const status = useNodeRunStatus(node.id);
  const hasError = useNodeDiagnostics(node.id).some((d) => d.severity === "error");
  const border = selected ? "border-accent-500 ring-2 ring-accent-500/40" : hasError ? "border-red-500" : "border-zinc-300 dark:border-zinc-700";
  const box = detail === "box";
  return (
    <div
      data-testid={`node-${node.id}`}
      data-kind={node.kind}
      data-selected={selected || undefined}
      data-run-phase={status?.phase}
      data-detail={detail}
      className={`w-60 rounded-lg border bg-white pb-1 dark:bg-zinc-900 ${border} ${status && !selected ? PHASE_RING[status.phase] : ""}`}
    >
      <div className="relative flex items-center gap-2 border-b border-transparent px-2.5 py-2" style={box ? { background: look.accent } : undefined}>
        {node.kind !== "input" && <Handle type="target" position={Position.Left} id={CONTROL_HANDLE} className={BOX_CONTROL_HANDLE} />}
        {box ? null : <span className="size-6 shrink-0 rounded-md" style={{ background: look.accent }} />}
        <div className="min-w-0 flex-1">
          <div className="whitespace-nowrap text-[13px] font-medium leading-tight">{box ? "\u00a0" : shortTitle(node.title || "untitled")}</div>
          <div className="text-[10px]">{"\u00a0"}</div>
        </div>
      </div>
      <div className="pt-1">{children}</div>
      {status ? <div className="border-t border-transparent px-2.5 pt-1 text-[11px]">{"\u00a0"}</div> : null}
    </div>
  );
}
