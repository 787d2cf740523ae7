/**
 * A node's size and handle boxes, computed from what its card shows instead of measured in the
 * DOM. xyflow measures every node it has no size and handle boxes for (a ResizeObserver, then
 * getBoundingClientRect on each handle) and renders all of them, wherever they are, until it
 * has: with 1,000 nodes that is a layout of every full card before the first useful frame.
 *
 * The card's layout is fixed (kinds/_base/node-frame.tsx, handle-row.tsx): 240 px wide, a
 * 58.25 px frame (border, a two-line header, padding), one 24 px row per handle, plus a 21.5 px
 * line while a run status shows. The numbers below are what xyflow measures on those cards
 * (checked in the browser at zoom 1), so wires land exactly where they did.
 */
import type { NodeHandle } from "@xyflow/react";
import { Position } from "@xyflow/react";
import type { GraphNode } from "../../../shared/graph/model.ts";
import { CONTROL_HANDLE, NEW_INPUT_HANDLE, OUT_HANDLE } from "./ports.ts";

export const NODE_WIDTH = 240;
/** Border, header (two lines, its bottom border) and the rows' padding. */
const FRAME_HEIGHT = 58.25;
export const ROW_HEIGHT = 24;
/** The first row's top, from the card's top edge (border, header, padding). */
export const FIRST_ROW_TOP = 53.25;
/** The run status line: border, padding and one 11 px line. */
const STATUS_HEIGHT = 21.5;
/** Header height inside the card's border: the box level fills it with the kind's colour. */
export const HEADER_HEIGHT = 48.25;
const HANDLE_SIZE = 10;
/** The control handle is a 10 px square turned 45°: xyflow reads its rotated bounding box's corner. */
const CONTROL_X = -6.07;
const CONTROL_Y = 17.55;

export interface NodeGeometry {
  width: number;
  height: number;
  handles: NodeHandle[];
}

/** Handle ids down the card: target rows first (named inputs, then "add input"), then sources. */
export interface NodeRows {
  targets: readonly string[];
  sources: readonly string[];
  control: boolean;
}

/** The rows a node's card draws (see each kind's node.tsx); `openInputs` are output/subflow inputs named by wires. */
export function rowsOf(node: GraphNode, openInputs: readonly string[]): NodeRows {
  switch (node.kind) {
    case "task":
    case "map":
      return { targets: node.inputs.map((p) => p.name), sources: [OUT_HANDLE], control: true };
    case "branch":
      return { targets: node.inputs.map((p) => p.name), sources: ["then", "else"], control: true };
    case "input":
      return { targets: [], sources: [OUT_HANDLE], control: false };
    case "output":
      return { targets: [...openInputs, NEW_INPUT_HANDLE], sources: [], control: true };
    case "subflow":
      return { targets: [...openInputs, NEW_INPUT_HANDLE], sources: [OUT_HANDLE], control: true };
  }
}

export function nodeGeometry(rows: NodeRows, withStatus: boolean): NodeGeometry {
  const handles: NodeHandle[] = [];
  if (rows.control) handles.push({ id: CONTROL_HANDLE, type: "target", position: Position.Left, x: CONTROL_X, y: CONTROL_Y, width: HANDLE_SIZE, height: HANDLE_SIZE });
  let row = 0;
  const top = () => FIRST_ROW_TOP + row++ * ROW_HEIGHT + (ROW_HEIGHT - HANDLE_SIZE) / 2;
  for (const id of rows.targets) handles.push({ id, type: "target", position: Position.Left, x: -HANDLE_SIZE / 2 + 1, y: top(), width: HANDLE_SIZE, height: HANDLE_SIZE });
  for (const id of rows.sources) handles.push({ id, type: "source", position: Position.Right, x: NODE_WIDTH - HANDLE_SIZE / 2 - 1, y: top(), width: HANDLE_SIZE, height: HANDLE_SIZE });
  const height = Math.round(FRAME_HEIGHT + row * ROW_HEIGHT + (withStatus ? STATUS_HEIGHT : 0));
  return { width: NODE_WIDTH, height, handles };
}
