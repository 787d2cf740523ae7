import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { baseDelayMs, retryDelayMs } from "./retry.ts";

describe("retry delays", () => {
  it("takes a number, one delay per retry from a list (the last repeating), or a function", () => {
    expect(baseDelayMs(undefined, 1)).toBe(0);
    expect(baseDelayMs(250, 3)).toBe(250);
    expect([1, 2, 3, 4].map((r) => baseDelayMs([10, 20, 30], r))).toEqual([10, 20, 30, 30]);
    expect(baseDelayMs((r) => 2 ** r * 100, 3)).toBe(800);
    expect(baseDelayMs(() => -5, 1)).toBe(0);
  });

  it("keeps jittered delays within [delay, delay × (1 + jitter)]", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (delay, jitter, random) => {
        const ms = retryDelayMs(delay, jitter, 1, () => random);
        return ms >= delay && ms <= delay * (1 + jitter);
      }),
      { numRuns: 500 },
    );
    expect(retryDelayMs(100, 0.5, 1, () => 0)).toBe(100);
    expect(retryDelayMs(100, 0.5, 1, () => 0.999999)).toBeCloseTo(150, 3);
  });
});
