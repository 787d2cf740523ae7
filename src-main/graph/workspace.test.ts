import { existsSync, lstatSync, mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureWorkspace, packageRoot } from "./workspace.ts";

const root = resolve(import.meta.dirname, "../..");

describe("ensureWorkspace", () => {
  it("makes a folder where `import \"flowbench\"` resolves to this package, as an ES module", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "flowbench-ws-")), "flows");
    try {
      ensureWorkspace(dir);
      expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))).toEqual({ private: true, type: "module" });
      expect(lstatSync(join(dir, "node_modules/flowbench")).isSymbolicLink()).toBe(true);
      expect(realpathSync(join(dir, "node_modules/flowbench"))).toBe(realpathSync(root));
      ensureWorkspace(dir); // a second time changes nothing and does not throw
    } finally {
      rmSync(dirname2(dir), { recursive: true, force: true });
    }
  });

  it("leaves a folder that already resolves flowbench alone", () => {
    // Inside the package, "flowbench" resolves to the package itself.
    const inside = mkdtempSync(join(root, ".ws-test-"));
    try {
      ensureWorkspace(inside);
      expect(existsSync(join(inside, "node_modules"))).toBe(false);
      expect(existsSync(join(inside, "package.json"))).toBe(false);
    } finally {
      rmSync(inside, { recursive: true, force: true });
    }
  });

  it("finds the package root", () => {
    expect(realpathSync(packageRoot())).toBe(realpathSync(root));
  });
});

function dirname2(path: string): string {
  return resolve(path, "..");
}
