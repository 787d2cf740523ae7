import { describe, expect, it } from "vitest";
import type { FlowGraph, GraphNode } from "../../../shared/graph/model.ts";
import { createEdgeMapper, createNodeMapper, edgeLabel } from "./to-flow.ts";

const task = (id: string, x = 0, inputs: string[] = []): GraphNode => ({
  id, kind: "task", title: id, position: { x, y: 0 }, inputs: inputs.map((name) => ({ name })), code: "", options: {},
});
const graphOf = (nodes: GraphNode[], edges: FlowGraph["edges"] = []): FlowGraph => ({ name: "g", params: [], options: {}, header: "", nodes, edges });
const none = new Set<string>();
const noSizes = new Map();

describe("createNodeMapper", () => {
  it("maps kind, position and a data object holding only the id", () => {
    const [node] = createNodeMapper()([task("a", 40)], [], none, noSizes, none);
    expect(node).toMatchObject({ id: "a", type: "fb-task", position: { x: 40, y: 0 }, data: { id: "a" }, selected: false, style: { transform: "none", left: 40, top: 0 } });
  });

  it("gives each node the size and handle boxes its card has, so xyflow need not measure it", () => {
    const [node] = createNodeMapper()([task("a", 0, ["x", "y"])], [], none, noSizes, none);
    // Frame 58.25 px + a row per handle (x, y, out), as the card measures in the browser.
    expect(node).toMatchObject({ width: 240, height: 130, measured: { width: 240, height: 130 } });
    expect(node!.handles!.map((h) => [h.id, h.type, h.position, h.x, h.y])).toEqual([
      ["__control", "target", "left", -6.07, 17.55],
      ["x", "target", "left", -4, 60.25],
      ["y", "target", "left", -4, 84.25],
      ["out", "source", "right", 234, 108.25],
    ]);
    const [running] = createNodeMapper()([task("a", 0, ["x", "y"])], [], none, noSizes, new Set(["a"]));
    expect(running!.height).toBe(152); // the run status line
  });

  it("keeps the same objects, and the same array, when nothing the canvas shows changed", () => {
    const map = createNodeMapper();
    const nodes = [task("a"), task("b", 300)];
    const first = map(nodes, [], none, noSizes, none);
    // Editing code makes a new node object at the same place: the canvas must not notice.
    const edited = [{ ...nodes[0]!, code: "return 1;" } as GraphNode, nodes[1]!];
    expect(map(edited, [], none, noSizes, none)).toBe(first);
  });

  it("replaces only the node that moved or was selected", () => {
    const map = createNodeMapper();
    const nodes = [task("a"), task("b", 300)];
    const first = map(nodes, [], none, noSizes, none);
    const moved = map([nodes[0]!, task("b", 320)], [], none, noSizes, none);
    expect(moved).not.toBe(first);
    expect(moved[0]).toBe(first[0]);
    expect(moved[1]!.position).toEqual({ x: 320, y: 0 });
    const selected = map([nodes[0]!, task("b", 320)], [], new Set(["a"]), noSizes, none);
    expect(selected[0]!.selected).toBe(true);
    expect(selected[1]).toBe(moved[1]);
    expect(selected[0]!.data).toBe(first[0]!.data);
  });

  it("carries xyflow's measurements so controlled nodes stay measured", () => {
    const size = { width: 240, height: 90 };
    const [node] = createNodeMapper()([task("a")], [], none, new Map([["a", size]]), none);
    expect(node!.measured).toBe(size);
  });
});

describe("edges", () => {
  const nodes = [task("a"), task("one", 0, ["x"]), task("two", 0, ["x", "y"]), { id: "b", kind: "branch", title: "b", position: { x: 0, y: 0 }, inputs: [], code: "", options: {} } as GraphNode];

  it("labels a data edge only when the target has several inputs", () => {
    const g = graphOf(nodes);
    expect(edgeLabel({ source: "a", target: "one", input: "x" }, g)).toBeUndefined();
    expect(edgeLabel({ source: "a", target: "two", input: "y" }, g)).toBe("y");
  });

  it("gives ids from edgeId, handles by input or path, and colours then/else", () => {
    const g = graphOf(nodes, [
      { source: "a", target: "two", input: "y" },
      { source: "b", target: "one", when: "then" },
      { source: "b", target: "two", when: "else" },
    ]);
    const [data, then, otherwise] = createEdgeMapper()(g, new Set(["b:then->one"]));
    expect(data).toMatchObject({ id: "a->two:y", sourceHandle: "out", targetHandle: "y", label: "y", selected: false });
    expect(then).toMatchObject({ id: "b:then->one", sourceHandle: "then", targetHandle: "__control", label: "then", selected: true, className: "fb-edge-then" });
    expect(otherwise!.style?.stroke).not.toBe(then!.style?.stroke);
  });

  it("keeps unchanged edges identical across graph edits", () => {
    const map = createEdgeMapper();
    const g = graphOf(nodes, [{ source: "a", target: "one", input: "x" }]);
    const first = map(g, none);
    expect(map({ ...g, nodes: [...g.nodes] }, none)).toBe(first);
    // A second input on the target makes the label useful: only that edge changes.
    const more = map({ ...g, nodes: [nodes[0]!, task("one", 0, ["x", "z"]), nodes[2]!, nodes[3]!] }, none);
    expect(more[0]!.label).toBe("x");
  });
});

describe("openInputs", () => {
  it("names and types an output's inputs from its wires, and keeps the list identical while unchanged", async () => {
    const { openInputs } = await import("./graph-index.ts");
    const out: GraphNode = { id: "out", kind: "output", title: "Output", position: { x: 0, y: 0 } };
    const typed: GraphNode = { ...task("a"), output: "number" } as GraphNode;
    const g = graphOf([typed, task("b"), out], [{ source: "a", target: "out", input: "total" }, { source: "b", target: "out", input: "rest" }]);
    const first = openInputs(g, out);
    expect(first).toEqual([{ name: "total", type: "number" }, { name: "rest" }]);
    expect(openInputs({ ...g, nodes: [...g.nodes] }, out)).toBe(first);
  });
});
