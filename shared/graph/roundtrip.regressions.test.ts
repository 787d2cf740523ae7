/** Round-trip bugs the property test found, each as the smallest graph that showed it. */
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { compileGraph } from "./compile/index.ts";
import { flowGraphSchema, type FlowGraph, type FlowGraphInput, type FlowParam } from "./model.ts";
import { identFromTitle } from "./names.ts";
import { normalizeGraph } from "./normalize.ts";
import { parseFlowSource } from "./parse/index.ts";
import { codeSyntaxErrors } from "./syntax.ts";
import { validateGraph } from "./validate/index.ts";

const at = { x: 0, y: 0 };

/** Compiles a valid graph, parses it back and returns the file and the graph read from it. */
function roundTrip(input: FlowGraphInput): { code: string; graph: FlowGraph; parsed: FlowGraph } {
  const validation = validateGraph(input);
  expect(validation.problems.filter((p) => p.severity === "error")).toEqual([]);
  const graph = flowGraphSchema.parse(input);
  const code = compileGraph(graph).code;
  const parsed = parseFlowSource(code);
  if (!parsed.ok) throw new Error(`did not parse back: ${parsed.problems.map((p) => p.message).join("; ")}\n${code}`);
  expect(parsed.graph).toEqual(normalizeGraph(graph));
  expect(isDeepStrictEqual(parsed.graph, normalizeGraph(graph))).toBe(true);
  expect(compileGraph(parsed.graph).code).toBe(code);
  return { code, graph, parsed: parsed.graph };
}

describe("round-trip regressions", () => {
  it("keeps a canvas entry on its line when an id or title holds U+2028 or U+2029", () => {
    const { code } = roundTrip({
      name: "f",
      params: [{ name: "x", type: "string" }],
      nodes: [{ id: "a\u2028b", kind: "input", title: "line\u2029sep", position: at, param: "x" }],
    });
    expect(code).toContain(String.raw`// {"ref":"params.x","id":"a\u2028b","x":0,"y":0,"title":"line\u2029sep"}`);
  });

  it("treats a port's optional: false like no flag, as the file cannot tell them apart", () => {
    const { parsed } = roundTrip({
      name: "f",
      nodes: [
        { id: "a", kind: "task", title: "a", position: at, code: "return 1;" },
        { id: "b", kind: "task", title: "b", position: at, inputs: [{ name: "x", optional: false }] },
      ],
      edges: [{ source: "a", target: "b", input: "x" }],
    });
    const b = parsed.nodes.find((n) => n.id === "b");
    expect(b && "inputs" in b ? b.inputs : undefined).toEqual([{ name: "x" }]);
  });

  it("normalizes parameter descriptions as their doc comments keep them", () => {
    const { code, parsed } = roundTrip({
      name: "f",
      params: [
        { name: "a", type: "string", description: "trailing spaces   \r\nnext\r\n  " },
        { name: "b", type: "string", description: "* starts with a star" },
        { name: "c", type: "string", description: "old\rmac" },
      ],
    });
    expect(parsed.params.map((p) => p.description)).toEqual(["trailing spaces\nnext", "* starts with a star", "old\nmac"]);
    expect(code).toContain("  /**\n   * * starts with a star\n   */\n  b: string;");
  });

  it("keeps a JSON default's own __proto__ key, written as a computed key", () => {
    const value = JSON.parse('{"__proto__": {"w": null}, "k": [1]}') as FlowParam["default"];
    const validation = validateGraph({ name: "f", params: [{ name: "p", type: "unknown", default: value }] });
    expect(validation.ok).toBe(true);
    expect(Object.keys(validation.graph!.params[0]!.default as object)).toEqual(["__proto__", "k"]);
    const { code, parsed } = roundTrip({ name: "f", params: [{ name: "p", type: "unknown", default: value }] });
    expect(code).toContain('p = { ["__proto__"]: { w: null }, k: [1] }');
    expect(Object.getOwnPropertyNames(parsed.params[0]!.default)).toEqual(["__proto__", "k"]);
  });

  it("passes a subflow input named __proto__ as a key, not as the prototype", () => {
    const { code } = roundTrip({
      name: "f",
      params: [{ name: "x", type: "string" }],
      nodes: [
        { id: "p", kind: "input", title: "x", position: at, param: "x" },
        { id: "s", kind: "subflow", title: "report", position: at, flow: "report" },
      ],
      edges: [{ source: "p", target: "s", input: "__proto__" }],
    });
    expect(code).toContain('await report({ ["__proto__"]: x });');
  });

  it("keeps header comments above the Params interface when there are no tasks", () => {
    roundTrip({ name: "f", header: "// only a comment", params: [{ name: "x", type: "string" }] });
    roundTrip({ name: "f", header: "const a = 1;\n// trailing comment", params: [{ name: "x", type: "string", default: "d" }] });
  });

  it("keeps a parameter type written over several lines as it is", () => {
    const { code } = roundTrip({ name: "f", params: [{ name: "p", type: "{\n  id: string;\n}", description: "two\nlines" }] });
    expect(code).toContain("export interface Params {\n  /**\n   * two\n   * lines\n   */\n  p: {\n  id: string;\n};\n}");
  });

  it("rejects node code that closes its function body early", () => {
    const validation = validateGraph({ name: "f", nodes: [{ id: "a", kind: "task", title: "a", position: at, code: "return 1;\n}\nfunction stray() {" }] });
    expect(validation.ok).toBe(false);
    expect(validation.problems).toMatchObject([{ code: "syntax", nodeId: "a", line: 2, column: 1, message: expect.stringContaining("closes the function body") }]);
    expect(codeSyntaxErrors("if (x) {\n  return 1;\n}")).toEqual([]);
  });

  describe("letters this runtime knows but TypeScript's Unicode tables do not", () => {
    // U+10D4A is a Garay letter (Unicode 16); "ɤ" is old but its capital U+A7CB is new in Unicode 16.
    const garay = "\u{10D4A}";
    const readable = (name: string) => codeSyntaxErrors(`let ${name};`).length === 0;

    it("leaves them out of identifiers made from titles", () => {
      for (const title of [`${garay} step`, `a${garay}b`, "take ɤ", garay]) expect(readable(identFromTitle(title)), title).toBe(true);
      roundTrip({ name: `ɤ ${garay} flow`, nodes: [{ id: "a", kind: "task", title: `${garay} step`, position: at }, { id: "b", kind: "task", title: "take ɤ", position: at }] });
    });

    it("rejects them in parameter and port names", () => {
      expect(validateGraph({ name: "f", params: [{ name: `a${garay}`, type: "string" }] }).ok).toBe(false);
      expect(validateGraph({ name: "f", nodes: [{ id: "a", kind: "task", title: "a", position: at, inputs: [{ name: `a${garay}`, optional: true }] }] }).ok).toBe(false);
    });

    it("quotes them as JSON keys", () => {
      const { code } = roundTrip({ name: "f", params: [{ name: "p", type: "unknown", default: { [`k${garay}`]: 1 } }] });
      expect(code).toContain(`p = { "k${garay}": 1 }`);
    });
  });
});
