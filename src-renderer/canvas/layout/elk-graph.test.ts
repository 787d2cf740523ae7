import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import type { FlowGraph, GraphNode } from "../../../shared/graph/model.ts";
import { positionsFromElk, toElkGraph } from "./elk-graph.ts";

const task = (id: string, inputs: string[] = []): GraphNode => ({
  id, kind: "task", title: id, position: { x: 0, y: 0 }, inputs: inputs.map((name) => ({ name })), code: "", options: {},
});
const graph: FlowGraph = {
  name: "g", params: [], options: {}, header: "",
  nodes: [task("c", ["x", "y"]), task("a"), task("b", ["x"])],
  edges: [
    { source: "a", target: "b", input: "x" },
    { source: "a", target: "c", input: "x" },
    { source: "b", target: "c", input: "y" },
  ],
};

describe("ELK layout", () => {
  it("gives each wired handle a port on the right side", () => {
    const elk = toElkGraph(graph, new Map([["a", { width: 200, height: 50 }]]));
    const a = elk.children!.find((n) => n.id === "a")!;
    expect(a).toMatchObject({ width: 200, height: 50 });
    expect(a.ports).toHaveLength(1);
    expect(a.ports![0]!.layoutOptions).toEqual({ "elk.port.side": "EAST" });
    expect(elk.children!.find((n) => n.id === "c")!.ports).toHaveLength(2);
    expect(elk.edges).toHaveLength(3);
  });

  it("lays a chain out left to right on the grid", async () => {
    const positions = positionsFromElk(await new ELK().layout(toElkGraph(graph, new Map())));
    expect(positions.get("a")!.x).toBeLessThan(positions.get("b")!.x);
    expect(positions.get("b")!.x).toBeLessThan(positions.get("c")!.x);
    for (const p of positions.values()) expect(p.x % 20 === 0 && p.y % 20 === 0).toBe(true);
  });
});
