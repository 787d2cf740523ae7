import { describe, expect, it } from "vitest";
import { flowGraphSchema } from "../model.ts";
import { identFromTitle } from "../names.ts";
import { compileGraph } from "./index.ts";

const at = { x: 0, y: 0 };
const graph = (input: Record<string, unknown>) => flowGraphSchema.parse({ name: "demo", ...input });
const task = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: "task", title: id, position: at, inputs: [], code: "return 1;", ...extra });

describe("compileGraph", () => {
  const diamond = graph({
    nodes: [
      task("a", { output: "number" }),
      task("b", { inputs: [{ name: "x", type: "number" }] }),
      task("c", { inputs: [{ name: "x", type: "number" }] }),
      task("d", { inputs: [{ name: "l" }, { name: "r" }] }),
      { id: "out", kind: "output", title: "Output", position: at },
    ],
    edges: [
      { source: "a", target: "b", input: "x" },
      { source: "a", target: "c", input: "x" },
      { source: "b", target: "d", input: "l" },
      { source: "c", target: "d", input: "r" },
      { source: "d", target: "out", input: "result" },
    ],
  });

  it("starts independent tasks as futures, so they run at once, and awaits only the result", () => {
    const body = compileGraph(diamond).code.split("async function demo() {\n")[1]!.split("\n});")[0];
    expect(body).toBe(
      [
        "  const aResult = a.submit();",
        "  const bResult = b.submit(aResult);",
        "  const cResult = c.submit(aResult);",
        "  const dResult = d.submit(bResult, cResult);",
        "  return await dResult;",
      ].join("\n"),
    );
  });

  it("gives the same text for the same graph, whatever the order of its edges", () => {
    const shuffled = { ...diamond, edges: [...diamond.edges].reverse() };
    expect(compileGraph(shuffled).code).toBe(compileGraph(diamond).code);
  });

  it("changes one line when a node moves", () => {
    const moved = { ...diamond, nodes: diamond.nodes.map((n) => (n.id === "c" ? { ...n, position: { x: 500, y: 120 } } : n)) };
    const before = compileGraph(diamond).code.split("\n");
    const after = compileGraph(moved).code.split("\n");
    expect(after.length).toBe(before.length);
    expect(after.filter((line, i) => line !== before[i])).toEqual(['// {"ref":"c","id":"c","x":500,"y":120}']);
  });

  it("writes an empty flow as a one-liner that still runs as a script", () => {
    expect(compileGraph(graph({})).code).toBe(
      'import { flow, runFromCommandLine } from "flowbench";\n\nconst demo = flow(async function demo() {});\nexport default demo;\n\nif (import.meta.main) await runFromCommandLine(demo);\n',
    );
  });

  it("keeps options on the first line while it fits, and one per line past 120 columns", () => {
    const short = compileGraph(graph({ nodes: [task("load", { options: { retries: 2 } })] })).code;
    expect(short).toContain("export const load = task({ retries: 2 }, async function load() {");
    const long = compileGraph(graph({ nodes: [task("load", { options: { retries: 2, retryDelayMs: [1000, 2000, 4000], timeoutMs: 30000, tags: ["etl", "nightly"] } })] })).code;
    expect(long).toContain('export const load = task({\n  tags: ["etl", "nightly"],\n  retries: 2,\n  retryDelayMs: [1000, 2000, 4000],\n  timeoutMs: 30000,\n}, async function load() {');
  });

  it("imports the SDK helpers a body uses, unless the header imports them itself", () => {
    const uses = graph({ nodes: [task("a", { code: 'getLogger().info("x");\nthrow new NonRetryableError("no");' })] });
    expect(compileGraph(uses).code.split("\n")[0]).toBe('import { flow, getLogger, NonRetryableError, runFromCommandLine, task } from "flowbench";');
    const own = { ...uses, header: 'import { getLogger } from "flowbench";' };
    expect(compileGraph(own).code.split("\n")[0]).toBe('import { flow, NonRetryableError, runFromCommandLine, task } from "flowbench";');
  });

  it("keeps multi-line template literals byte for byte when it indents a body", () => {
    const code = "const sql = `\nSELECT *\n    FROM t`;\nreturn sql;";
    const out = compileGraph(graph({ nodes: [task("q", { code })] })).code;
    expect(out).toContain("  const sql = `\nSELECT *\n    FROM t`;\n  return sql;");
  });

  it("records which lines belong to which node", () => {
    const compiled = compileGraph(diamond);
    const lines = compiled.code.split("\n");
    const body = compiled.spans.find((s) => s.nodeId === "b" && s.role === "body")!;
    expect(lines[body.startLine - 1]).toBe("  return 1;");
    const call = compiled.spans.find((s) => s.nodeId === "d" && s.role === "call")!;
    expect(lines[call.startLine - 1]).toContain("d.submit(bResult, cResult)");
  });
});

describe("identFromTitle", () => {
  it.each([
    ["Fetch orders", "fetchOrders"],
    ["HTTP request", "httpRequest"],
    ["fetchOrders", "fetchOrders"],
    ["send_email now", "sendEmailNow"],
    ["Café prix", "caféPrix"],
    ["2nd pass", "_2ndPass"],
    ["delete", "deleteStep"],
    ["getLogger", "getLoggerStep"],
    ["  ", "step"],
    ["🚀 launch", "launch"],
  ])("%s → %s", (title, ident) => expect(identFromTitle(title)).toBe(ident));
});
