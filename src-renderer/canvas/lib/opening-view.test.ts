import { describe, expect, it } from "vitest";
import { boundsOf, openingViewport } from "./opening-view.ts";
import type { CanvasNode } from "./to-flow.ts";

const node = (id: string, x: number, y: number, width = 200, height = 100, hidden = false): CanvasNode => ({ id, type: "fb-task", position: { x, y }, data: { id }, width, height, hidden });

/** Where the viewport puts a flow point on screen. */
const onScreen = (v: { x: number; y: number; zoom: number }, p: { x: number; y: number }) => ({ x: p.x * v.zoom + v.x, y: p.y * v.zoom + v.y });

describe("the viewport a flow opens at", () => {
  it("bounds every shown node, leaving hidden ones out", () => {
    expect(boundsOf([node("a", 0, 0), node("b", 400, 300, 100, 50), node("c", 5000, 5000, 10, 10, true)])).toEqual({ x: 0, y: 0, width: 500, height: 350 });
    expect(boundsOf([])).toBeNull();
  });

  it("fits a big flow inside the pane with its padding, centred", () => {
    const nodes = Array.from({ length: 1000 }, (_, i) => node(`n${i}`, (i % 25) * 280, Math.floor(i / 25) * 160));
    const v = openingViewport(nodes, 1000, 800);
    expect(v.zoom).toBeGreaterThan(0.05);
    expect(v.zoom).toBeLessThan(0.2);
    const topLeft = onScreen(v, { x: 0, y: 0 });
    const bottomRight = onScreen(v, { x: 24 * 280 + 200, y: 39 * 160 + 100 });
    // The limiting side keeps the padding; both sides are centred.
    expect(Math.min(topLeft.x, topLeft.y)).toBeGreaterThan(0);
    expect(bottomRight.x).toBeLessThan(1000);
    expect(bottomRight.y).toBeLessThan(800);
    expect(topLeft.x + bottomRight.x).toBeCloseTo(1000, 0);
    expect(topLeft.y + bottomRight.y).toBeCloseTo(800, 0);
  });

  it("never zooms a small flow in past 1", () => {
    const v = openingViewport([node("a", 100, 100)], 1200, 800);
    expect(v.zoom).toBe(1);
    expect(onScreen(v, { x: 200, y: 150 })).toEqual({ x: 600, y: 400 });
  });

  it("opens an empty flow, or one in a pane with no size yet, at zoom 1 at the origin", () => {
    expect(openingViewport([], 1200, 800)).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(openingViewport([node("a", 100, 100)], 0, 0)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
