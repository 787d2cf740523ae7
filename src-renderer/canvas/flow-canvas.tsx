/**
 * The document's graph on an xyflow canvas, controlled by the store: every
 * change goes through a store action and comes back as new props.
 *
 * Mouse (n8n's habits): left-drag on the pane draws a selection box, middle or
 * right drag pans (or Space + drag), the wheel pans and Ctrl/⌘ + wheel zooms;
 * Shift/Ctrl/⌘-click adds to the selection; Delete or Backspace deletes it.
 */
import {
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnConnectEnd,
  type OnDelete,
  type Viewport,
} from "@xyflow/react";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from "react";
import { useDocument, useDocumentStoreApi } from "../editor/store/context.tsx";
import type { PaletteItem } from "../editor/store/types.ts";
import { ConnectionToast, type Refusal } from "./connection-toast.tsx";
import { BoxOverview } from "./box-overview.tsx";
import { CanvasDetailContext, detailAt, liveDetailOf } from "./kinds/_base/detail.tsx";
import { EmptyState } from "./empty-state.tsx";
import { nodeTypes } from "./kinds/node-types.ts";
import { PALETTE_DRAG_TYPE, readPaletteDrag } from "./lib/palette-items.ts";
import { FIT_MAX_ZOOM, FIT_PADDING, MIN_ZOOM, openingViewport } from "./lib/opening-view.ts";
import { GRID } from "./lib/placement.ts";
import { connectRequest } from "./lib/ports.ts";
import { applySelectChanges, deletionPlan } from "./lib/selection.ts";
import type { CanvasEdge, CanvasNode } from "./lib/to-flow.ts";
import { CanvasProvider, useInsideCanvasProvider } from "./provider.tsx";
import { OverviewMap } from "./overview-map.tsx";
import { QuickAdd, type QuickAddAt } from "./quick-add.tsx";
import { useAddNode } from "./use-add-node.ts";
import { markCanvasActive, setViewportMoving } from "./viewport-motion.ts";
import { useCanvasModel } from "./use-canvas-model.ts";
import { useGivenGeometry } from "./use-given-geometry.ts";
import { WireOverview } from "./wire-overview.tsx";

const SNAP_GRID: [number, number] = [GRID, GRID];
const PAN_BUTTONS = [1, 2];
const MULTI_SELECT_KEYS = ["Shift", "Meta", "Control"];
const DELETE_KEYS = ["Delete", "Backspace"];
const ZOOM_KEYS = ["Meta", "Control"];
const FIT_VIEW_OPTIONS = { padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM };
/** Dark-theme values for the xyflow variables the app's stylesheet leaves at their light defaults. */
const DARK_VARS =
  "dark:[--xy-edge-label-background-color:#18181b] dark:[--xy-edge-label-color:#d4d4d8] dark:[--xy-minimap-mask-background-color:rgb(9_9_11/0.6)] dark:[--xy-attribution-background-color:transparent]";

/**
 * Zoomed out, xyflow gets no edges at all (WireOverview draws them): even hidden, each of 2,000
 * edges is a component whose store selector computes its path on every pan frame.
 */
const NO_EDGES: CanvasEdge[] = [];
/**
 * Far out, where nodes are empty boxes (BoxOverview draws them), every node stays rendered rather
 * than only those on screen: a pan then changes nothing but the viewport's transform, where culling
 * mounted and unmounted the nodes crossing the edge, re-rendering the node list and re-rastering
 * the viewport's layer on most frames. Past this many nodes culling is kept even there: a zoom
 * crossing into box detail would mount every node at once, a long frame of its own.
 */
const UNCULLED_BOXES = 1500;

// Background work (the flow's type-check) waits while the view pans or zooms.
const onMoveStart = () => setViewportMoving(true);
const onMoveEnd = () => setViewportMoving(false);

export function FlowCanvas({ className = "" }: { className?: string }) {
  const inside = useInsideCanvasProvider();
  const canvas = <Canvas className={className} />;
  return inside ? canvas : <CanvasProvider>{canvas}</CanvasProvider>;
}

function pointerOf(event: MouseEvent | TouchEvent): { x: number; y: number } {
  const p = "changedTouches" in event ? event.changedTouches[0] : event;
  return { x: p?.clientX ?? 0, y: p?.clientY ?? 0 };
}

function Canvas({ className }: { className: string }) {
  const doc = useDocumentStoreApi();
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const addNode = useAddNode();
  const { nodes, edges, applyDimensions } = useCanvasModel();
  useGivenGeometry();
  // A canvas closed mid-pan never sends onMoveEnd.
  useEffect(() => () => setViewportMoving(false), []);
  // Zoomed out, the wires are drawn by WireOverview (one <svg>), not one by one by xyflow;
  // further out the nodes' boxes too (BoxOverview).
  // The canvas is first rendered at the fitted view, computed once the pane has a size
  // (lib/opening-view.ts): a big flow then renders its nodes once, as boxes, and its wires as one
  // overview, instead of at xyflow's zoom 1 and again after the fit. fitView still runs, to the same view.
  const wrapper = useRef<HTMLDivElement>(null);
  const openingNodes = useRef(nodes);
  const [initialViewport, setInitialViewport] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    const box = wrapper.current?.getBoundingClientRect();
    setInitialViewport(openingViewport(openingNodes.current, box?.width ?? 0, box?.height ?? 0));
  }, []);
  const detail = useStore(liveDetailOf) ?? detailAt(initialViewport?.zoom ?? 1);
  // Background work waiting for a still view counts from the flow being drawn (its first render is
  // busy enough) and from the user's last use of the canvas.
  useEffect(() => {
    if (initialViewport) markCanvasActive();
  }, [initialViewport]);
  const zoomedOut = detail !== "full";
  const shownEdges = zoomedOut ? NO_EDGES : edges;
  const cullNodes = detail !== "box" || nodes.length > UNCULLED_BOXES;
  const empty = useDocument((s) => s.graph.nodes.length === 0);
  const lastRefusal = useRef<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [quickAdd, setQuickAdd] = useState<QuickAddAt | null>(null);
  const clearRefusal = useCallback(() => setRefusal(null), []);
  const closeQuickAdd = useCallback(() => setQuickAdd(null), []);
  const onPaneClick = useCallback(() => {
    setQuickAdd(null);
    // A pane click unselects everything; zoomed out xyflow holds no edges to unselect, so the wires are done here.
    const state = doc.getState();
    if (zoomedOut && state.selection.edges.length) state.select({ ...state.selection, edges: [] });
  }, [doc, zoomedOut]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const state = doc.getState();
      const moves: { id: string; position: { x: number; y: number } }[] = [];
      let final = false;
      for (const c of changes) {
        if (c.type === "position" && c.position) {
          moves.push({ id: c.id, position: c.position });
          if (!c.dragging) final = true;
        }
      }
      if (moves.length) state.moveNodes(moves, { final });
      const selection = applySelectChanges(state.selection, "nodes", changes);
      if (selection) state.select(selection);
      applyDimensions(changes);
      // Removal arrives in onDelete, nodes and edges together, so one key press is one undo step.
    },
    [doc, applyDimensions],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      const state = doc.getState();
      const selection = applySelectChanges(state.selection, "edges", changes);
      if (selection) state.select(selection);
    },
    [doc],
  );

  const onDelete: OnDelete<CanvasNode, CanvasEdge> = useCallback(
    ({ nodes: gone, edges: goneEdges }) => {
      const state = doc.getState();
      const plan = deletionPlan(state.selection, gone.map((n) => n.id), goneEdges.map((e) => e.id), state.graph.edges);
      if (plan.selection) return state.deleteSelection();
      if (plan.nodes.length) state.deleteNodes(plan.nodes);
      if (plan.edges.length) state.deleteEdges(plan.edges);
    },
    [doc],
  );

  const isValidConnection: IsValidConnection<CanvasEdge> = useCallback(
    (c) => {
      const state = doc.getState();
      const asked = connectRequest(state.graph, c);
      const result = asked.ok ? state.checkConnection(asked.request) : asked;
      lastRefusal.current = result.ok ? null : result.reason;
      return result.ok;
    },
    [doc],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const state = doc.getState();
      const asked = connectRequest(state.graph, c);
      const result = asked.ok ? state.connect(asked.request) : asked;
      lastRefusal.current = result.ok ? null : result.reason;
    },
    [doc],
  );

  const onConnectEnd: OnConnectEnd = useCallback((event, connection) => {
    const reason = lastRefusal.current;
    lastRefusal.current = null;
    // isValid is null when the wire was dropped away from any handle: nothing was refused.
    if (reason && connection.isValid !== null) setRefusal({ reason, ...pointerOf(event), at: Date.now() });
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const item = readPaletteDrag(e.dataTransfer.getData(PALETTE_DRAG_TYPE));
      if (!item) return;
      e.preventDefault();
      addNode(item, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [addNode, flow],
  );

  const onDoubleClick = useCallback(
    (e: ReactMouseEvent) => {
      const box = wrapper.current?.getBoundingClientRect();
      if (!box || !(e.target instanceof Element) || !e.target.classList.contains("react-flow__pane")) return;
      const left = Math.min(e.clientX - box.left, box.width - 296);
      const top = Math.min(e.clientY - box.top, box.height - 392);
      setQuickAdd({ left: Math.max(8, left), top: Math.max(8, top), flow: flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }) });
    },
    [flow],
  );

  const pickQuickAdd = useCallback(
    (item: PaletteItem) => {
      if (quickAdd) addNode(item, quickAdd.flow);
      setQuickAdd(null);
    },
    [addNode, quickAdd],
  );

  return (
    <div
      ref={wrapper}
      className={`relative h-full w-full ${DARK_VARS} ${className}`}
      onDoubleClick={onDoubleClick}
      onPointerMoveCapture={markCanvasActive}
      onWheelCapture={markCanvasActive}
      onKeyDownCapture={markCanvasActive}
    >
      <CanvasDetailContext.Provider value={detail}>
        {initialViewport && (
          <ReactFlow<CanvasNode, CanvasEdge>
            data-testid="flow-canvas"
            nodes={nodes}
            edges={shownEdges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onDelete={onDelete}
            onConnect={onConnect}
            isValidConnection={isValidConnection}
            onConnectEnd={onConnectEnd}
            onDragOver={onDragOver}
            onDrop={onDrop}
            onPaneClick={onPaneClick}
            onMoveStart={onMoveStart}
            onMoveEnd={onMoveEnd}
            defaultViewport={initialViewport}
            fitView
            fitViewOptions={FIT_VIEW_OPTIONS}
            minZoom={MIN_ZOOM}
            maxZoom={2}
            snapToGrid
            snapGrid={SNAP_GRID}
            onlyRenderVisibleElements={cullNodes}
            selectionOnDrag
            panOnDrag={PAN_BUTTONS}
            panOnScroll
            zoomActivationKeyCode={ZOOM_KEYS}
            multiSelectionKeyCode={MULTI_SELECT_KEYS}
            deleteKeyCode={DELETE_KEYS}
            zoomOnDoubleClick={false}
          >
            {zoomedOut ? <WireOverview edges={edges} /> : null}
            {detail === "box" ? <BoxOverview nodes={nodes} /> : null}
            {/* Far out the dots would be a couple of pixels apart: noise, and a full-pane raster on every pan frame. */}
            {detail === "box" ? null : <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} />}
            <OverviewMap nodes={nodes} className="!rounded-md !border !border-zinc-200 dark:!border-zinc-700" />
            <Controls showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS} />
          </ReactFlow>
        )}
      </CanvasDetailContext.Provider>
      {empty && <EmptyState onAddTask={() => addNode({ kind: "task" })} />}
      {quickAdd && <QuickAdd at={quickAdd} onPick={pickQuickAdd} onClose={closeQuickAdd} />}
      <ConnectionToast refusal={refusal} onDone={clearRefusal} />
    </div>
  );
}
