/** A fresh SQLite history per case, in its own temp dir, deleted afterwards. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { configure, flushHistory, openSqliteStore } from "flowbench";

export interface BenchStore {
  readonly dir: string;
  /** The history file the SDK writes to. */
  readonly path: string;
  /** A single number from a query on the history, read with better-sqlite3 directly (not through the SDK). */
  count(sql: string, ...params: unknown[]): number;
  /** A second fresh file with the same schema and pragmas, for raw-SQLite baselines. */
  openRawTwin(): Database.Database;
  /** Flushes, closes everything and deletes the temp dir. */
  dispose(): Promise<void>;
}

export function freshStore(caseName: string): BenchStore {
  const dir = mkdtempSync(join(tmpdir(), `flowbench-bench-${caseName}-`));
  const path = join(dir, "history.db");
  // Also deleted when the case throws before dispose().
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  const store = openSqliteStore(path);
  configure({ store, consoleLevel: "off" });
  const open: Database.Database[] = [];
  let reader: Database.Database | undefined;

  return {
    dir,
    path,
    count(sql, ...params) {
      reader ??= track(new Database(path, { readonly: true, fileMustExist: true }));
      const value = reader.prepare(sql).pluck().get(...params);
      if (typeof value !== "number") throw new Error(`not a number from: ${sql}`);
      return value;
    },
    openRawTwin() {
      const twinPath = join(dir, "raw-twin.db");
      openSqliteStore(twinPath).close(); // creates and migrates: same tables, indexes and WAL mode
      const db = track(new Database(twinPath));
      db.pragma("synchronous = NORMAL");
      return db;
    },
    async dispose() {
      await flushHistory();
      for (const db of open) if (db.open) db.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };

  function track(db: Database.Database): Database.Database {
    open.push(db);
    return db;
  }
}
