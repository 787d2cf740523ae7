import { describe, expect, it } from "vitest";
import { layerLayout } from "./layers.ts";

describe("layered run-graph layout", () => {
  const size = { width: 100, height: 10, gapX: 0, gapY: 0 };

  it("ranks each run one column after the furthest thing it waited on", () => {
    const out = layerLayout(["a", "b", "c", "d"], [{ source: "a", target: "b" }, { source: "b", target: "d" }, { source: "a", target: "d" }, { source: "c", target: "d" }], size);
    expect(out.get("a")).toEqual({ x: 0, y: 0 });
    expect(out.get("c")).toEqual({ x: 0, y: 10 });
    expect(out.get("b")).toEqual({ x: 100, y: 0 });
    expect(out.get("d")).toEqual({ x: 200, y: 0 });
  });

  it("settles ranks whatever order the ids come in", () => {
    const out = layerLayout(["c", "b", "a"], [{ source: "a", target: "b" }, { source: "b", target: "c" }], size);
    expect(out.get("c")!.x).toBe(200);
  });

  it("ignores edges to unknown runs", () => {
    expect(layerLayout(["a"], [{ source: "x", target: "a" }, { source: "a", target: "y" }], size).get("a")).toEqual({ x: 0, y: 0 });
  });
});
