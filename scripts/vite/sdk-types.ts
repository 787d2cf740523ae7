/**
 * `virtual:flowbench-sdk-types`: the declaration files Monaco's TypeScript
 * worker needs to type node code, as `{ path, content }[]` under
 * file:///node_modules/ — the SDK (from `tsc -b`'s dist/) as the package
 * "flowbench", and @types/node with what it reaches (undici-types).
 * TypeScript itself works out "what it reaches", so the list never drifts.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import type { Plugin } from "vite";

const ID = "virtual:flowbench-sdk-types";
const RESOLVED = "\0" + ID;

export interface SdkTypeFile {
  path: string;
  content: string;
}

/** `repoRoot` defaults to the nearest folder above Vite's root whose package.json names "flowbench". */
export function sdkTypesPlugin(root?: string): Plugin {
  let repoRoot = root ?? process.cwd();
  return {
    name: "flowbench-sdk-types",
    configResolved(config) {
      if (!root) repoRoot = findRepoRoot(config.root) ?? repoRoot;
    },
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const entry = path.join(repoRoot, "dist/src-main/sdk.d.ts");
      if (!existsSync(entry)) this.error("flowbench-sdk-types: dist/src-main/sdk.d.ts is missing; run `npx tsc -b` first");
      let files: ReturnType<typeof collectSdkTypes>;
      try {
        files = collectSdkTypes(repoRoot);
      } catch (error) {
        this.error(error instanceof Error ? error.message : String(error));
      }
      for (const f of files) this.addWatchFile(f.source);
      return `export default ${JSON.stringify(files.map(({ path, content }) => ({ path, content })))};`;
    },
  };
}

function findRepoRoot(from: string): string | null {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "flowbench") return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

/** Every declaration file a program rooted at the SDK's entry (plus @types/node) reads, but TypeScript's own libs. */
export function collectSdkTypes(repoRoot: string): (SdkTypeFile & { source: string })[] {
  const entry = path.join(repoRoot, "dist/src-main/sdk.d.ts");
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noEmit: true,
    types: ["node"],
    typeRoots: [path.join(repoRoot, "node_modules/@types")],
    lib: ["lib.es2023.d.ts"],
  };
  const program = ts.createProgram({ rootNames: [entry], options });
  const missing = program.getOptionsDiagnostics().concat(program.getGlobalDiagnostics());
  if (missing.length) throw new Error(`flowbench-sdk-types: ${ts.flattenDiagnosticMessageText(missing[0]!.messageText, " ")}`);

  const out: (SdkTypeFile & { source: string })[] = [];
  const packages = new Map<string, string>(); // virtual package dir → real dir
  for (const sf of program.getSourceFiles()) {
    if (program.isSourceFileDefaultLibrary(sf)) continue;
    const real = path.resolve(sf.fileName);
    const virtual = virtualPath(repoRoot, real);
    if (!virtual) continue;
    out.push({ path: virtual.file, content: sf.text, source: real });
    packages.set(virtual.packageDir, virtual.realPackageDir);
  }
  for (const [dir, realDir] of packages) {
    const pkg = path.join(realDir, "package.json");
    const content = dir.endsWith("/flowbench") ? flowbenchPackageJson() : existsSync(pkg) ? readFileSync(pkg, "utf8") : null;
    if (content !== null) out.push({ path: `${dir}/package.json`, content, source: pkg });
  }
  return out;
}

/** dist/… → file:///node_modules/flowbench/dist/…; node_modules/<pkg>/… stays where it is. */
function virtualPath(repoRoot: string, real: string): { file: string; packageDir: string; realPackageDir: string } | null {
  const rel = path.relative(repoRoot, real).split(path.sep).join("/");
  if (rel.startsWith("dist/")) {
    return { file: `file:///node_modules/flowbench/${rel}`, packageDir: "file:///node_modules/flowbench", realPackageDir: repoRoot };
  }
  const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(rel);
  if (!m) return null;
  return { file: `file:///${rel}`, packageDir: `file:///node_modules/${m[1]}`, realPackageDir: path.join(repoRoot, "node_modules", m[1]!) };
}

/** Just what resolution needs: the real one lists scripts and dependencies the worker has no use for. */
function flowbenchPackageJson(): string {
  const types = "./dist/src-main/sdk.d.ts";
  return JSON.stringify({ name: "flowbench", type: "module", types, exports: { ".": { types } } });
}
