/**
 * Level of detail: zoomed out, a node draws a cheap box of the same size (its colour, at most its
 * title) instead of its card, and edges lose their labels. With 1,000 nodes on screen, every
 * icon, clipped text and shadow is a piece Chromium re-layerises on each pan frame; below about
 * half size their text is unreadable anyway.
 *
 * The selectors only change when the zoom crosses a threshold, so nodes re-render once at the
 * crossing, not on every frame.
 */
import { useStore, type ReactFlowState } from "@xyflow/react";
import { createContext, useContext } from "react";

/** "full": the card; "title": a box with the kind's colour and the title on one line; "box": colour only. */
export type Detail = "full" | "title" | "box";

/** Below this zoom a node is a box with its title. */
export const TITLE_ZOOM = 0.55;
/** Below this zoom a node is a coloured box without text. */
export const BOX_ZOOM = 0.35;

export function detailAt(zoom: number): Detail {
  return zoom < BOX_ZOOM ? "box" : zoom < TITLE_ZOOM ? "title" : "full";
}

const detailOf = (s: ReactFlowState): Detail => detailAt(s.transform[2]);

const noDetail = (): null => null;

/**
 * The level the canvas decided (FlowCanvas provides it): one value for every node, which also
 * holds before xyflow has applied the initial viewport (its store says zoom 1 until then, which
 * would render 1,000 full cards and 2,000 labelled edges once for nothing).
 */
export const CanvasDetailContext = createContext<Detail | null>(null);

/** The canvas's level of detail; re-renders only when it changes. */
export function useDetail(): Detail {
  const decided = useContext(CanvasDetailContext);
  const own = useStore(decided ? noDetail : detailOf);
  return decided ?? own ?? "full";
}

/** The level at the canvas's zoom, or null before xyflow has set up its viewport. */
export const liveDetailOf = (s: ReactFlowState): Detail | null => (s.panZoom ? detailAt(s.transform[2]) : null);

/** The node's level, given by its frame to its rows (one store subscription per node, not per row). */
export const DetailContext = createContext<Detail>("full");

export function useRowDetail(): Detail {
  return useContext(DetailContext);
}

/** A title cut to what fits on a card's line, so the line needs no clipping (no overflow: hidden). */
export function shortTitle(title: string, max = 24): string {
  return title.length > max ? `${title.slice(0, max - 1)}…` : title;
}
