// npm start and npm run package look for the Electron binary the way the electron package does, minus its download.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findElectron } from "../../scripts/electron-binary.ts";

const root = mkdtempSync(join(tmpdir(), "flowbench-electron-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const pkg = join(root, "node_modules", "electron");

describe("finding the Electron binary", () => {
  it("finds nothing when the package's install script never ran (no path.txt), as with this project's npm install", () => {
    mkdirSync(pkg, { recursive: true });
    expect(findElectron(root, {})).toBeNull();
  });

  it("finds nothing when path.txt names a binary that is not there", () => {
    writeFileSync(join(pkg, "path.txt"), "electron");
    expect(findElectron(root, {})).toBeNull();
  });

  it("finds the downloaded binary in the package's dist folder", () => {
    mkdirSync(join(pkg, "dist"), { recursive: true });
    writeFileSync(join(pkg, "dist", "electron"), "");
    chmodSync(join(pkg, "dist", "electron"), 0o755);
    expect(findElectron(root, {})).toEqual({ dist: join(pkg, "dist"), executable: join(pkg, "dist", "electron") });
  });

  it("honours ELECTRON_OVERRIDE_DIST_PATH, as the electron package does", () => {
    const elsewhere = join(root, "custom-electron");
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, "electron"), "");
    expect(findElectron(root, { ELECTRON_OVERRIDE_DIST_PATH: elsewhere })).toEqual({ dist: elsewhere, executable: join(elsewhere, "electron") });
    expect(findElectron(root, { ELECTRON_OVERRIDE_DIST_PATH: join(root, "none") })).toBeNull();
  });
});
