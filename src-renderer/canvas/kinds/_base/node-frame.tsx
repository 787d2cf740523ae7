/** The card every node kind draws: header (icon, title, kind), then its handle rows. */
import { Handle, Position, useNodeId, useUpdateNodeInternals } from "@xyflow/react";
import { useLayoutEffect, useRef, type ReactNode } from "react";
import type { GraphNode } from "../../../../shared/graph/model.ts";
import { CONTROL_HANDLE } from "../../lib/ports.ts";
import { lookOf } from "../registry.ts";
import { useNodeRunStatus } from "../../../editor/run/live-run-context.tsx";
import { ErrorBadge } from "./error-badge.tsx";
import { PHASE_RING, RunStatusLine } from "./run-status.tsx";
import { HIDDEN_HANDLE, LEFT_HANDLE } from "./handle-row.tsx";
import { DetailContext, shortTitle, useDetail } from "./detail.tsx";
import { useNodeDiagnostics } from "./use-graph-node.ts";

const CONTROL_HANDLE_LOOK = `!h-2.5 !w-2.5 !rotate-45 !rounded-[2px] !border-0 !bg-zinc-300 dark:!bg-zinc-600 ${LEFT_HANDLE}`;

/**
 * Zoomed out, the control handle is not rotated (a rotation is a transform: one more piece per
 * node to layerise on every pan frame). xyflow takes a handle's place from its bounding box
 * (the rotated square's: 10 px × √2, centred on the row) and its size from offsetWidth/Height
 * (10 px); an unrotated 10 px square placed at that box's corner gives it the same numbers.
 */
const BOX_CONTROL_HANDLE = `!h-2.5 !w-2.5 !-mt-[7.071px] !-ml-[7.071px] !transform-none !border-0 ${HIDDEN_HANDLE}`;

/** Node ids to measure again, gathered over one render so xyflow measures them in one pass. */
const toMeasure = new Set<string>();

/**
 * Far out a node draws no handles, and xyflow's ResizeObserver (which measures a node when it
 * mounts or its size changes) recorded none. The card drawn on zooming in has the same size, so
 * nothing tells xyflow: this does, once per node that leaves the box level.
 */
function useMeasureWhenCardShows(box: boolean): void {
  const id = useNodeId();
  const update = useUpdateNodeInternals();
  const wasBox = useRef(box);
  useLayoutEffect(() => {
    const left = wasBox.current && !box;
    wasBox.current = box;
    if (!left || !id) return;
    if (toMeasure.size === 0)
      queueMicrotask(() => {
        const ids = [...toMeasure];
        toMeasure.clear();
        update(ids);
      });
    toMeasure.add(id);
  }, [box, id, update]);
}

export function NodeFrame({ node, selected, subtitle, children }: { node: GraphNode; selected: boolean; subtitle?: string; children?: ReactNode }) {
  const detail = useDetail();
  useMeasureWhenCardShows(detail === "box");
  return (
    <DetailContext.Provider value={detail}>
      {detail === "box" ? (
        <BoxPlaceholder node={node} selected={selected} />
      ) : detail === "full" ? (
        <FullFrame node={node} selected={selected} subtitle={subtitle}>
          {children}
        </FullFrame>
      ) : (
        <BoxFrame node={node} selected={selected}>
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
 * Far out ("box"), a node draws nothing itself: BoxOverview draws every node's box in one <svg>,
 * so a pan moves one layer instead of 1,000 cards. The node keeps its element (same size, from
 * the geometry xyflow was given) for clicks, drags and the selection box, and its data attributes.
 */
function BoxPlaceholder({ node, selected }: { node: GraphNode; selected: boolean }) {
  const status = useNodeRunStatus(node.id);
  return <div data-testid={`node-${node.id}`} data-kind={node.kind} data-selected={selected || undefined} data-run-phase={status?.phase} data-detail="box" className="h-full w-full" />;
}

/**
 * The zoomed-out card ("title"): the same outer size and the same handles in the same boxes
 * (every line keeps its height, with nothing or one unclipped line of text in it), but no icon,
 * labels, clipping or shadow: a colour chip and the title. An error shows as a red border.
 */
function BoxFrame({ node, selected, children }: { node: GraphNode; selected: boolean; children?: ReactNode }) {
  const look = lookOf(node);
  const status = useNodeRunStatus(node.id);
  const hasError = useNodeDiagnostics(node.id).some((d) => d.severity === "error");
  const border = selected ? "border-accent-500 ring-2 ring-accent-500/40" : hasError ? "border-red-500" : "border-zinc-300 dark:border-zinc-700";
  return (
    <div
      data-testid={`node-${node.id}`}
      data-kind={node.kind}
      data-selected={selected || undefined}
      data-run-phase={status?.phase}
      data-detail="title"
      className={`w-60 rounded-lg border bg-white pb-1 dark:bg-zinc-900 ${border} ${status && !selected ? PHASE_RING[status.phase] : ""}`}
    >
      <div className="relative flex items-center gap-2 border-b border-transparent px-2.5 py-2">
        {node.kind !== "input" && <Handle type="target" position={Position.Left} id={CONTROL_HANDLE} className={BOX_CONTROL_HANDLE} />}
        <span className="size-6 shrink-0 rounded-md" style={{ background: look.accent }} />
        <div className="min-w-0 flex-1">
          <div className="whitespace-nowrap text-[13px] font-medium leading-tight">{shortTitle(node.title || "untitled")}</div>
          <div className="text-[10px]">{"\u00a0"}</div>
        </div>
      </div>
      <div className="pt-1">{children}</div>
      {status ? <div className="border-t border-transparent px-2.5 pt-1 text-[11px]">{"\u00a0"}</div> : null}
    </div>
  );
}
