/**
 * Builds the renderer (dist/renderer) when it is missing or older than its
 * sources, so `npm start` on a fresh clone opens the real app, not a status page.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export function ensureRendererBuilt(root: string): number {
  const index = join(root, "dist/renderer/index.html");
  const sources = Math.max(newest(join(root, "src-renderer")), newest(join(root, "shared")), statSync(join(root, "vite.config.ts")).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return 0;
  process.stdout.write("Flowbench: building the app's pages (vite build)…\n");
  const vite = createRequire(join(root, "package.json")).resolve("vite/bin/vite.js");
  return spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], { stdio: "inherit", cwd: root }).status ?? 1;
}
