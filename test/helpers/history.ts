import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { configure, openSqliteStore, type RunStore } from "flowbench";

export interface TempHistory extends AsyncDisposable {
  dir: string;
  dbPath: string;
  store: RunStore;
}

/** A fresh SQLite history in a temp folder, made the SDK's store for this test file. */
export function useTempHistory(): TempHistory {
  const dir = mkdtempSync(join(tmpdir(), "flowbench-test-"));
  const dbPath = join(dir, "flowbench.db");
  // Scripts written here import "flowbench" as a user's would: through node_modules.
  mkdirSync(join(dir, "node_modules"));
  const root = resolve(import.meta.dirname, "../..");
  symlinkSync(root, join(dir, "node_modules", "flowbench"), "dir");
  symlinkSync(join(root, "node_modules", "zod"), join(dir, "node_modules", "zod"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  const store = openSqliteStore(dbPath);
  configure({ store, consoleLevel: "off", flushDelayMs: 5 });
  return {
    dir,
    dbPath,
    store,
    async [Symbol.asyncDispose]() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Child processes get FLOWBENCH_HOME so the SDK's default store is this history. */
export function childEnv(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, FLOWBENCH_HOME: dir, FLOWBENCH_LOG_LEVEL: "off", NO_COLOR: "1", ...extra };
}
