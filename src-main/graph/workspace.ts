/**
 * A workspace is a folder of flow files. For `import "flowbench"` to resolve
 * there (when the app runs a flow, and for `node flow.ts` by hand), it needs
 * a package.json with "type": "module" and the package in node_modules;
 * the default workspace gets a link to this very package.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export function ensureWorkspace(dir: string): void {
  mkdirSync(dir, { recursive: true });
  if (!findPackageJson(dir)) writeFileSync(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }, null, 2) + "\n");
  if (!resolvesFlowbench(dir)) {
    mkdirSync(join(dir, "node_modules"), { recursive: true });
    symlinkSync(packageRoot(), join(dir, "node_modules", "flowbench"), "dir");
  }
}

function resolvesFlowbench(dir: string): boolean {
  try {
    createRequire(join(dir, "noop.js")).resolve("flowbench/package.json");
    return true;
  } catch {
    return false;
  }
}

function findPackageJson(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const candidate = join(d, "package.json");
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) return undefined;
  }
}

/** This package's root: the nearest package.json named "flowbench" above this file. */
export function packageRoot(): string {
  for (let d = dirname(fileURLToPath(import.meta.url)); ; d = dirname(d)) {
    const candidate = join(d, "package.json");
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, "utf8")) as { name?: string }).name === "flowbench") return d;
    if (dirname(d) === d) throw new Error("The flowbench package root was not found above " + fileURLToPath(import.meta.url));
  }
}
