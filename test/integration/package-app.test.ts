// `npm run package` builds the desktop app's unpacked `dir` target with electron-builder. Without an Electron
// binary (as on CI) it packages around a stand-in executable: this checks the package — the asar's contents and
// the unpacked native module — not that the app runs.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findElectron } from "../../scripts/electron-binary.ts";
import { ROOT } from "../helpers/spawn.ts";

const out = mkdtempSync(join(tmpdir(), "flowbench-package-"));
const resources = join(out, "linux-unpacked", "resources");
let stdout = "";
let entries = new Map<string, { unpacked: boolean }>();

interface AsarNode {
  files?: Record<string, AsarNode>;
  unpacked?: boolean;
}

/** The asar header is a length-prefixed JSON tree of the files (see @electron/asar); read it directly. */
function listAsar(file: string): Map<string, { unpacked: boolean }> {
  const data = readFileSync(file);
  const header = JSON.parse(data.toString("utf8", 16, 16 + data.readUInt32LE(12))) as AsarNode;
  const found = new Map<string, { unpacked: boolean }>();
  const walk = (node: AsarNode, path: string) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      if (child.files) walk(child, `${path}/${name}`);
      else found.set(`${path}/${name}`.slice(1), { unpacked: child.unpacked === true });
    }
  };
  walk(header, "");
  return found;
}

beforeAll(async () => {
  const result = await promisify(execFile)("npm", ["run", "package", "--", "--dir", "--out", out], {
    cwd: ROOT,
    env: { ...process.env, npm_config_update_notifier: "false" },
    maxBuffer: 16 * 1024 * 1024,
  });
  stdout = result.stdout;
  entries = listAsar(join(resources, "app.asar"));
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.skipIf(process.platform !== "linux")("the packaged desktop app (dir target)", () => {
  it("says when it used a stand-in for Electron", () => {
    if (!findElectron(ROOT)) expect(stdout).toContain("stand-in");
    expect(existsSync(join(out, "linux-unpacked", "flowbench"))).toBe(true);
  });

  it("holds the Electron main process, the preload and the package.json that names main", () => {
    for (const file of ["dist/src-main/electron/main.js", "dist/src-main/electron/app.js", "dist/src-main/electron/preload.cjs", "resources/placeholder/index.html", "package.json"]) {
      expect(entries.has(file), file).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { main: string };
    expect(manifest.main).toBe("dist/src-main/electron/main.js");
  });

  it("holds what graph type checks read: the SDK's declarations, TypeScript's lib files and Node's types", () => {
    // electron-builder drops .d.ts files by default; electron-builder.yml and scripts/electron-builder-hooks.ts keep these.
    for (const file of ["dist/src-main/sdk.js", "dist/src-main/sdk.d.ts", "dist/shared/sdk/index.d.ts", "node_modules/typescript/lib/lib.es2023.d.ts", "node_modules/@types/node/index.d.ts"]) {
      expect(entries.has(file), file).toBe(true);
    }
  });

  it("leaves out tests, sources, maps and the stand-in", () => {
    const ours = [...entries.keys()].filter((file) => !file.startsWith("node_modules/"));
    expect(ours.filter((file) => /\.test\.|\.map$|\.tsbuildinfo$|^test\/|^src-|^scripts\/|electron-stand-in|graph\/testing\//.test(file))).toEqual([]);
    expect(ours.filter((file) => /\.(c|m)?ts$/.test(file) && !/\.d\.(c|m)?ts$/.test(file))).toEqual([]);
  });

  it("has production dependencies and no development ones", () => {
    const packages = new Set([...entries.keys()].filter((f) => f.startsWith("node_modules/")).map((f) => f.split("/").slice(1, f.split("/")[1]!.startsWith("@") ? 3 : 2).join("/")));
    for (const name of ["better-sqlite3", "commander", "typescript", "ws", "zod"]) expect(packages.has(name), name).toBe(true);
    for (const name of ["electron", "electron-builder", "vitest", "eslint", "fast-check", "node"]) expect(packages.has(name), name).toBe(false);
  });

  it("unpacks better-sqlite3's native module for this platform, and only that one", () => {
    const native = `node_modules/better-sqlite3/prebuilds/${process.platform}-${process.arch}.node`;
    expect(entries.get(native)).toEqual({ unpacked: true });
    expect(existsSync(join(resources, "app.asar.unpacked", native))).toBe(true);
    expect([...entries.keys()].filter((file) => file.endsWith(".node"))).toEqual([native]);
  });
});
