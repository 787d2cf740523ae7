import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Lints text as if it lived at a path, so the rule is proven to fire, not just configured.
async function problems(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import direction", () => {
  it("keeps node:* out of shared/", async () => {
    expect(await problems("shared/sdk/x.ts", `import { readFileSync } from "node:fs";\nexport const f = readFileSync;\n`)).toEqual([
      expect.stringContaining("browser-safe"),
    ]);
  });

  it("keeps src-main and src-renderer out of shared/", async () => {
    const found = await problems("shared/graph/x.ts", `import { a } from "../../src-main/sdk.ts";\nimport { b } from "../../src-renderer/app.ts";\nexport const c = [a, b];\n`);
    expect(found).toHaveLength(2);
  });

  it("keeps the renderer and the main process apart", async () => {
    expect(await problems("src-renderer/views/x.ts", `import { s } from "../../src-main/store/sqlite/index.ts";\nexport const t = s;\n`)).toHaveLength(1);
    expect(await problems("src-main/cli/x.ts", `import { v } from "../../src-renderer/views/runs.ts";\nexport const w = v;\n`)).toHaveLength(1);
  });

  it("lets everyone import shared/", async () => {
    expect(await problems("src-main/cli/x.ts", `import { task } from "../../shared/sdk/index.ts";\nexport const t = task;\n`)).toEqual([]);
    expect(await problems("src-renderer/x.ts", `import { task } from "../shared/sdk/index.ts";\nexport const t = task;\n`)).toEqual([]);
  });
});
