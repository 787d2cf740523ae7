import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeValue, encodeValue, previewValue, stableKey } from "./serialize.ts";

describe("result encoding", () => {
  it("round-trips plain data and the tagged types", () => {
    const value = { a: [1, "two", null, undefined], d: new Date("2026-01-02T03:04:05Z"), n: 12345678901234567890n, m: new Map([["k", 1]]), s: new Set([1, 2]), b: new Uint8Array([1, 255]), inf: -Infinity };
    expect(decodeValue(encodeValue(value))).toEqual(value);
  });

  it("round-trips any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(decodeValue(encodeValue(v))).toStrictEqual(v);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses functions and class instances, naming where they are", () => {
    expect(() => encodeValue({ rows: [{ cb: () => 1 }] }, "task run 'x'")).toThrow("Cannot persist the result of task run 'x': result.rows[0].cb is a function");
    class Socket {}
    expect(() => encodeValue({ s: new Socket() })).toThrow("result.s is a Socket, not plain data");
  });
});

describe("cache key text", () => {
  it("ignores key order, and differs for different values", () => {
    expect(stableKey([{ a: 1, b: { c: 2, d: 3 } }])).toBe(stableKey([{ b: { d: 3, c: 2 }, a: 1 }]));
    expect(stableKey([1])).not.toBe(stableKey(["1"]));
    expect(stableKey([new Set([2, 1])])).toBe(stableKey([new Set([1, 2])]));
  });
});

describe("previews", () => {
  it("stays within its budget on huge or circular values, and never throws", () => {
    const huge = { rows: Array.from({ length: 100_000 }, (_, i) => ({ i, text: "x".repeat(50) })) };
    const preview = previewValue(huge, 500);
    expect(preview.length).toBeLessThanOrEqual(502);
    expect(preview.endsWith("…")).toBe(true);
    const circular: Record<string, unknown> = { name: "loop" };
    circular.self = circular;
    expect(previewValue(circular)).toBe('{"name":"loop","self":"[circular]"}');
    expect(previewValue(() => 1)).toBe("[function anonymous]");
    expect(previewValue("a".repeat(5000), 100).length).toBeLessThanOrEqual(102);
  });
});
