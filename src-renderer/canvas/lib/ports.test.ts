import { describe, expect, it } from "vitest";
import type { FlowGraph, GraphNode } from "../../../shared/graph/model.ts";
import { CONTROL_HANDLE, connectRequest, NEW_INPUT_HANDLE } from "./ports.ts";

const nodes: GraphNode[] = [
  { id: "f", kind: "task", title: "Fetch orders", position: { x: 0, y: 0 }, inputs: [], code: "", options: {} },
  { id: "p", kind: "input", title: "since", position: { x: 0, y: 0 }, param: "since" },
  { id: "out", kind: "output", title: "Output", position: { x: 0, y: 0 } },
  { id: "b", kind: "branch", title: "b", position: { x: 0, y: 0 }, inputs: [], code: "", options: {} },
];
const graph = (edges: FlowGraph["edges"] = []): FlowGraph => ({ name: "g", params: [], options: {}, header: "", nodes, edges });

describe("connectRequest", () => {
  it("turns a wire to an input handle into a data edge request", () => {
    expect(connectRequest(graph(), { source: "f", target: "out", sourceHandle: "out", targetHandle: "total" })).toEqual({
      ok: true,
      request: { source: "f", target: "out", input: "total" },
    });
  });

  it("names a new output input `result` first, then after the source", () => {
    const c = { source: "f", target: "out", sourceHandle: "out", targetHandle: NEW_INPUT_HANDLE };
    expect(connectRequest(graph(), c)).toMatchObject({ request: { input: "result" } });
    const withResult = graph([{ source: "p", target: "out", input: "result" }]);
    expect(connectRequest(withResult, c)).toMatchObject({ request: { input: "fetchOrders" } });
    expect(connectRequest(withResult, { ...c, source: "p" })).toMatchObject({ request: { input: "since" } });
  });

  it("makes then/else wires control requests, whatever handle they land on", () => {
    expect(connectRequest(graph(), { source: "b", target: "f", sourceHandle: "else", targetHandle: CONTROL_HANDLE })).toEqual({
      ok: true,
      request: { source: "b", target: "f", when: "else" },
    });
  });

  it("refuses a value wire on the branch-path handle, with a reason", () => {
    const r = connectRequest(graph(), { source: "f", target: "out", sourceHandle: "out", targetHandle: CONTROL_HANDLE });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/then or else/);
  });
});
