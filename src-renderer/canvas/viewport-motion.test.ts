import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { markCanvasActive, setViewportMoving, whenQuiet } from "./viewport-motion.ts";

describe("background work waits for a still view", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    setViewportMoving(false);
  });
  afterEach(() => {
    setViewportMoving(false);
    vi.useRealTimers();
  });

  it("runs once the view has been still long enough, counting from the canvas being shown", () => {
    markCanvasActive();
    const f = vi.fn();
    whenQuiet(f, { stillFor: 2000 });
    vi.advanceTimersByTime(1900);
    expect(f).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(f).toHaveBeenCalledTimes(1);
  });

  it("waits out a pan, then the still time again from its end", () => {
    markCanvasActive();
    const f = vi.fn();
    whenQuiet(f, { stillFor: 2000 });
    vi.advanceTimersByTime(1500);
    setViewportMoving(true);
    vi.advanceTimersByTime(5000);
    expect(f).not.toHaveBeenCalled();
    setViewportMoving(false);
    vi.advanceTimersByTime(1900);
    expect(f).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(f).toHaveBeenCalledTimes(1);
  });

  it("starts the wait again when the user uses the canvas before it ends", () => {
    markCanvasActive();
    const f = vi.fn();
    whenQuiet(f, { stillFor: 1000 });
    vi.advanceTimersByTime(900);
    markCanvasActive();
    vi.advanceTimersByTime(900);
    expect(f).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(f).toHaveBeenCalledTimes(1);
  });

  it("starts the wait again when the view moves just before it ends", () => {
    markCanvasActive();
    const f = vi.fn();
    whenQuiet(f, { stillFor: 1000 });
    vi.advanceTimersByTime(900);
    setViewportMoving(true);
    setViewportMoving(false);
    vi.advanceTimersByTime(900);
    expect(f).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(f).toHaveBeenCalledTimes(1);
  });

  it("without a still time, runs at the next idle moment unless the view moves; and can be cancelled", () => {
    const f = vi.fn();
    whenQuiet(f);
    vi.advanceTimersByTime(5);
    expect(f).toHaveBeenCalledTimes(1);

    const g = vi.fn();
    setViewportMoving(true);
    const cancel = whenQuiet(g);
    vi.advanceTimersByTime(100);
    cancel();
    setViewportMoving(false);
    vi.advanceTimersByTime(100);
    expect(g).not.toHaveBeenCalled();
  });
});
