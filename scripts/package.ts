/**
 * `npm run package`: builds (tsc -b), then packages the desktop app with
 * electron-builder (config: electron-builder.yml) into release/.
 *
 * Where the Electron binary is not installed (it cannot be downloaded on every
 * machine), the app is packaged around a stand-in executable in
 * dist/electron-stand-in, and only the unpacked `dir` target is built: that
 * checks the package (asar contents, the unpacked native module), not a
 * running app. With a real Electron it builds every configured target.
 *
 *   --dir         only the unpacked dir target
 *   --out <dir>   write to <dir> instead of release/
 *   --no-build    skip tsc -b (dist/ is already built)
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { findElectron } from "./electron-binary.ts";

const root = resolve(import.meta.dirname, "..");
const { values: flags } = parseArgs({ options: { dir: { type: "boolean" }, out: { type: "string" }, "no-build": { type: "boolean" } } });
const require = createRequire(import.meta.url);
const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" }).status ?? 1;
const started = performance.now();

if (!flags["no-build"]) {
  const built = node([require.resolve("typescript/bin/tsc"), "-b"]);
  if (built !== 0) process.exit(built);
}

/** An executable named `electron` is all electron-builder needs from electronDist to lay out the app. */
function standIn(): string {
  const dir = join(root, "dist", "electron-stand-in");
  mkdirSync(dir, { recursive: true });
  const script = join(dir, "electron");
  writeFileSync(script, '#!/bin/sh\necho "This Flowbench package was built around a stand-in for Electron (none was installed): it checks packaging and cannot run." >&2\nexit 1\n');
  chmodSync(script, 0o755);
  return dir;
}

const electron = findElectron(root);
const dir = flags.dir || !electron;
if (!electron) {
  process.stdout.write("Flowbench: no Electron binary is installed, so the app is packaged around a stand-in (dist/electron-stand-in), dir target only: this checks the package, not a running app.\n");
}
const args = [
  require.resolve("electron-builder/cli.js"),
  "--linux",
  ...(dir ? ["--dir"] : []),
  `-c.electronDist=${electron ? electron.dist : standIn()}`,
  ...(flags.out ? [`-c.directories.output=${resolve(flags.out)}`] : []),
];
const status = node(args);
const output = flags.out ? resolve(flags.out) : join(root, "release");
if (status === 0) process.stdout.write(`Flowbench: packaged into ${output}/linux-unpacked in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
process.exit(status);
