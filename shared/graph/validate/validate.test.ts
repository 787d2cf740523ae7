import { describe, expect, it } from "vitest";
import { validateGraph, validateGraphJson } from "./index.ts";

const at = { x: 0, y: 0 };
const task = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: "task", title: id, position: at, inputs: [], code: "", options: {}, ...extra });
const codes = (input: unknown) => validateGraph(input).problems.map((p) => [p.code, p.nodeId ?? null]);

describe("validateGraph", () => {
  it("accepts a well-formed graph and fills in defaults", () => {
    const v = validateGraph({ name: "ok", nodes: [task("a")] });
    expect(v.ok).toBe(true);
    expect(v.problems).toEqual([]);
    expect(v.graph).toMatchObject({ params: [], options: {}, header: "", edges: [] });
  });

  it("reports broken JSON with its line and column", () => {
    const v = validateGraphJson('{\n  "name": "x",\n  "nodes": [\n}');
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([expect.objectContaining({ code: "not-json", line: 4, column: 1 })]);
    expect(v.problems[0]!.message).toMatch(/^This is not valid JSON \(line 4, column 1\)/);
  });

  it("names unknown node kinds, with the node and the kinds there are", () => {
    const v = validateGraph({ name: "x", nodes: [{ id: "n1", kind: "lambda", title: "Mystery", position: at }, task("n2", { inputs: "nope" })] });
    expect(v.graph).toBeNull();
    expect(v.problems.map((p) => p.message)).toEqual([
      `Node 'Mystery' (n1) has unknown kind "lambda"; a node is one of: task, map, branch, input, output, subflow`,
      "Node 'n2' (n2): inputs: Invalid input: expected array, received string",
    ]);
    expect(v.problems.map((p) => p.nodeId)).toEqual(["n1", "n2"]);
  });

  it("rejects what is not a graph at all without throwing", () => {
    for (const input of [null, 42, "graph", [], { nodes: 3 }, { name: "", nodes: [{}] }, { name: "x", edges: [{ source: 1 }] }]) {
      const v = validateGraph(input);
      expect(v.ok).toBe(false);
      expect(v.problems.length).toBeGreaterThan(0);
      for (const p of v.problems) expect(p.message).not.toMatch(/undefined|\[object/);
    }
  });

  it("reports every node on a cycle, with the cycle spelled out", () => {
    const v = validateGraph({
      name: "x",
      nodes: [task("a", { inputs: [{ name: "x" }] }), task("b", { inputs: [{ name: "x" }] }), task("c")],
      edges: [{ source: "a", target: "b", input: "x" }, { source: "b", target: "a", input: "x" }],
    });
    expect(v.problems.filter((p) => p.code === "cycle").map((p) => [p.nodeId, p.message])).toEqual([
      ["a", "These steps wait for each other in a cycle: a → b → a"],
      ["b", "These steps wait for each other in a cycle: a → b → a"],
    ]);
  });

  it("points at TypeScript syntax errors inside a node's code", () => {
    const v = validateGraph({ name: "x", nodes: [task("a", { title: "Parse", code: "const a = 1;\nreturn a +;" })] });
    expect(v.problems).toEqual([expect.objectContaining({ code: "syntax", nodeId: "a", line: 2, message: "'Parse', line 2: Expression expected." })]);
  });

  it("checks connections: missing nodes, unknown inputs, doubles, unconnected and mistyped inputs", () => {
    const v = validateGraph({
      name: "x",
      params: [{ name: "n", type: "number" }],
      nodes: [
        { id: "n", kind: "input", title: "n", position: at, param: "n" },
        task("s", { output: "string" }),
        task("t", { inputs: [{ name: "count", type: "number" }, { name: "label", type: "string" }] }),
      ],
      edges: [
        { source: "s", target: "t", input: "count" },
        { source: "n", target: "t", input: "count" },
        { source: "n", target: "t", input: "nope" },
        { source: "ghost", target: "t", input: "label" },
      ],
    });
    expect(codes(v.graph)).toEqual([
      ["type-mismatch", "t"],
      ["double-connection", "t"],
      ["unknown-input", "t"],
      ["dangling-edge", "t"],
      ["unconnected-input", "t"],
    ]);
    expect(v.problems.find((p) => p.code === "type-mismatch")!.message).toBe("'s' gives string, but input 'count' of 't' expects number");
  });

  it("checks names: clashes between titles, parameters and the flow, and reserved words", () => {
    const v = validateGraph({
      name: "report",
      params: [{ name: "fetchOrders", type: "string" }, { name: "delete", type: "string" }],
      nodes: [task("a", { title: "Fetch orders" }), task("b", { title: "fetch-orders" }), task("c", { title: "Report" })],
    });
    expect(codes(v.graph)).toEqual([["reserved-name", null], ["name-clash", "a"], ["name-clash", "b"], ["name-clash", "c"]]);
  });

  it("checks branch paths: a node on both paths, and an output that depends on one", () => {
    const v = validateGraph({
      name: "x",
      nodes: [
        { id: "b", kind: "branch", title: "check", position: at, inputs: [], code: "return true;", options: {} },
        task("t1", { output: "number" }),
        task("both"),
        { id: "out", kind: "output", title: "Output", position: at },
      ],
      edges: [
        { source: "b", target: "t1", when: "then" },
        { source: "b", target: "both", when: "then" },
        { source: "b", target: "both", when: "else" },
        { source: "t1", target: "out", input: "result" },
      ],
    });
    expect(codes(v.graph)).toEqual([["path-conflict", "both"], ["output-on-path", "out"]]);
  });

  it("checks parameters and outputs", () => {
    const v = validateGraph({
      name: "x",
      params: [{ name: "n", type: "number", default: "ten", description: "bad */ comment" }],
      nodes: [
        { id: "p1", kind: "input", title: "n", position: at, param: "n" },
        { id: "p2", kind: "input", title: "n again", position: at, param: "n" },
        { id: "p3", kind: "input", title: "m", position: at, param: "m" },
        { id: "o1", kind: "output", title: "Out", position: at },
        { id: "o2", kind: "output", title: "Out 2", position: at },
      ],
      edges: [{ source: "p1", target: "o1", input: "result" }],
    });
    expect(codes(v.graph)).toEqual([
      ["duplicate-param-node", "p2"],
      ["unknown-param", "p3"],
      ["empty-output", "o2"],
      ["several-outputs", "o2"],
      ["bad-default", null],
      ["bad-description", null],
    ]);
    expect(v.problems.find((p) => p.code === "empty-output")!.severity).toBe("warning");
  });
});

describe("validateGraph on text the compiler copies as is", () => {
  it("reports header syntax errors, and tasks or flows defined in the header", () => {
    const v = validateGraph({ name: "x", header: 'import { task } from "flowbench";\nconst = ;\n' });
    expect(v.problems).toEqual([expect.objectContaining({ code: "syntax", line: 2, message: expect.stringMatching(/^Header, line 2: /) })]);
    const w = validateGraph({ name: "x", header: "const helper = task(async function helper() {});" });
    expect(w.problems.map((p) => p.message)).toEqual(["Header, line 1: Define tasks and flows as nodes, not in the header"]);
  });

  it("reports types that are not types, or that hold comments", () => {
    const v = validateGraph({
      name: "x",
      params: [{ name: "p", type: "string; let y = 1" }],
      nodes: [task("a", { inputs: [{ name: "x", type: "string // note", optional: true }], output: "Array<" }), task("b", { inputs: [{ name: "url", type: "`http://${string}`", optional: true }] })],
    });
    expect(v.problems.map((p) => p.message)).toEqual([
      "The type of parameter 'p' is not a TypeScript type: it holds more than one type",
      "'a': the type of input 'x' is not a TypeScript type: it holds a comment, which the file would not keep in place",
      "'a': the type of its output is not a TypeScript type: '>' expected.",
    ]);
  });
});
