import { describe, expect, it } from "vitest";
import { tickLabel, timelineSpan, timeScale } from "./timeline.ts";

describe("timeline scale", () => {
  it("maps the span onto the width, both ways", () => {
    const s = timeScale(1000, 3000, 400);
    expect(s.x(1000)).toBe(0);
    expect(s.x(3000)).toBe(400);
    expect(s.t(200)).toBe(2000);
  });

  it("puts ticks at round steps no closer than the minimum", () => {
    const s = timeScale(0, 10_000, 1000, 80);
    expect(s.ticks.map((t) => t.offset)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000]);
    expect(s.ticks[1]!.label).toBe("1 s");
    const long = timeScale(0, 3 * 3600_000, 600, 80);
    expect(long.ticks[1]!.offset).toBe(1_800_000);
    expect(long.ticks[1]!.label).toBe("30m");
  });

  it("labels sub-second and hour ticks", () => {
    expect(tickLabel(200, 100)).toBe("200 ms");
    expect(tickLabel(1500, 500)).toBe("1.5 s");
    expect(tickLabel(5_400_000, 1_800_000)).toBe("1h 30m");
  });

  it("spans first start to last end, or now while running; none before anything starts", () => {
    expect(timelineSpan([{ startTime: null, endTime: null }], 9)).toBeNull();
    expect(timelineSpan([{ startTime: 5, endTime: 8 }, { startTime: 2, endTime: null }], 20)).toEqual({ start: 2, end: 20 });
  });
});
