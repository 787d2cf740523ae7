/**
 * `npm start`: the desktop app. It builds (tsc -b) and launches Electron on
 * this folder, whose package.json "main" is dist/src-main/electron/main.js.
 * Where the Electron binary is not installed (`npm install` does not download
 * it: see allowScripts in package.json), it says so in one line and starts
 * `flowbench server` instead, the same app in a browser. Arguments after
 * `npm start --` go to Electron or the server.
 */
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { constants } from "node:os";
import { resolve } from "node:path";
import { findElectron } from "./electron-binary.ts";
import { ensureRendererBuilt } from "./renderer-build.ts";

const root = resolve(import.meta.dirname, "..");
const bin = resolve(root, "src-main/cli/bin.ts");
const extra = process.argv.slice(2);
const cliArgs = (args: string[]) => ["--conditions=flowbench-source", bin, ...args];

/** Runs a long-lived child and exits with its status. Ctrl-C reaches it from the terminal; a SIGTERM sent to us is passed on. */
function runUntilDone(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const child = spawn(command, args, { stdio: "inherit", cwd: root, env });
  process.on("SIGINT", () => undefined);
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  child.on("close", (code, signal) => process.exit(code ?? (signal ? 128 + constants.signals[signal] : 1)));
}

const electron = findElectron(root);
// Both the window and the server show dist/renderer; its type libraries come from tsc's output.
const compiled = spawnSync(process.execPath, [createRequire(import.meta.url).resolve("typescript/bin/tsc"), "-b"], { stdio: "inherit", cwd: root }).status;
if (compiled !== 0) process.exit(compiled ?? 1);
const rendered = ensureRendererBuilt(root);
if (rendered !== 0) process.exit(rendered);
if (electron) {
  // With ELECTRON_RUN_AS_NODE set, the binary would be a plain Node and ignore the app.
  const { ELECTRON_RUN_AS_NODE: _ignored, ...env } = process.env;
  runUntilDone(electron.executable, [root, ...extra], env);
} else if (/^\s+server\b/m.test(spawnSync(process.execPath, cliArgs(["--help"]), { cwd: root, encoding: "utf8" }).stdout)) {
  process.stdout.write("Flowbench: no Electron binary is installed here, so this starts `flowbench server` instead: the same app, in your browser.\n");
  runUntilDone(process.execPath, cliArgs(["server", ...extra]));
} else {
  // Until `flowbench server` exists: run the sample flow against the real history and list the runs.
  const cli = (args: string[]) => spawnSync(process.execPath, cliArgs(args), { stdio: "inherit", cwd: root }).status ?? 1;
  process.stdout.write("Flowbench: no Electron binary is installed here and `flowbench server` is not built yet; running the sample flow instead.\n\n");
  const status = cli(["run", resolve(root, "resources/flows/hello.ts"), "--params", '{"name":"Flowbench"}']);
  process.stdout.write("\nRecent runs (the same history `node your-flow.ts` writes to):\n");
  cli(["runs", "ls", "--limit", "5"]);
  process.exit(status);
}
