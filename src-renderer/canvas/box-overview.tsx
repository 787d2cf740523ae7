/**
 * Far out (below BOX_ZOOM), every node's box is drawn here, in one <svg> with a <path> per look
 * (the cards, each kind's header colour, errors, run phases, the selection), and the nodes'
 * own elements are empty (kinds/_base/node-frame.tsx). 1,000 cards of a dozen elements each are
 * thousands of pieces Chromium paints and layerises on every pan frame; a few paths are not.
 *
 * The box is what the card's "box" level drew: the card (white, grey border) with its header
 * filled with the kind's colour. Rings and the selection keep 2 px on screen, so they show at fit view.
 */
import { EdgeLabelRenderer } from "@xyflow/react";
import { useMemo } from "react";
import type { NodeKind } from "../../shared/graph/model.ts";
import type { NodeRunPhase } from "../editor/run/node-status.ts";
import { useRunStatuses } from "../editor/run/live-run-context.tsx";
import { useDocument } from "../editor/store/context.tsx";
import type { NodeDiagnostic } from "../editor/store/types.ts";
import { KINDS } from "./kinds/registry.ts";
import { HEADER_HEIGHT } from "./lib/geometry.ts";
import type { CanvasNode } from "./lib/to-flow.ts";

/** Tailwind classes as literals, so Tailwind emits them. */
const PHASE_STROKE: Record<NodeRunPhase, string> = {
  pending: "stroke-zinc-300 dark:stroke-zinc-600",
  running: "stroke-sky-500",
  retrying: "stroke-amber-500",
  completed: "stroke-emerald-500",
  cached: "stroke-teal-500",
  failed: "stroke-red-500",
  cancelled: "stroke-zinc-400",
  skipped: "stroke-zinc-300 dark:stroke-zinc-700",
};
const KIND_ORDER = Object.keys(KINDS) as NodeKind[];

const rect = (x: number, y: number, w: number, h: number) => `M${x} ${y}h${w}v${h}h${-w}z`;

function hasError(diagnostics: readonly NodeDiagnostic[] | undefined): boolean {
  return !!diagnostics?.some((d) => d.severity === "error");
}

export function BoxOverview({ nodes }: { nodes: readonly CanvasNode[] }) {
  const diagnostics = useDocument((s) => s.diagnostics);
  const statuses = useRunStatuses();
  const paths = useMemo(() => {
    const cards: string[] = [];
    const headers = new Map<NodeKind, string[]>();
    const errors: string[] = [];
    const selected: string[] = [];
    const phases = new Map<NodeRunPhase, string[]>();
    for (const n of nodes) {
      const { x, y } = n.position;
      const w = n.width ?? 0;
      const h = n.height ?? 0;
      const kind = n.type.slice(3) as NodeKind;
      const outline = rect(x, y, w, h);
      cards.push(outline);
      let list = headers.get(kind);
      if (!list) headers.set(kind, (list = []));
      list.push(rect(x + 1, y + 1, w - 2, HEADER_HEIGHT));
      if (n.selected) selected.push(outline);
      else {
        if (hasError(diagnostics[n.id])) errors.push(outline);
        const phase = statuses.get(n.id)?.phase;
        if (phase) {
          let ring = phases.get(phase);
          if (!ring) phases.set(phase, (ring = []));
          ring.push(outline);
        }
      }
    }
    return { cards: cards.join(""), headers, errors: errors.join(""), selected: selected.join(""), phases };
  }, [nodes, diagnostics, statuses]);
  return (
    <EdgeLabelRenderer>
      <svg className="pointer-events-none absolute left-0 top-0 overflow-visible" width={1} height={1} data-testid="box-overview" aria-hidden>
        <path d={paths.cards} className="fill-white stroke-zinc-300 dark:fill-zinc-900 dark:stroke-zinc-700" strokeWidth={1} />
        {KIND_ORDER.map((kind) => {
          const list = paths.headers.get(kind);
          return list ? <path key={kind} d={list.join("")} fill={KINDS[kind].accent} /> : null;
        })}
        {[...paths.phases].map(([phase, list]) => (
          <path key={phase} d={list.join("")} fill="none" className={PHASE_STROKE[phase]} strokeWidth={2} vectorEffect="non-scaling-stroke" />
        ))}
        {paths.errors ? <path d={paths.errors} fill="none" className="stroke-red-500" strokeWidth={2} vectorEffect="non-scaling-stroke" /> : null}
        {paths.selected ? <path d={paths.selected} fill="none" className="stroke-accent-500" strokeWidth={2} vectorEffect="non-scaling-stroke" /> : null}
      </svg>
    </EdgeLabelRenderer>
  );
}
