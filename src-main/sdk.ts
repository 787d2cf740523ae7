/**
 * The `flowbench` package entry on Node: the browser-safe SDK, wired to Node's
 * async context, the SQLite history at $FLOWBENCH_HOME/flowbench.db, the terminal,
 * and process exit. Importing it opens nothing; the store opens on the first run.
 */
import { RunNames, formatEvent, minLevelOf } from "../shared/sdk/console.ts";
import { subscribe } from "../shared/sdk/events.ts";
import { installPlatform } from "../shared/sdk/platform.ts";
import { configure, consoleLevel, setDefaultStoreFactory, setServeImplementation } from "../shared/sdk/runtime.ts";
import type { LogLevelName, RunStore } from "../shared/store/types.ts";
import { assertNodeVersion } from "./platform/node-version.ts";
import { nodePlatform } from "./platform/node.ts";
import { databasePath } from "./platform/paths.ts";
import { isOwnerAlive } from "./platform/process.ts";
import { installExitHandling } from "./sdk/process-exit.ts";
import { serveFlow } from "./sdk/serve.ts";
import { terminalStyle } from "./sdk/terminal.ts";
import { openSqliteStore as openSqliteStoreImpl } from "./store/sqlite/index.ts";

installPlatform(nodePlatform);
setDefaultStoreFactory(() => {
  assertNodeVersion();
  const store = openSqliteStore(databasePath());
  // Runs left RUNNING by a killed process are marked Crashed by whoever opens the history next.
  void store.markOrphansCrashed(isOwnerAlive).catch(() => undefined);
  return store;
});

const envLevel = process.env.FLOWBENCH_LOG_LEVEL?.toLowerCase();
if (envLevel === "off" || envLevel === "debug" || envLevel === "info" || envLevel === "warning" || envLevel === "error") {
  configure({ consoleLevel: envLevel as LogLevelName | "off" });
}
const style = terminalStyle();
const names = new RunNames();
subscribe((event) => {
  const level = consoleLevel();
  if (level === "off") return;
  names.observe(event);
  const line = formatEvent(event, minLevelOf(level), style, names);
  if (line !== undefined) nodePlatform.writeLine(line, "out");
});
installExitHandling();
setServeImplementation(serveFlow);

export * from "../shared/sdk/index.ts";
export { runFromCommandLine } from "./sdk/command-line.ts";

/**
 * Opens (and migrates) a SQLite run history, e.g. to pass to `configure({ store })`.
 * Typed as the store interface so users need no better-sqlite3 types.
 */
export function openSqliteStore(path: string, options: { readonly?: boolean } = {}): RunStore {
  return openSqliteStoreImpl(path, options);
}
