/**
 * The extra libs Monaco's worker gets must make `"flowbench"` and `node:*`
 * resolve the way the worker resolves them (all libs are root files, paths are
 * file:/// URIs, no directory listing). Needs `tsc -b`'s dist/ (npm test builds it first).
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { collectSdkTypes } from "../../scripts/vite/sdk-types.ts";

describe("SDK types for Monaco", () => {
  const libs = collectSdkTypes(process.cwd());

  it("carries the SDK as the package flowbench, and @types/node", () => {
    expect(libs.map((l) => l.path)).toEqual(
      expect.arrayContaining(["file:///node_modules/flowbench/package.json", "file:///node_modules/flowbench/dist/src-main/sdk.d.ts", "file:///node_modules/@types/node/fs/promises.d.ts"]),
    );
  });

  it("types a node module against them with the worker's options", () => {
    const main = "file:///flowbench/1-node.ts";
    const files = new Map(libs.map((l) => [l.path, l.content]));
    files.set(main, 'import { task, getLogger } from "flowbench";\nimport { readFile } from "node:fs/promises";\nexport async function f(p: string) {\n  getLogger().info(p);\n  const n: number = await readFile(p, "utf8");\n  return task;\n}\n');
    const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2023, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ["lib.es2023.d.ts"], types: [], strict: true, noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true };
    const real = ts.createCompilerHost(options);
    const host: ts.CompilerHost = {
      ...real,
      getCurrentDirectory: () => "",
      // Like Monaco's host: no directory probing, so every directory is assumed to exist.
      directoryExists: undefined,
      realpath: undefined,
      fileExists: (f) => files.has(f) || real.fileExists(f),
      readFile: (f) => files.get(f) ?? real.readFile(f),
      getSourceFile: (f, lang) => (files.has(f) ? ts.createSourceFile(f, files.get(f)!, lang) : real.getSourceFile(f, lang)),
    };
    const program = ts.createProgram({ rootNames: [main, ...libs.filter((l) => l.path.endsWith(".d.ts")).map((l) => l.path)], options, host });
    const messages = ts.getPreEmitDiagnostics(program, program.getSourceFile(main)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "));
    expect(messages).toEqual(["Type 'string' is not assignable to type 'number'."]);
  });
});
