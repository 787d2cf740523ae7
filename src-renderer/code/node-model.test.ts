import { describe, expect, it } from "vitest";
import { compileGraph } from "../../shared/graph/compile/index.ts";
import { flowGraphSchema, type CodeNode } from "../../shared/graph/model.ts";
import {
  applyTextChanges,
  bodyOf,
  bodyStartLine,
  bodyToModel,
  buildPrelude,
  minimalEdit,
  modelText,
  modelToBody,
  toNodeDiagnostics,
  type FlowDiagnostic,
} from "./node-model.ts";

const at = { x: 0, y: 0 };
const graph = (input: Record<string, unknown>) => flowGraphSchema.parse({ name: "demo", ...input });
const node = (extra: Partial<CodeNode> & Record<string, unknown> = {}) =>
  ({ id: "n", kind: "task", title: "Greet person", position: at, inputs: [], options: {}, code: "", ...extra }) as CodeNode;

describe("buildPrelude", () => {
  it("imports the SDK helpers, then the header, then the typed signature", () => {
    const prelude = buildPrelude(
      { header: "interface P { name: string }" },
      node({ inputs: [{ name: "p", type: "P" }, { name: "n", optional: true }], output: "string" }),
    );
    const lines = prelude.split("\n");
    expect(lines[0]).toMatch(/^import \{ .*\bgetLogger\b.*\btask\b.* \} from "flowbench";$/);
    expect(lines.slice(1)).toEqual(["interface P { name: string }", "export async function greetPerson(p: P, n?): Promise<string> {", ""]);
  });

  it("leaves out helpers the header binds itself, and types a branch as boolean", () => {
    const prelude = buildPrelude({ header: 'import { getLogger } from "./log.ts";' }, node({ kind: "branch" }));
    expect(prelude.split("\n")[0]).not.toMatch(/getLogger/);
    expect(prelude).toContain("export async function greetPerson(): Promise<boolean> {\n");
  });
});

describe("body ↔ model", () => {
  const prelude = "import { task } from \"flowbench\";\nexport async function f(x: number) {\n";

  it("round-trips the body, and notices a broken prelude or suffix", () => {
    const text = modelText(prelude, "return x;\n");
    expect(bodyOf(text, prelude)).toBe("return x;\n");
    expect(bodyOf(modelText(prelude, ""), prelude)).toBe("");
    expect(bodyOf(text.replace("{\n", "{"), prelude)).toBeNull();
    expect(bodyOf(text.slice(0, -2), prelude)).toBeNull();
  });

  it("shifts lines only", () => {
    expect(bodyStartLine(prelude)).toBe(3);
    expect(bodyToModel(prelude, { line: 1, column: 5 })).toEqual({ line: 3, column: 5 });
    expect(modelToBody(prelude, { line: 4, column: 2 })).toEqual({ line: 2, column: 2 });
    expect(modelToBody(prelude, { line: 2, column: 2 })).toBeNull();
  });
});

describe("toNodeDiagnostics", () => {
  const flow = graph({
    header: "const limit = 3;",
    nodes: [
      { id: "a", kind: "task", title: "a", position: at, output: "number", code: "\n\n    const s = `x\ny`;\n    return s.length;" },
      { id: "b", kind: "task", title: "b", position: at, inputs: [{ name: "x", type: "number" }], code: "return x;" },
      { id: "sub", kind: "subflow", title: "report", position: at, flow: "report" },
    ],
    edges: [{ source: "a", target: "b", input: "x" }],
  });
  const compiled = compileGraph(flow);
  const lines = compiled.code.split("\n");
  const find = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
  const diag = (line: number, column: number, code?: number): FlowDiagnostic => ({ line, column, message: "m", severity: "error", ...(code ? { code } : {}) });

  it("maps a body position to the node's stored code: leading blank lines and shared indent restored", () => {
    const line = find("return s.length;");
    const column = lines[line - 1]!.indexOf("s.length") + 1;
    expect(toNodeDiagnostics(compiled, flow, [diag(line, column)])).toEqual([
      { nodeId: "a", severity: "error", message: "m", source: "typescript", line: 5, column: 12 },
    ]);
  });

  it("does not shift columns on lines inside a multi-line literal (the compiler leaves them unindented)", () => {
    const line = find("y`;");
    expect(lines[line - 1]).toBe("y`;");
    expect(toNodeDiagnostics(compiled, flow, [diag(line, 1)])[0]).toMatchObject({ nodeId: "a", line: 4, column: 1 });
  });

  it("puts a call-site error on the node without a position, and drops header errors and unresolved subflow imports", () => {
    const call = find("b.submit(");
    const header = find("const limit");
    const subflowImport = find('import report from "./report.ts"');
    expect(subflowImport).toBeGreaterThan(0);
    expect(toNodeDiagnostics(compiled, flow, [diag(call, 10), diag(header, 1), diag(subflowImport, 20, 2307)])).toEqual([
      { nodeId: "b", severity: "error", message: "m", source: "typescript" },
    ]);
  });
});

describe("text edits", () => {
  it("finds the smallest replacement", () => {
    expect(minimalEdit("abcdef", "abXYef")).toEqual({ start: 2, end: 4, text: "XY" });
    expect(minimalEdit("aaa", "aaaa")).toEqual({ start: 3, end: 3, text: "a" });
    expect(minimalEdit("same", "same")).toBeNull();
  });

  it("applies TypeScript text changes in any order", () => {
    const changes = [
      { span: { start: 0, length: 1 }, newText: "A" },
      { span: { start: 4, length: 0 }, newText: "!" },
    ];
    expect(applyTextChanges("abcd", changes)).toBe("Abcd!");
  });
});
