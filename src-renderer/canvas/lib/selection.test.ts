import { describe, expect, it } from "vitest";
import { applySelectChanges, deletionPlan } from "./selection.ts";

describe("applySelectChanges", () => {
  const current = { nodes: ["a", "b"], edges: ["e"] };

  it("adds and removes ids, leaving the other list alone", () => {
    const next = applySelectChanges(current, "nodes", [
      { type: "select", id: "a", selected: false },
      { type: "select", id: "c", selected: true },
      { type: "position", id: "b" },
    ]);
    expect(next).toEqual({ nodes: ["b", "c"], edges: ["e"] });
  });

  it("reports no change so the store is not touched", () => {
    expect(applySelectChanges(current, "edges", [{ type: "select", id: "e", selected: true }])).toBeNull();
    expect(applySelectChanges(current, "nodes", [{ type: "dimensions", id: "a" }])).toBeNull();
  });
});

describe("deletionPlan", () => {
  const edges = [
    { source: "a", target: "b", input: "x" },
    { source: "c", target: "d", input: "y" },
  ];

  it("uses deleteSelection when xyflow deleted the selection and the nodes' own wires", () => {
    const plan = deletionPlan({ nodes: ["a"], edges: ["c->d:y"] }, ["a"], ["a->b:x", "c->d:y"], edges);
    expect(plan).toEqual({ selection: true, nodes: ["a"], edges: ["c->d:y"] });
  });

  it("falls back to ids when the sets differ", () => {
    const plan = deletionPlan({ nodes: [], edges: [] }, ["a"], ["a->b:x"], edges);
    expect(plan).toEqual({ selection: false, nodes: ["a"], edges: [] });
  });
});
