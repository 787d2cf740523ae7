import { describe, expect, it } from "vitest";
import { dedent, indent, literalLines, normalizeCode } from "./code-text.ts";

describe("node code text", () => {
  it("finds lines that start inside strings and templates, nested ones too", () => {
    const code = "const a = `x\ny ${`inner\nz`} w\nv`;\nconst b = 'no';\nconst c = \"s\\\nt\";";
    expect([...literalLines(code)].sort()).toEqual([1, 2, 3, 6]);
  });

  it("indents and dedents everything but literal lines, so a round trip is exact", () => {
    const code = "if (x) {\n  y(`a\n b`);\n}\n\n// done";
    const indented = indent(code, "  ");
    expect(indented).toBe("  if (x) {\n    y(`a\n b`);\n  }\n\n  // done");
    expect(dedent(indented)).toBe(code);
  });

  it("normalizes line ends, shared indentation and blank edges", () => {
    expect(normalizeCode("\r\n\n    const a = 1;\r\n    return a;   \r\n\n")).toBe("const a = 1;\nreturn a;");
    expect(normalizeCode("")).toBe("");
  });

  it("is unaffected by comments and strings that look like template syntax", () => {
    const code = "// a ` in a comment\nconst s = \"`\";\nreturn `${s}\n  tail`;";
    expect([...literalLines(code)]).toEqual([3]);
    expect(dedent(indent(code, "    "))).toBe(code);
  });
});
