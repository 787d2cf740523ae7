import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { FlowbenchError, makeError } from "../../../shared/errors.ts";
import { checkVersion, migrate } from "./migrations.ts";
import { SqliteStore } from "./store.ts";

const BUSY_TIMEOUT_MS = 10_000;

export interface OpenOptions {
  /** Open an existing file without writing to it (no migrations, no journal-mode change). */
  readonly?: boolean;
}

/**
 * Opens (creating when needed) the run history at `path` and migrates it.
 * Any failure becomes a store-unavailable error that names the file.
 */
export function openSqliteStore(path: string, opts: OpenOptions = {}): SqliteStore {
  const readonly = opts.readonly ?? false;
  let db: Database.Database | undefined;
  try {
    const onDisk = path !== ":memory:" && path !== "" && !path.startsWith("file:");
    if (onDisk && !readonly) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { readonly, fileMustExist: readonly, timeout: BUSY_TIMEOUT_MS });
    // Also set by `timeout`; stated here so the pragma list is complete.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (readonly) {
      if (checkVersion(db, path) === 0) throw makeError("store-unavailable", [`${path} is not a flowbench run history`]);
    } else {
      // WAL lets readers (the UI, the CLI) run beside a writer; NORMAL is durable across app crashes in WAL mode.
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      // Checkpoint every ~40 MB of WAL instead of 4 MB: each checkpoint fsyncs, and with
      // 10,000-log batches the default cost about 15% of the log insert rate.
      db.pragma("wal_autocheckpoint = 10000");
      db.pragma("journal_size_limit = 67108864");
      migrate(db, path);
    }
    return new SqliteStore(db, path);
  } catch (error) {
    db?.close();
    if (error instanceof FlowbenchError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw makeError("store-unavailable", [`cannot open ${path}: ${reason}`], { cause: error });
  }
}
