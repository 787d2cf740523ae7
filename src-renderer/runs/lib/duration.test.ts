import { describe, expect, it } from "vitest";
import { clockTime, formatDuration, runDuration } from "./duration.ts";

describe("durations", () => {
  it("reads at every scale", () => {
    expect(formatDuration(340.4)).toBe("340 ms");
    expect(formatDuration(4_280)).toBe("4.2 s");
    expect(formatDuration(42_900)).toBe("42 s");
    expect(formatDuration(185_000)).toBe("3m 05s");
    expect(formatDuration(2 * 3600_000 + 60_000)).toBe("2h 01m");
    expect(formatDuration(3 * 86_400_000 + 4 * 3600_000)).toBe("3d 4h");
  });

  it("has none for what never started", () => {
    expect(formatDuration(null)).toBe("—");
    expect(runDuration({ startTime: null, endTime: null }, 5)).toBeNull();
  });

  it("grows while running and stops at the end", () => {
    expect(runDuration({ startTime: 1000, endTime: null }, 4000)).toBe(3000);
    expect(runDuration({ startTime: 1000, endTime: 1500 }, 4000)).toBe(500);
  });
});

describe("clock time", () => {
  it("shows hours to milliseconds, zero-padded", () => {
    expect(clockTime(new Date(2026, 0, 2, 4, 5, 6, 7).getTime())).toBe("04:05:06.007");
  });
});
