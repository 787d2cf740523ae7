import { describe, expect, it } from "vitest";
import { oneLine, previewText } from "./json-preview.ts";

describe("previews", () => {
  it("indents JSON", () => {
    expect(previewText('{"a":[1,2]}')).toEqual({ text: '{\n  "a": [\n    1,\n    2\n  ]\n}', omitted: 0 });
  });

  it("shows text that is not JSON as it is", () => {
    expect(previewText("{cut off…")).toEqual({ text: "{cut off…", omitted: 0 });
    expect(previewText(null)).toBeNull();
  });

  it("cuts large values and says how much is left out", () => {
    const big = JSON.stringify({ rows: Array.from({ length: 10_000 }, (_, i) => i) });
    const preview = previewText(big, 1000)!;
    expect(preview.text).toHaveLength(1000);
    expect(preview.omitted).toBeGreaterThan(10_000);
  });

  it("flattens to one short line for a cell", () => {
    expect(oneLine('{\n  "a": 1\n}')).toBe('{ "a": 1 }');
    expect(oneLine("x".repeat(200), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
