import { describe, expect, it } from "vitest";
import { TEMPLATE_IDS } from "./model.ts";
import { codeSyntaxErrors } from "./syntax.ts";
import { nodeFromTemplate, TEMPLATES, withTemplateImports } from "./templates.ts";
import { validateGraph } from "./validate/index.ts";

describe("templates", () => {
  it("exist for every template id, as valid task nodes with valid code", () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual([...TEMPLATE_IDS].sort());
    for (const id of TEMPLATE_IDS) {
      const node = nodeFromTemplate(id, `n-${id}`, { x: 1, y: 2 });
      expect(node).toMatchObject({ kind: "task", template: id, title: TEMPLATES[id].title });
      expect(codeSyntaxErrors(node.code)).toEqual([]);
      const optional = node.inputs.map((p) => ({ ...p, optional: true }));
      expect(validateGraph({ name: "t", nodes: [{ ...node, inputs: optional }] }).problems).toEqual([]);
    }
  });

  it("gives each node its own copy of inputs and options", () => {
    const a = nodeFromTemplate("http-request", "a", { x: 0, y: 0 });
    a.options.retries = 9;
    a.inputs[0]!.name = "changed";
    expect(nodeFromTemplate("http-request", "b", { x: 0, y: 0 })).toMatchObject({ options: { retries: 2 }, inputs: [{ name: "url" }] });
  });

  it("adds a template's imports to the header once, after the imports already there", () => {
    let header = 'import { z } from "zod";\n\nconst LIMIT = 3;';
    header = withTemplateImports(header, "write-file");
    header = withTemplateImports(header, "write-file");
    expect(header).toBe('import { z } from "zod";\nimport { mkdir, writeFile } from "node:fs/promises";\nimport { dirname } from "node:path";\n\nconst LIMIT = 3;');
    expect(withTemplateImports("const a = 1;", "read-file")).toBe('import { readFile } from "node:fs/promises";\n\nconst a = 1;');
    expect(withTemplateImports("", "log")).toBe("");
  });
});
