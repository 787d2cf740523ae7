import { describe, expect, it } from "vitest";
import { compileGraph } from "../compile/index.ts";
import { flowGraphSchema, type FlowGraph, type GraphNode } from "../model.ts";
import { parseFlowSource, type ParseResult } from "./index.ts";

const base: FlowGraph = flowGraphSchema.parse({
  name: "orders",
  params: [{ name: "since", type: "string" }],
  nodes: [
    { id: "since", kind: "input", title: "since", position: { x: 0, y: 0 }, param: "since" },
    { id: "fetch", kind: "task", title: "fetch", position: { x: 280, y: 0 }, inputs: [{ name: "day", type: "string" }], output: "number[]", code: "return [1, 2, 3];", options: { retries: 2 } },
    { id: "sum", kind: "task", title: "sum", position: { x: 560, y: 0 }, inputs: [{ name: "values", type: "number[]" }], output: "number", code: "return values.reduce((a, b) => a + b, 0);" },
    { id: "out", kind: "output", title: "Output", position: { x: 840, y: 0 } },
  ],
  edges: [
    { source: "since", target: "fetch", input: "day" },
    { source: "fetch", target: "sum", input: "values" },
    { source: "sum", target: "out", input: "result" },
  ],
});
const code = compileGraph(base).code;

function graphOf(result: ParseResult): FlowGraph {
  if (!result.ok) throw new Error(`expected a graph, got ${result.reason}: ${JSON.stringify(result.problems)}`);
  return result.graph;
}
const node = (g: FlowGraph, id: string) => g.nodes.find((n) => n.id === id) as GraphNode & Record<string, unknown>;
const edit = (from: string, to: string) => {
  expect(code).toContain(from);
  return code.replace(from, to);
};

describe("hand-edited files that stay in the form", () => {
  it("keeps code changed inside a task body", () => {
    const g = graphOf(parseFlowSource(edit("return [1, 2, 3];", "const rows = [1, 2, 3];\n  // keep only odd rows\n  return rows.filter((r) => r % 2);")));
    expect(node(g, "fetch").code).toBe("const rows = [1, 2, 3];\n// keep only odd rows\nreturn rows.filter((r) => r % 2);");
  });

  it("reads changed options", () => {
    const g = graphOf(parseFlowSource(edit("{ retries: 2 }", '{ retries: 5, timeoutMs: 1000, tags: ["etl"] }')));
    expect(node(g, "fetch").options).toEqual({ retries: 5, timeoutMs: 1000, tags: ["etl"] });
  });

  it("adds a task written by hand, and its edges", () => {
    const text = edit("export interface Params", 'export const double = task(async function double(n: number): Promise<number> {\n  return n * 2;\n});\n\nexport interface Params')
      .replace("return await sumResult;", "const doubleResult = double.submit(sumResult);\n  return await doubleResult;");
    const g = graphOf(parseFlowSource(text));
    expect(node(g, "double")).toMatchObject({ kind: "task", title: "double", inputs: [{ name: "n", type: "number" }], output: "number" });
    expect(g.edges).toContainEqual({ source: "sum", target: "double", input: "n" });
    expect(g.edges).toContainEqual({ source: "double", target: "out", input: "result" });
    // A node the canvas block does not know yet gets a position of its own.
    expect(node(g, "double").position).not.toEqual({ x: 0, y: 0 });
  });

  it("follows rewired arguments", () => {
    const g = graphOf(parseFlowSource(edit("return await sumResult;", "return await fetchResult;")));
    expect(g.edges).toContainEqual({ source: "fetch", target: "out", input: "result" });
    expect(g.edges).not.toContainEqual({ source: "sum", target: "out", input: "result" });
  });

  it("accepts awaited calls as well as futures", () => {
    const g = graphOf(parseFlowSource(edit("const sumResult = sum.submit(fetchResult);", "const sumResult = await sum(fetchResult);")));
    expect(g.edges).toContainEqual({ source: "fetch", target: "sum", input: "values" });
  });

  it("parses without the canvas block, with ids from names and laid-out positions", () => {
    const g = graphOf(parseFlowSource(code.slice(0, code.indexOf("// flowbench:canvas"))));
    expect(g.nodes.map((n) => n.id)).toEqual(["params.since", "fetch", "sum", "return"]);
    expect(new Set(g.nodes.map((n) => n.position.x)).size).toBe(4);
  });
});

describe("files the graph cannot represent", () => {
  const problemsOf = (text: string) => {
    const r = parseFlowSource(text);
    if (r.ok) throw new Error("expected problems");
    return r;
  };

  it("names the line of code in the flow body that is not a step", () => {
    const r = problemsOf(edit("  return await sumResult;", "  console.log(\"done\");\n  return await sumResult;"));
    expect(r.reason).toBe("code-only");
    const line = code.split("\n").findIndex((l) => l.includes("return await sumResult;")) + 1;
    expect(r.problems).toEqual([expect.objectContaining({ line, message: expect.stringContaining("not a task call") })]);
  });

  it("refuses comments it would drop, options that are code, and arguments that are expressions", () => {
    const text = edit("const fetchResult", "// fetch first\n  const fetchResult").replace("{ retries: 2 }", "{ retries: 1 + 1 }").replace("fetch.submit(since)", "fetch.submit(since.trim())");
    const r = problemsOf(text);
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringContaining("'retries' must be a literal value"),
      expect.stringContaining("comment is outside task bodies"),
      expect.stringContaining("An argument must be the result of an earlier step"),
    ]);
  });

  it("reports a file that is not a flow", () => {
    const r = problemsOf('export const x = 1;\nconsole.log("hi");\n');
    expect(r.reason).toBe("not-a-flow");
    expect(r.problems[0]!.message).toContain("No flow here");
  });

  it("reports TypeScript syntax errors with their place", () => {
    const r = problemsOf("export default flow(async function f() {\n  const = 1;\n});\n");
    expect(r.reason).toBe("syntax");
    expect(r.problems[0]).toMatchObject({ line: 2 });
  });

  it("never throws, whatever the text", () => {
    for (const text of ["", "}}}", "\u0000\u0001", "export default flow(", "export default flow(async () => 1);", "`${"]) {
      expect(() => parseFlowSource(text)).not.toThrow();
      expect(parseFlowSource(text).ok).toBe(false);
    }
  });

  it("leaves a hand-written script with a main block as code", () => {
    const text = `import { flow, task } from "flowbench";
const shout = task(async function shout(text: string) {
  return text.toUpperCase();
});
export const hello = flow({ name: "hello" }, async function hello(params: { name: string }) {
  return shout(params.name);
});
export default hello;
if (import.meta.main) console.log(await hello({ name: "world" }));
`;
    const r = problemsOf(text);
    expect(r.problems.map((p) => p.line)).toEqual([5, 6, 9]);
  });
});
