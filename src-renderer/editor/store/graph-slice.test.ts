import { describe, expect, it } from "vitest";
import { codeSyntaxErrors } from "../../../shared/graph/syntax.ts";
import { edgeId, flowGraphSchema, type FlowGraph } from "../../../shared/graph/model.ts";
import { validateGraph } from "../../../shared/graph/validate/index.ts";
import { DEFAULT_CODE } from "./node-factory.ts";
import { node, sampleGraph, storeOf } from "./store-fixtures.ts";
import type { DocumentStore } from "./types.ts";

/** Runs `act`, then checks that undo restores the exact graph (same object) and redo the changed one. */
function undoable(s: () => DocumentStore, act: () => void): { before: FlowGraph; after: FlowGraph } {
  const before = s().graph;
  const beforeValue = structuredClone(before);
  act();
  const after = s().graph;
  expect(after).not.toBe(before);
  expect(s().canUndo).toBe(true);
  const afterValue = structuredClone(after);
  s().undo();
  expect(s().graph).toBe(before);
  expect(s().graph).toEqual(beforeValue);
  expect(s().canRedo).toBe(true);
  s().redo();
  expect(s().graph).toBe(after);
  expect(s().graph).toEqual(afterValue);
  return { before, after };
}

describe("addNode", () => {
  it("adds each kind with unique ids, unique titles and defaults that compile, one step each", () => {
    const { s } = storeOf(sampleGraph({ nodes: [], edges: [] }));
    const ids: string[] = [];
    for (const kind of ["task", "task", "map", "branch"] as const) undoable(s, () => ids.push(s().addNode({ kind }, { x: 10, y: 20 })));
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^n_[0-9a-z]+$/);
    expect(s().graph.nodes.map((n) => n.title)).toEqual(["Task", "Task 2", "Map", "Branch"]);
    expect(s().graph.nodes[0]).toMatchObject({ kind: "task", code: DEFAULT_CODE.task, inputs: [], options: {}, position: { x: 10, y: 20 } });
    expect(s().graph.nodes[2]).toMatchObject({ kind: "map", inputs: [{ name: "item" }], code: DEFAULT_CODE.map });
    for (const code of Object.values(DEFAULT_CODE)) expect(codeSyntaxErrors(code)).toEqual([]);
    expect(s().selection).toEqual({ nodes: [ids[3]], edges: [] });
    expect(validateGraph(s().graph).problems.filter((p) => p.code === "name-clash" || p.code === "syntax")).toEqual([]);
  });

  it("picks titles whose identifiers clash with no node, result variable, parameter or the flow's name", () => {
    const graph = sampleGraph({
      name: "Task",
      params: [{ name: "task2", type: "string" }],
      nodes: [{ id: "x", kind: "task", title: "task 3 result", position: { x: 0, y: 0 } }],
      edges: [],
    });
    const { s } = storeOf(graph);
    s().addNode({ kind: "task" }, { x: 0, y: 0 });
    // "Task" → flow name, "Task 2" → parameter task2, "Task 3" → its result variable is another node's identifier.
    expect(s().graph.nodes[1]!.title).toBe("Task 4");
    expect(validateGraph(s().graph).problems.filter((p) => p.code === "name-clash")).toEqual([]);
  });

  it("adds a template with its imports in the header", () => {
    const { s } = storeOf();
    undoable(s, () => s().addNode({ kind: "template", template: "read-file" }, { x: 0, y: 0 }));
    expect(s().graph.nodes.at(-1)).toMatchObject({ kind: "task", template: "read-file", title: "Read file" });
    expect(s().graph.header).toBe('import { z } from "zod";\nimport { readFile } from "node:fs/promises";');
  });

  it("makes a parameter for an input node when the palette names none, and reuses a parameter's node", () => {
    const { s } = storeOf();
    const id = s().addNode({ kind: "input" }, { x: 0, y: 0 });
    expect(node(s, id)).toMatchObject({ kind: "input", param: "param1", title: "param1" });
    expect(s().graph.params.at(-1)).toEqual({ name: "param1", type: "string" });
    s().undo();
    expect(s().graph.params).toEqual([{ name: "url", type: "string" }]);
    expect(s().addNode({ kind: "input", param: "url" }, { x: 5, y: 5 })).toBe("in");
    expect(s().selection.nodes).toEqual(["in"]);
    const limit = s().addNode({ kind: "input", param: "limit" }, { x: 0, y: 0 });
    expect(s().graph.params.at(-1)).toEqual({ name: "limit", type: "string" });
    expect(s().graph.nodes.at(-1)).toMatchObject({ id: limit, param: "limit" });
  });

  it("keeps one output per flow: adding another selects the existing one and changes nothing", () => {
    const { s } = storeOf();
    const graph = s().graph;
    expect(s().addNode({ kind: "output" }, { x: 0, y: 0 })).toBe("out");
    expect(s().graph).toBe(graph);
    expect(s().canUndo).toBe(false);
    expect(s().selection.nodes).toEqual(["out"]);
    const fresh = storeOf(sampleGraph({ nodes: [], edges: [] })).s;
    undoable(fresh, () => fresh().addNode({ kind: "output" }, { x: 0, y: 0 }));
    expect(fresh().graph.nodes[0]).toMatchObject({ kind: "output", title: "Output" });
  });

  it("adds a subflow titled after the flow", () => {
    const { s } = storeOf();
    undoable(s, () => s().addNode({ kind: "subflow", flow: "../shared/weekly-report" }, { x: 0, y: 0 }));
    expect(s().graph.nodes.at(-1)).toMatchObject({ kind: "subflow", flow: "../shared/weekly-report", title: "weekly-report" });
    s().addNode({ kind: "subflow", flow: "other", title: "Fetch" }, { x: 0, y: 0 });
    expect(s().graph.nodes.at(-1)!.title).toBe("Fetch 2");
  });
});

describe("moveNodes", () => {
  it("makes a whole drag one step, back to the positions before it", () => {
    const { s } = storeOf();
    const start = s().graph;
    for (let x = 1; x <= 5; x++) s().moveNodes([{ id: "fetch", position: { x: 200 + x, y: x } }], { final: false });
    expect(node(s, "fetch").position).toEqual({ x: 205, y: 5 });
    expect(s().canUndo).toBe(false);
    s().moveNodes([{ id: "fetch", position: { x: 210, y: 10 } }], { final: true });
    expect(s().canUndo).toBe(true);
    s().undo();
    expect(s().graph).toBe(start);
    expect(s().canUndo).toBe(false);
    s().redo();
    expect(node(s, "fetch").position).toEqual({ x: 210, y: 10 });
  });

  it("records a single move without options as a step, and no step for a drag that ends where it began", () => {
    const { s } = storeOf();
    undoable(s, () => s().moveNodes([{ id: "parse", position: { x: 1, y: 2 } }]));
    s().undo();
    s().moveNodes([{ id: "parse", position: { x: 9, y: 9 } }], { final: false });
    s().moveNodes([{ id: "parse", position: { x: 400, y: 0 } }], { final: true });
    expect(s().canUndo).toBe(false);
    expect(s().dirty).toBe(false);
  });

  it("closes an unfinished drag before the next change, so undo still finds the pre-drag positions", () => {
    const { s } = storeOf();
    const start = s().graph;
    s().moveNodes([{ id: "fetch", position: { x: 1, y: 1 } }], { final: false });
    s().renameNode("parse", "Parse rows");
    s().undo();
    s().undo();
    expect(s().graph).toEqual(start);
  });

  it("keeps every other node object identical, even among 1,000 nodes", () => {
    const nodes = Array.from({ length: 1000 }, (_, i) => ({ id: `t${i}`, kind: "task" as const, title: `T${i}`, position: { x: i, y: 0 } }));
    const { s } = storeOf(flowGraphSchema.parse({ name: "big", nodes }));
    const before = s().graph;
    const started = performance.now();
    s().moveNodes([{ id: "t500", position: { x: -1, y: -1 } }], { final: false });
    s().moveNodes([{ id: "t500", position: { x: -2, y: -2 } }], { final: true });
    expect(performance.now() - started).toBeLessThan(200);
    const after = s().graph;
    expect(after.nodes[500]).not.toBe(before.nodes[500]);
    expect(after.nodes.every((n, i) => i === 500 || n === before.nodes[i])).toBe(true);
    expect(after.edges).toBe(before.edges);
    expect(after.params).toBe(before.params);
  });
});

describe("applyLayout", () => {
  it("moves many nodes as one step", () => {
    const { s } = storeOf();
    undoable(s, () => s().applyLayout(new Map([["fetch", { x: 1, y: 1 }], ["parse", { x: 2, y: 2 }]])));
    expect(s().graph.nodes.map((n) => n.position.x)).toEqual([0, 1, 2, 400, 600]);
  });
});

describe("deleting", () => {
  it("deleteNodes removes their edges too; an input node's parameter stays", () => {
    const { s } = storeOf();
    undoable(s, () => s().deleteNodes(["in", "parse"]));
    expect(s().graph.nodes.map((n) => n.id)).toEqual(["fetch", "check", "out"]);
    expect(s().graph.edges).toEqual([]);
    expect(s().graph.params).toEqual([{ name: "url", type: "string" }]);
  });

  it("deleteEdges removes edges by edgeId", () => {
    const { s } = storeOf();
    undoable(s, () => s().deleteEdges(["fetch->parse:rows"]));
    expect(s().graph.edges.map(edgeId)).toEqual(["in->fetch:url", "parse->out:result"]);
  });

  it("deleteSelection removes selected nodes and edges and clears the selection; undo brings the selection back", () => {
    const { s } = storeOf();
    s().select({ nodes: ["check"], edges: ["in->fetch:url"] });
    undoable(s, () => s().deleteSelection());
    expect(s().graph.nodes.map((n) => n.id)).toEqual(["in", "fetch", "parse", "out"]);
    expect(s().graph.edges).toHaveLength(2);
    expect(s().selection).toEqual({ nodes: [], edges: [] });
    s().undo();
    expect(s().selection).toEqual({ nodes: ["check"], edges: ["in->fetch:url"] });
  });

  it("deleting nodes drops them from the selection", () => {
    const { s } = storeOf();
    s().select({ nodes: ["fetch", "parse"], edges: ["fetch->parse:rows"] });
    s().deleteNodes(["fetch"]);
    expect(s().selection).toEqual({ nodes: ["parse"], edges: [] });
  });
});

describe("connect", () => {
  it("adds an accepted edge as one step", () => {
    const { s } = storeOf();
    const log = s().addNode({ kind: "task" }, { x: 0, y: 0 });
    undoable(s, () => expect(s().connect({ source: "check", target: log, when: "then" })).toEqual({ ok: true }));
    expect(s().graph.edges.at(-1)).toEqual({ source: "check", target: log, when: "then" });
    undoable(s, () => expect(s().connect({ source: "fetch", target: "out", input: "text" })).toEqual({ ok: true }));
    expect(s().graph.edges.at(-1)).toEqual({ source: "fetch", target: "out", input: "text" });
  });

  it("refuses with the reason and changes nothing", () => {
    const { s } = storeOf();
    const graph = s().graph;
    expect(s().connect({ source: "parse", target: "fetch", input: "url" })).toEqual({ ok: false, reason: "Input 'url' of 'Fetch' is already connected (to 'url')" });
    expect(s().connect({ source: "out", target: "fetch", input: "x" })).toEqual({ ok: false, reason: "'Output' has no output to connect from; it is the flow's result" });
    expect(s().connect({ source: "parse", target: "fetch", input: "nope" })).toMatchObject({ ok: false, reason: "'Fetch' has no input named 'nope' (its inputs: url)" });
    s().deleteEdges(["in->fetch:url"]);
    const cut = s().graph;
    expect(s().connect({ source: "parse", target: "fetch", input: "url" })).toEqual({ ok: false, reason: "This would make a cycle: Parse → Fetch → Parse" });
    expect(s().checkConnection({ source: "fetch", target: "fetch", input: "url" })).toEqual({ ok: false, reason: "'Fetch' cannot be connected to itself" });
    expect(s().graph).toBe(cut);
    expect(graph).not.toBe(cut);
  });

  it("checkConnection answers without changing anything", () => {
    const { s } = storeOf();
    const graph = s().graph;
    expect(s().checkConnection({ source: "check", target: "parse", when: "else" })).toMatchObject({ ok: false, reason: expect.stringMatching(/^The output would read a value that exists only on the 'else' path of 'Check'/) });
    expect(s().checkConnection({ source: "in", target: "parse", input: "extra" })).toMatchObject({ ok: false });
    expect(s().checkConnection({ source: "in", target: "out", input: "url" })).toEqual({ ok: true });
    expect(s().graph).toBe(graph);
    expect(s().canUndo).toBe(false);
  });
});
