import { describe, expect, it } from "vitest";
import { flowGraphSchema } from "../../../shared/graph/model.ts";
import { validateGraph } from "../../../shared/graph/validate/index.ts";
import { CLIPBOARD_MARKER, importStatements, mergeImports } from "./clipboard.ts";
import { node, sampleGraph, storeOf } from "./store-fixtures.ts";

describe("copySelection", () => {
  it("gives null when no node is selected, else JSON with the marker, inner edges, used params and imports", () => {
    const { s } = storeOf();
    expect(s().copySelection()).toBeNull();
    s().select({ nodes: ["in", "fetch"] });
    const payload = JSON.parse(s().copySelection()!);
    expect(payload[CLIPBOARD_MARKER]).toBe(1);
    expect(payload.nodes.map((n: { id: string }) => n.id)).toEqual(["in", "fetch"]);
    expect(payload.edges).toEqual([{ source: "in", target: "fetch", input: "url" }]);
    expect(payload.params).toEqual([{ name: "url", type: "string" }]);
    expect(payload.header).toBe('import { z } from "zod";');
    expect(s().canUndo).toBe(false);
  });
});

describe("paste", () => {
  it("pastes into another flow: new ids, unique titles, missing params and imports, inner edges only, one step", () => {
    const source = storeOf().s;
    source().select({ nodes: ["in", "fetch", "parse"] });
    const text = source().copySelection()!;
    const target = storeOf(flowGraphSchema.parse({
      name: "Target",
      header: 'import { a } from "a";\n\nconst x = 1;',
      nodes: [{ id: "own", kind: "task", title: "Fetch", position: { x: 0, y: 0 } }],
    })).s;
    const before = target().graph;
    const ids = target().paste(text);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(["in", "fetch", "parse", "own"]).not.toContain(id);
    expect(target().selection).toEqual({ nodes: ids, edges: [] });
    const [pin, pfetch, pparse] = ids.map((id) => node(target, id));
    expect(pin).toMatchObject({ kind: "input", param: "url", position: { x: 40, y: 40 } });
    expect(pfetch).toMatchObject({ title: "Fetch 2", code: "return url;", position: { x: 240, y: 40 } });
    expect(pparse).toMatchObject({ title: "Parse" });
    expect(target().graph.edges).toEqual([{ source: ids[0], target: ids[1], input: "url" }, { source: ids[1], target: ids[2], input: "rows" }]);
    expect(target().graph.params).toEqual([{ name: "url", type: "string" }]);
    expect(target().graph.header).toBe('import { a } from "a";\nimport { z } from "zod";\n\nconst x = 1;');
    expect(validateGraph(target().graph).problems.filter((p) => p.severity === "error")).toEqual([]);
    target().undo();
    expect(target().graph).toBe(before);
    expect(target().selection).toEqual({ nodes: [], edges: [] });
  });

  it("centres the pasted nodes at `at`", () => {
    const { s } = storeOf();
    s().select({ nodes: ["fetch", "parse"] });
    const ids = s().paste(s().copySelection()!, { x: 1000, y: 500 });
    expect(ids.map((id) => node(s, id).position)).toEqual([{ x: 900, y: 500 }, { x: 1100, y: 500 }]);
  });

  it("reuses a parameter's node and the output the flow already has", () => {
    const { s } = storeOf();
    s().select({ nodes: ["in", "fetch", "out"] });
    const ids = s().paste(s().copySelection()!);
    expect(ids).toHaveLength(1);
    // The copy of Fetch reads the existing url node; Fetch's edge to the output was not copied (not among selected).
    expect(s().graph.edges.at(-1)).toEqual({ source: "in", target: ids[0], input: "url" });
    expect(s().graph.nodes.filter((n) => n.kind === "input" || n.kind === "output")).toHaveLength(2);
  });

  it("duplicateSelection pastes a copy 40px right and below", () => {
    const { s } = storeOf();
    expect(s().duplicateSelection()).toEqual([]);
    s().select({ nodes: ["fetch", "parse"] });
    const ids = s().duplicateSelection();
    expect(ids.map((id) => node(s, id))).toMatchObject([
      { title: "Fetch 2", position: { x: 240, y: 40 } },
      { title: "Parse 2", position: { x: 440, y: 40 } },
    ]);
    expect(s().graph.edges.at(-1)).toEqual({ source: ids[0], target: ids[1], input: "rows" });
    const again = s().duplicateSelection();
    expect(again.map((id) => node(s, id).title)).toEqual(["Fetch 3", "Parse 3"]);
  });

  it("returns [] and changes nothing for text that is not Flowbench nodes", () => {
    const { s } = storeOf();
    const graph = s().graph;
    for (const text of ["", "hello", "{}", '{"flowbench/clipboard":2,"nodes":[]}', '{"flowbench/clipboard":1,"nodes":[{"id":"x"}]}', '{"flowbench/clipboard":1,"nodes":[]}']) {
      expect(s().paste(text)).toEqual([]);
    }
    expect(s().graph).toBe(graph);
    expect(s().canUndo).toBe(false);
  });

  it("adds the imports of pasted template nodes", () => {
    const { s } = storeOf(sampleGraph({ header: "" }));
    const a = storeOf(flowGraphSchema.parse({ name: "A" })).s;
    a().addNode({ kind: "template", template: "write-file" }, { x: 0, y: 0 });
    a().selectAll();
    s().paste(a().copySelection()!);
    expect(importStatements(s().graph.header)).toEqual(['import { mkdir, writeFile } from "node:fs/promises";', 'import { dirname } from "node:path";']);
  });
});

describe("import merging", () => {
  it("reads multi-line imports and adds each missing one once", () => {
    const header = 'import {\n  a,\n  b,\n} from "x";\nimport "side-effect";\n\ntype T = string;';
    expect(importStatements(header)).toEqual(['import {\n  a,\n  b,\n} from "x";', 'import "side-effect";']);
    expect(mergeImports(header, 'import { a, b } from "x";\nimport { c } from "y";')).toBe('import {\n  a,\n  b,\n} from "x";\nimport "side-effect";\nimport { c } from "y";\n\ntype T = string;');
    expect(mergeImports("", 'import { c } from "y";')).toBe('import { c } from "y";');
    expect(mergeImports("const a = 1;", 'import { c } from "y";')).toBe('import { c } from "y";\n\nconst a = 1;');
  });
});
