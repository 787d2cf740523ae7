/**
 * The contract of one open flow document's store: what the canvas, the
 * inspector and the toolbar read and the actions they call. Actions are named
 * for the user's intent. The graph stays plain serialisable data (no callbacks),
 * and every change to it is one undoable step.
 */
import type { FlowGraph, FlowGraphOptions, FlowParam, GraphEdge, GraphNode, Port, TaskGraphOptions, TemplateId } from "../../../shared/graph/model.ts";

export type XY = { x: number; y: number };

/** What the palette can add. */
export type PaletteItem =
  | { kind: "task" }
  | { kind: "template"; template: TemplateId }
  | { kind: "map" }
  | { kind: "branch" }
  | { kind: "subflow"; flow: string; title?: string }
  | { kind: "input"; param?: string }
  | { kind: "output" };

/** A connection the user is making: a data edge to a named input, or a branch path. */
export type ConnectRequest =
  | { source: string; target: string; input: string }
  | { source: string; target: string; when: "then" | "else" };

export type ConnectResult = { ok: true } | { ok: false; reason: string };

export interface Selection {
  nodes: readonly string[];
  /** Edge ids as `edgeId()` makes them. */
  edges: readonly string[];
}

/** A diagnostic shown on a node (error badge) and in the inspector, from Monaco or validation. */
export interface NodeDiagnostic {
  nodeId: string;
  severity: "error" | "warning";
  message: string;
  /** 1-based, in the node's code. */
  line?: number;
  column?: number;
  source: "typescript" | "graph";
}

export interface DocumentState {
  /** The flow's file id in the workspace; null until first saved. */
  flowId: string | null;
  /** The file's updatedAt when it was opened or last saved (for the save conflict check). */
  updatedAt: number | null;
  graph: FlowGraph;
  /** The graph as last saved (or opened); `dirty` is graph !== savedGraph by value. */
  savedGraph: FlowGraph | null;
  dirty: boolean;
  selection: Selection;
  /** Diagnostics per node id, replaced per source as they arrive. */
  diagnostics: Readonly<Record<string, readonly NodeDiagnostic[]>>;
  canUndo: boolean;
  canRedo: boolean;
}

export interface DocumentActions {
  addNode(item: PaletteItem, position: XY): string;
  /** Drag: pass `final: false` while moving and `true` on drop; one drag is one undo step. */
  moveNodes(moves: ReadonlyArray<{ id: string; position: XY }>, options?: { final?: boolean }): void;
  deleteNodes(ids: readonly string[]): void;
  deleteEdges(edgeIds: readonly string[]): void;
  /** Deletes whatever is selected. */
  deleteSelection(): void;
  /** Refuses type mismatches, cycles, duplicates and unknown ports, with the reason in words. */
  connect(request: ConnectRequest): ConnectResult;
  /** The same check, without changing anything (for hover feedback while dragging an edge). */
  checkConnection(request: ConnectRequest): ConnectResult;
  renameNode(id: string, title: string): void;
  /** Typing merges into one undo step per node while edits keep coming (within about a second). */
  updateNodeCode(id: string, code: string): void;
  updateNodeOptions(id: string, patch: Partial<TaskGraphOptions>): void;
  setNodeInputs(id: string, inputs: readonly Port[]): void;
  setNodeOutputType(id: string, type: string | undefined): void;
  /** For input nodes: which parameter; for subflow nodes: which flow. */
  updateNodeTarget(id: string, target: string): void;
  updateFlowMeta(patch: { name?: string; description?: string | undefined; header?: string }): void;
  updateFlowOptions(patch: Partial<FlowGraphOptions>): void;
  addParam(param?: Partial<FlowParam>): void;
  updateParam(index: number, patch: Partial<FlowParam>): void;
  removeParam(index: number): void;
  select(selection: Partial<Selection>, options?: { additive?: boolean }): void;
  selectAll(): void;
  clearSelection(): void;
  /** The selection as clipboard text (JSON with a marker), or null if nothing is selected. */
  copySelection(): string | null;
  /** Pastes clipboard text from any flow: new ids, titles made unique, edges among pasted nodes kept; selects the result. */
  paste(text: string, at?: XY): string[];
  duplicateSelection(): string[];
  /** Positions from auto-layout, as one undo step. */
  applyLayout(positions: ReadonlyMap<string, XY>): void;
  /** Replaces the whole graph (import, reload from disk); undoable unless `resetHistory`. */
  replaceGraph(graph: FlowGraph, options?: { resetHistory?: boolean }): void;
  /** After a save or open: the document is clean at this graph. */
  markSaved(info: { flowId: string; updatedAt: number; graph?: FlowGraph }): void;
  setDiagnostics(source: NodeDiagnostic["source"], diagnostics: readonly NodeDiagnostic[]): void;
  undo(): void;
  redo(): void;
}

export type DocumentStore = DocumentState & DocumentActions;

export type { FlowGraph, GraphNode, GraphEdge };
