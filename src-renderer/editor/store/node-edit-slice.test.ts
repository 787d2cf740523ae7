import { describe, expect, it } from "vitest";
import { validateGraph } from "../../../shared/graph/validate/index.ts";
import { node, sampleGraph, storeOf } from "./store-fixtures.ts";
import type { DocumentStore } from "./types.ts";

function undoable(s: () => DocumentStore, act: () => void): void {
  const before = s().graph;
  const beforeValue = structuredClone(before);
  act();
  const after = s().graph;
  const afterValue = structuredClone(after);
  expect(after).not.toBe(before);
  s().undo();
  expect(s().graph).toBe(before);
  expect(s().graph).toEqual(beforeValue);
  s().redo();
  expect(s().graph).toBe(after);
  expect(s().graph).toEqual(afterValue);
}

describe("updateNodeCode", () => {
  it("merges typing into one step per node while edits keep coming within a second", () => {
    const { s, clock } = storeOf();
    const start = s().graph;
    for (const code of ["r", "re", "ret", "retu"]) {
      s().updateNodeCode("fetch", code);
      clock.t += 400;
    }
    clock.t += 1200;
    s().updateNodeCode("fetch", "return 1;");
    expect(node(s, "fetch")).toMatchObject({ code: "return 1;" });
    s().undo();
    expect(node(s, "fetch")).toMatchObject({ code: "retu" });
    s().undo();
    expect(s().graph).toBe(start);
    expect(s().canUndo).toBe(false);
  });

  it("starts a new step for another node, after another change and after undo", () => {
    const { s } = storeOf();
    s().updateNodeCode("fetch", "a");
    s().updateNodeCode("parse", "b");
    s().updateNodeCode("fetch", "c");
    s().undo();
    expect(node(s, "fetch")).toMatchObject({ code: "a" });
    expect(node(s, "parse")).toMatchObject({ code: "b" });
    s().updateNodeCode("fetch", "d");
    s().updateNodeCode("fetch", "e");
    s().undo();
    expect(node(s, "fetch")).toMatchObject({ code: "a" });
  });

  it("ignores nodes without code and unchanged code", () => {
    const { s } = storeOf();
    const graph = s().graph;
    s().updateNodeCode("out", "x");
    s().updateNodeCode("fetch", "return url;");
    expect(s().graph).toBe(graph);
    expect(s().canUndo).toBe(false);
  });
});

describe("renameNode", () => {
  it("stores the title as typed, one step while typing; validation reports a clash", () => {
    const { s } = storeOf();
    undoable(s, () => s().renameNode("parse", "Fetch"));
    expect(node(s, "parse").title).toBe("Fetch");
    expect(validateGraph(s().graph).problems.some((p) => p.code === "name-clash" && p.nodeId === "parse")).toBe(true);
    const { s: t } = storeOf();
    const start = t().graph;
    for (const title of ["P", "Pa", "Par"]) t().renameNode("parse", title);
    t().undo();
    expect(t().graph).toBe(start);
  });
});

describe("node settings", () => {
  it("updateNodeOptions merges options and clears those set to undefined", () => {
    const { s } = storeOf();
    undoable(s, () => s().updateNodeOptions("fetch", { retries: 3, timeoutMs: 500 }));
    expect(node(s, "fetch")).toMatchObject({ options: { retries: 3, timeoutMs: 500 } });
    undoable(s, () => s().updateNodeOptions("fetch", { retries: undefined }));
    expect(node(s, "fetch")).toMatchObject({ options: { timeoutMs: 500 } });
    expect("retries" in (node(s, "fetch") as { options: object }).options).toBe(false);
  });

  it("setNodeInputs keeps edges of kept inputs, follows a rename and drops edges of removed ones", () => {
    const { s } = storeOf();
    undoable(s, () => s().setNodeInputs("parse", [{ name: "text", type: "string" }, { name: "extra", optional: true }]));
    expect(node(s, "parse")).toMatchObject({ inputs: [{ name: "text", type: "string" }, { name: "extra", optional: true }] });
    expect(s().graph.edges).toContainEqual({ source: "fetch", target: "parse", input: "text" });
    undoable(s, () => s().setNodeInputs("parse", [{ name: "extra", optional: true }]));
    expect(s().graph.edges.some((e) => e.target === "parse")).toBe(false);
    const graph = s().graph;
    s().setNodeInputs("parse", [{ name: "extra", optional: true }]);
    expect(s().graph).toBe(graph);
  });

  it("setNodeOutputType sets and clears the output type of tasks", () => {
    const { s } = storeOf();
    undoable(s, () => s().setNodeOutputType("parse", " number "));
    expect(node(s, "parse")).toMatchObject({ output: "number" });
    undoable(s, () => s().setNodeOutputType("parse", undefined));
    expect("output" in node(s, "parse")).toBe(false);
    const graph = s().graph;
    s().setNodeOutputType("check", "string");
    expect(s().graph).toBe(graph);
  });

  it("updateNodeTarget points an input node at another parameter and a subflow at another flow", () => {
    const { s } = storeOf(sampleGraph({ params: [{ name: "url", type: "string" }, { name: "limit", type: "number" }] }));
    undoable(s, () => s().updateNodeTarget("in", "limit"));
    expect(node(s, "in")).toMatchObject({ param: "limit", title: "limit" });
    const graph = s().graph;
    s().updateNodeTarget("in", "not an identifier");
    expect(s().graph).toBe(graph);
    const sub = s().addNode({ kind: "subflow", flow: "a" }, { x: 0, y: 0 });
    undoable(s, () => s().updateNodeTarget(sub, "../b"));
    expect(node(s, sub)).toMatchObject({ flow: "../b" });
  });
});

describe("flow settings and parameters", () => {
  it("updateFlowMeta changes name, description and header; typing in one field is one step", () => {
    const { s } = storeOf();
    undoable(s, () => s().updateFlowMeta({ name: "Renamed", description: "What it does" }));
    expect(s().graph).toMatchObject({ name: "Renamed", description: "What it does" });
    undoable(s, () => s().updateFlowMeta({ description: undefined }));
    expect("description" in s().graph).toBe(false);
    const before = s().graph;
    s().updateFlowMeta({ header: "a" });
    s().updateFlowMeta({ header: "ab" });
    s().undo();
    expect(s().graph).toBe(before);
  });

  it("updateFlowOptions merges and clears flow options", () => {
    const { s } = storeOf();
    undoable(s, () => s().updateFlowOptions({ retries: 2, version: "1" }));
    expect(s().graph.options).toEqual({ retries: 2, version: "1" });
    undoable(s, () => s().updateFlowOptions({ version: undefined }));
    expect(s().graph.options).toEqual({ retries: 2 });
  });

  it("addParam adds a fresh string parameter or the one given", () => {
    const { s } = storeOf();
    undoable(s, () => s().addParam());
    undoable(s, () => s().addParam({ name: "limit", type: "number", default: 3 }));
    expect(s().graph.params).toEqual([{ name: "url", type: "string" }, { name: "param1", type: "string" }, { name: "limit", type: "number", default: 3 }]);
  });

  it("updateParam renames the parameter on its input nodes too", () => {
    const { s } = storeOf();
    undoable(s, () => s().updateParam(0, { name: "address" }));
    expect(s().graph.params[0]).toEqual({ name: "address", type: "string" });
    expect(node(s, "in")).toMatchObject({ param: "address", title: "address" });
    undoable(s, () => s().updateParam(0, { default: "https://example.com" }));
    const graph = s().graph;
    s().updateParam(5, { name: "x" });
    s().updateParam(0, { type: "string" });
    expect(s().graph).toBe(graph);
  });

  it("removeParam removes its input nodes and their edges", () => {
    const { s } = storeOf();
    undoable(s, () => s().removeParam(0));
    expect(s().graph.params).toEqual([]);
    expect(s().graph.nodes.some((n) => n.id === "in")).toBe(false);
    expect(s().graph.edges.some((e) => e.source === "in")).toBe(false);
  });
});
