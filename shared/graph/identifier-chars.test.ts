import ts from "typescript";
import { describe, expect, it } from "vitest";
import { isIdentifierPartCode, isIdentifierStartCode, PART_RANGES, START_RANGES } from "./identifier-chars.ts";

/** The tables' encoding of a predicate over all code points: [first, last] ranges, deltas in base 36. */
function encodedRanges(pred: (code: number) => boolean): string {
  const out: number[] = [];
  let start = -1;
  for (let c = 0; c <= 0x110000; c++) {
    const ok = c < 0x110000 && pred(c);
    if (ok && start < 0) start = c;
    if (!ok && start >= 0) {
      out.push(start, c - 1);
      start = -1;
    }
  }
  return out.map((n, i) => (n - (out[i - 1] ?? 0)).toString(36)).join(",");
}

describe("identifier tables", () => {
  it("are TypeScript's: a failure shows the strings to paste into identifier-chars.ts", () => {
    expect(START_RANGES).toBe(encodedRanges((c) => ts.isIdentifierStart(c, ts.ScriptTarget.Latest)));
    expect(PART_RANGES).toBe(encodedRanges((c) => ts.isIdentifierPart(c, ts.ScriptTarget.Latest)));
  });

  it("answer as TypeScript does for every code point", () => {
    let mismatches = 0;
    for (let c = 0; c < 0x110000; c++) {
      if (isIdentifierStartCode(c) !== ts.isIdentifierStart(c, ts.ScriptTarget.Latest)) mismatches++;
      if (isIdentifierPartCode(c) !== ts.isIdentifierPart(c, ts.ScriptTarget.Latest)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});
