/**
 * Where the installed Electron binary is, if it is. This mirrors what the
 * electron package's index.js does, without its side effect: when the binary is
 * missing, `require("electron")` tries to download it (which cannot work here).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface ElectronBinary {
  /** The folder electron-builder's electronDist takes. */
  dist: string;
  executable: string;
}

export function findElectron(root: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary | null {
  const pkg = join(root, "node_modules", "electron");
  // path.txt is written by the electron package's install script, which this project does not run by default.
  const name = existsSync(join(pkg, "path.txt")) ? readFileSync(join(pkg, "path.txt"), "utf8").trim() : null;
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || (name ? join(pkg, "dist") : null);
  if (!dist) return null;
  const executable = join(dist, name || "electron");
  return existsSync(executable) ? { dist, executable } : null;
}
