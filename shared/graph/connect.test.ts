import { describe, expect, it } from "vitest";
import { checkConnection, portsOf } from "./connect.ts";
import { flowGraphSchema, type FlowGraph, type FlowGraphInput } from "./model.ts";
import { validateGraph } from "./validate/index.ts";

function graph(extra: Partial<FlowGraphInput> = {}): FlowGraph {
  return flowGraphSchema.parse({
    name: "g",
    params: [{ name: "limit", type: "number" }],
    nodes: [
      { id: "in", kind: "input", title: "limit", param: "limit", position: { x: 0, y: 0 } },
      { id: "fetch", kind: "task", title: "fetch", output: "string", inputs: [{ name: "url", type: "string", optional: true }], position: { x: 0, y: 0 } },
      { id: "parse", kind: "task", title: "parse", inputs: [{ name: "rows", type: "number[]" }, { name: "text", type: "string" }, { name: "n", type: "number" }], position: { x: 0, y: 0 } },
      { id: "check", kind: "branch", title: "check", position: { x: 0, y: 0 } },
      { id: "each", kind: "map", title: "each", inputs: [{ name: "item", type: "number" }], output: "string", position: { x: 0, y: 0 } },
      { id: "sub", kind: "subflow", title: "sub", flow: "other", position: { x: 0, y: 0 } },
      { id: "out", kind: "output", title: "Output", position: { x: 0, y: 0 } },
      { id: "a", kind: "task", title: "a", position: { x: 0, y: 0 } },
      { id: "b", kind: "task", title: "b", position: { x: 0, y: 0 } },
    ],
    ...extra,
  });
}

const reason = (g: FlowGraph, r: Parameters<typeof checkConnection>[1]) => {
  const result = checkConnection(g, r);
  return result.ok ? "ok" : result.reason;
};

describe("checkConnection", () => {
  const g = graph();

  it("accepts a declared input of matching type", () => {
    expect(checkConnection(g, { source: "fetch", target: "parse", input: "text" })).toEqual({ ok: true });
    expect(checkConnection(g, { source: "in", target: "parse", input: "n" })).toEqual({ ok: true });
    expect(checkConnection(g, { source: "check", target: "a", when: "then" })).toEqual({ ok: true });
  });

  it("refuses type mismatches, naming both types", () => {
    expect(reason(g, { source: "fetch", target: "parse", input: "rows" })).toBe("Type mismatch: 'fetch' returns string, but input 'rows' of 'parse' expects number[]");
    expect(reason(g, { source: "in", target: "parse", input: "text" })).toBe("Type mismatch: parameter 'limit' is number, but input 'text' of 'parse' expects string");
    // A map's first input takes the list of its items; a map returns a list of its output.
    expect(reason(g, { source: "fetch", target: "each", input: "item" })).toBe("Type mismatch: 'fetch' returns string, but input 'item' of 'each' expects number[]");
    expect(reason(g, { source: "each", target: "parse", input: "text" })).toBe("Type mismatch: 'each' returns string[], but input 'text' of 'parse' expects string");
  });

  it("refuses unknown inputs and already connected ones", () => {
    expect(reason(g, { source: "fetch", target: "parse", input: "x" })).toBe("'parse' has no input named 'x' (its inputs: rows, text, n)");
    expect(reason(g, { source: "fetch", target: "parse", input: "not valid" })).toMatch(/^'not valid' cannot name an input/);
    const wired = { ...g, edges: [{ source: "fetch", target: "parse", input: "text" }] };
    expect(reason(wired, { source: "a", target: "parse", input: "text" })).toBe("Input 'text' of 'parse' is already connected (to 'fetch')");
    expect(reason(wired, { source: "fetch", target: "parse", input: "text" })).toBe("Input 'text' of 'parse' is already connected (to 'fetch')");
  });

  it("refuses cycles, self-loops included, naming the loop", () => {
    const open = graph({ nodes: [
      { id: "a", kind: "task", title: "fetch", inputs: [{ name: "x" }], position: { x: 0, y: 0 } },
      { id: "b", kind: "task", title: "parse", inputs: [{ name: "x" }], position: { x: 0, y: 0 } },
    ], edges: [{ source: "a", target: "b", input: "x" }] });
    expect(reason(open, { source: "b", target: "a", input: "x" })).toBe("This would make a cycle: parse → fetch → parse");
    expect(reason(open, { source: "a", target: "a", input: "x" })).toBe("'fetch' cannot be connected to itself");
  });

  it("allows then/else only from branches, never into the output, and one path per step", () => {
    expect(reason(g, { source: "fetch", target: "a", when: "then" })).toBe("Only a branch has then/else outputs; 'fetch' is a task");
    expect(reason(g, { source: "check", target: "out", when: "else" })).toMatch(/^The output cannot sit on a branch path/);
    const onThen = { ...g, edges: [{ source: "check", target: "a", when: "then" as const }] };
    expect(reason(onThen, { source: "check", target: "a", when: "then" })).toBe("'a' is already on the 'then' path of 'check'");
    expect(reason(onThen, { source: "check", target: "a", when: "else" })).toBe("'a' is already on the 'then' path of 'check'; a step runs on one path only");
    const both = { ...g, edges: [{ source: "check", target: "a", when: "then" as const }, { source: "check", target: "b", when: "else" as const }] };
    expect(reason(both, { source: "a", target: "parse", input: "rows" })).toBe("ok");
    const twoPaths = { ...both, edges: [...both.edges, { source: "a", target: "parse", input: "rows" }] };
    expect(reason(twoPaths, { source: "b", target: "parse", input: "text" })).toBe("'parse' would be on the 'then' path of 'check' and the 'else' path of 'check', but a step runs on one path only");
    expect(reason(onThen, { source: "a", target: "out", input: "result" })).toBe("The output would read a value that exists only on the 'then' path of 'check'; the flow's result must not depend on a branch");
  });

  it("refuses data from a branch or the output, and inputs into a parameter", () => {
    expect(reason(g, { source: "check", target: "a", input: "x" })).toMatch(/^Branch 'check' decides a path; connect its 'then' or 'else'/);
    expect(reason(g, { source: "out", target: "parse", input: "text" })).toBe("'Output' has no output to connect from; it is the flow's result");
    expect(reason(g, { source: "fetch", target: "in", input: "x" })).toBe("Parameter 'limit' takes no inputs; it is a value given when the flow starts");
    expect(reason(g, { source: "nope", target: "in", input: "x" })).toBe("There is no step 'nope' to connect from");
    expect(reason(g, { source: "fetch", target: "nope", input: "x" })).toBe("There is no step 'nope' to connect to");
  });

  it("lets the output and subflows take any identifier not yet used", () => {
    expect(reason(g, { source: "fetch", target: "out", input: "text" })).toBe("ok");
    expect(reason(g, { source: "fetch", target: "sub", input: "anything" })).toBe("ok");
    expect(reason(g, { source: "fetch", target: "sub", input: "class" })).toMatch(/^'class' is a reserved word/);
    const used = { ...g, edges: [{ source: "a", target: "out", input: "text" }, { source: "a", target: "sub", input: "q" }] };
    expect(reason(used, { source: "fetch", target: "out", input: "text" })).toBe("Input 'text' of 'Output' is already connected (to 'a')");
    expect(reason(used, { source: "fetch", target: "sub", input: "q" })).toBe("Input 'q' of 'sub' is already connected (to 'a')");
    expect(reason(used, { source: "fetch", target: "out", input: "other" })).toBe("ok");
  });

  it("agrees with validation: an accepted edge adds no connection problem", () => {
    const requests = [
      { source: "fetch", target: "parse", input: "text" },
      { source: "in", target: "parse", input: "n" },
      { source: "fetch", target: "out", input: "result" },
      { source: "check", target: "b", when: "then" as const },
    ];
    let current = g;
    for (const r of requests) {
      expect(checkConnection(current, r)).toEqual({ ok: true });
      current = { ...current, edges: [...current.edges, r] };
    }
    const codes = new Set(validateGraph(current).problems.map((p) => p.code));
    for (const code of ["bad-edge", "double-connection", "type-mismatch", "cycle", "path-conflict", "output-on-path", "unknown-input"] as const) expect(codes.has(code)).toBe(false);
  });
});

describe("portsOf", () => {
  const g = graph({ edges: [{ source: "fetch", target: "out", input: "text" }, { source: "in", target: "sub", input: "max" }] });
  const node = (id: string) => g.nodes.find((n) => n.id === id)!;

  it("lists declared inputs and the output type of code nodes", () => {
    expect(portsOf(node("fetch"))).toEqual({ inputs: [{ name: "url", type: "string", optional: true }], output: { type: "string" }, branches: false });
    expect(portsOf(node("a"))).toEqual({ inputs: [], output: {}, branches: false });
    expect(portsOf(node("each"))).toEqual({ inputs: [{ name: "item", type: "number[]", mapped: true }], output: { type: "string[]" }, branches: false });
    expect(portsOf(node("check"))).toEqual({ inputs: [], output: null, branches: true });
  });

  it("gives parameters their type and open nodes the inputs their edges use", () => {
    expect(portsOf(node("in"), g)).toEqual({ inputs: [], output: { type: "number" }, branches: false });
    expect(portsOf(node("in"))).toEqual({ inputs: [], output: {}, branches: false });
    expect(portsOf(node("out"), g)).toEqual({ inputs: [{ name: "text", type: "string" }], output: null, branches: false });
    expect(portsOf(node("sub"), g)).toEqual({ inputs: [{ name: "max", type: "number" }], output: {}, branches: false });
  });
});
