import { describe, expect, it } from "vitest";
import { flowGraphSchema } from "../../../shared/graph/model.ts";
import { node, sampleGraph, storeOf } from "./store-fixtures.ts";

describe("undo and redo", () => {
  it("walk back and forth through steps, restoring graph and selection; a new change drops the redo steps", () => {
    const { s } = storeOf();
    const g0 = s().graph;
    const a = s().addNode({ kind: "task" }, { x: 0, y: 0 });
    const g1 = s().graph;
    s().renameNode(a, "Load");
    const g2 = s().graph;
    s().undo();
    expect(s().graph).toBe(g1);
    expect(s().selection.nodes).toEqual([a]);
    s().undo();
    expect(s().graph).toBe(g0);
    expect(s().selection.nodes).toEqual([]);
    expect([s().canUndo, s().canRedo]).toEqual([false, true]);
    s().undo();
    expect(s().graph).toBe(g0);
    s().redo();
    s().redo();
    expect(s().graph).toBe(g2);
    expect([s().canUndo, s().canRedo]).toEqual([true, false]);
    s().redo();
    expect(s().graph).toBe(g2);
    s().undo();
    s().deleteNodes(["check"]);
    expect(s().canRedo).toBe(false);
  });

  it("keeps at most the history limit", () => {
    const { s } = storeOf(sampleGraph(), "sample", { historyLimit: 5 });
    for (let i = 0; i < 8; i++) s().moveNodes([{ id: "fetch", position: { x: i, y: i } }]);
    let undos = 0;
    while (s().canUndo) {
      s().undo();
      undos++;
    }
    expect(undos).toBe(5);
    expect(node(s, "fetch").position).toEqual({ x: 2, y: 2 });
  });

  it("keeps 200 steps by default", () => {
    const { s } = storeOf();
    for (let i = 0; i < 250; i++) s().moveNodes([{ id: "fetch", position: { x: i, y: 0 } }]);
    let undos = 0;
    for (; s().canUndo; undos++) s().undo();
    expect(undos).toBe(200);
  });
});

describe("dirty", () => {
  it("is false when opened, true after an edit, false again after undoing it", () => {
    const { s } = storeOf();
    expect(s().dirty).toBe(false);
    expect(s().savedGraph).toBe(s().graph);
    s().renameNode("fetch", "Get");
    expect(s().dirty).toBe(true);
    s().undo();
    expect(s().dirty).toBe(false);
    s().redo();
    expect(s().dirty).toBe(true);
  });

  it("compares by value: editing back to the saved graph is clean", () => {
    const { s } = storeOf();
    s().renameNode("fetch", "Get");
    s().renameNode("fetch", "Fetch");
    expect(s().dirty).toBe(false);
    s().moveNodes([{ id: "parse", position: { x: 1, y: 1 } }], { final: false });
    expect(s().dirty).toBe(true);
    s().moveNodes([{ id: "parse", position: { x: 400, y: 0 } }], { final: false });
    expect(s().dirty).toBe(false);
  });

  it("a new document has no saved graph and is clean until its first edit", () => {
    const { s } = storeOf(flowGraphSchema.parse({ name: "New flow" }), null);
    expect(s().savedGraph).toBeNull();
    expect(s().dirty).toBe(false);
    s().addNode({ kind: "task" }, { x: 0, y: 0 });
    expect(s().dirty).toBe(true);
    s().undo();
    expect(s().dirty).toBe(false);
  });

  it("markSaved makes the current graph (or the one given) the clean one", () => {
    const { s } = storeOf(flowGraphSchema.parse({ name: "New flow" }), null);
    s().addNode({ kind: "task" }, { x: 0, y: 0 });
    const saved = s().graph;
    s().markSaved({ flowId: "new-flow", updatedAt: 5 });
    expect(s()).toMatchObject({ flowId: "new-flow", updatedAt: 5, savedGraph: saved, dirty: false, canUndo: true });
    s().renameNode(s().graph.nodes[0]!.id, "Later");
    // A save that began before the rename: the open graph keeps the rename and stays dirty.
    s().markSaved({ flowId: "new-flow", updatedAt: 6, graph: saved });
    expect(s()).toMatchObject({ updatedAt: 6, savedGraph: saved, dirty: true });
    s().undo();
    expect(s().dirty).toBe(false);
  });
});

describe("replaceGraph", () => {
  it("is one undoable step by default", () => {
    const { s } = storeOf();
    const before = s().graph;
    const other = sampleGraph({ name: "Other" });
    s().select({ nodes: ["check", "fetch"] });
    s().replaceGraph(flowGraphSchema.parse({ name: "Other", nodes: [{ id: "fetch", kind: "task", title: "x", position: { x: 0, y: 0 } }] }));
    expect(s().selection.nodes).toEqual(["fetch"]);
    expect(s().dirty).toBe(true);
    s().undo();
    expect(s().graph).toBe(before);
    s().replaceGraph(other, { resetHistory: true });
    expect(s().graph).toBe(other);
    expect([s().canUndo, s().canRedo]).toEqual([false, false]);
  });
});

describe("selection", () => {
  it("select replaces, or adds with additive; selectAll and clearSelection", () => {
    const { s } = storeOf();
    s().select({ nodes: ["fetch"] });
    expect(s().selection).toEqual({ nodes: ["fetch"], edges: [] });
    s().select({ nodes: ["parse", "fetch"], edges: ["fetch->parse:rows"] }, { additive: true });
    expect(s().selection).toEqual({ nodes: ["fetch", "parse"], edges: ["fetch->parse:rows"] });
    const same = s().selection;
    s().select({ nodes: ["fetch", "parse"], edges: ["fetch->parse:rows"] });
    expect(s().selection).toBe(same);
    s().selectAll();
    expect(s().selection.nodes).toEqual(["in", "fetch", "parse", "check", "out"]);
    expect(s().selection.edges).toEqual(["in->fetch:url", "fetch->parse:rows", "parse->out:result"]);
    s().clearSelection();
    expect(s().selection).toEqual({ nodes: [], edges: [] });
    expect(s().canUndo).toBe(false);
  });
});

describe("setDiagnostics", () => {
  it("replaces one source's diagnostics and groups all by node, keeping unchanged lists", () => {
    const { s } = storeOf();
    s().setDiagnostics("typescript", [
      { nodeId: "fetch", severity: "error", message: "a", line: 1, column: 2, source: "typescript" },
      { nodeId: "parse", severity: "warning", message: "b", source: "typescript" },
    ]);
    s().setDiagnostics("graph", [{ nodeId: "fetch", severity: "error", message: "c", source: "graph" }]);
    expect(s().diagnostics.fetch!.map((d) => d.message)).toEqual(["a", "c"]);
    const parse = s().diagnostics.parse;
    s().setDiagnostics("typescript", [
      { nodeId: "fetch", severity: "error", message: "a2", source: "typescript" },
      { nodeId: "parse", severity: "warning", message: "b", source: "typescript" },
    ]);
    expect(s().diagnostics.fetch!.map((d) => d.message)).toEqual(["a2", "c"]);
    expect(s().diagnostics.parse).toBe(parse);
    s().setDiagnostics("typescript", []);
    expect(Object.keys(s().diagnostics)).toEqual(["fetch"]);
    expect(s().canUndo).toBe(false);
  });
});
