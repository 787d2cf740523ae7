import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileGraph, flowGraphSchema } from "../../shared/graph/index.ts";
import { checkCompiledFlow } from "./typecheck.ts";

const at = { x: 0, y: 0 };
const file = join(import.meta.dirname, "virtual-flow.ts");

describe("checkCompiledFlow", () => {
  const graph = flowGraphSchema.parse({
    name: "checks",
    header: 'import { readFile } from "node:fs/promises";\nconst LIMIT: number = "ten";',
    params: [{ name: "path", type: "string" }],
    nodes: [
      { id: "path", kind: "input", title: "path", position: at, param: "path" },
      { id: "read", kind: "task", title: "Read", position: at, inputs: [{ name: "path", type: "string" }], output: "string", code: 'const text = await readFile(path, "utf8");\nreturn text.toUpperCase();' },
      { id: "count", kind: "task", title: "Count", position: at, inputs: [{ name: "text", type: "Buffer" }], output: "number", code: "\nif (text.length > 0) {\n    return text.lenght;\n}\nreturn 0;" },
    ],
    edges: [
      { source: "path", target: "read", input: "path" },
      { source: "read", target: "count", input: "text" },
    ],
  });

  it("maps each error to its node and to the line and column in that node's code", () => {
    const diagnostics = checkCompiledFlow(compileGraph(graph), file);
    expect(diagnostics.map(({ nodeId, role, line, column, message }) => ({ nodeId, role, line, column, message }))).toEqual([
      { nodeId: null, role: "header", line: 2, column: 7, message: "Type 'string' is not assignable to type 'number'." },
      { nodeId: "count", role: "body", line: 2, column: 17, message: "Property 'lenght' does not exist on type 'Buffer<ArrayBufferLike>'. Did you mean 'length'?" },
      { nodeId: "count", role: "call", line: expect.any(Number), column: expect.any(Number), message: expect.stringContaining("Argument of type 'TaskFuture<string>' is not assignable") },
    ]);
  });

  it("knows Node's types and the SDK's, so correct code has no errors", () => {
    const ok = { ...graph, header: 'import { readFile } from "node:fs/promises";', nodes: graph.nodes.slice(0, 2), edges: graph.edges.slice(0, 1) };
    expect(checkCompiledFlow(compileGraph(ok), file)).toEqual([]);
  });

  it("flags syntax Node cannot strip, such as enums", () => {
    const withEnum = { ...graph, header: "enum Color { Red }", nodes: [], edges: [] };
    expect(checkCompiledFlow(compileGraph(withEnum), file).map((d) => d.tsCode)).toEqual([1294]);
  });
});
