import type Database from "better-sqlite3";
import { makeError } from "../../../shared/errors.ts";
import { CONCURRENCY_MIGRATION } from "./migrations/concurrency.ts";
import { SCHEDULES_MIGRATION } from "./migrations/schedules.ts";

export interface Migration {
  version: number;
  up: string;
}

/*
 * Append-only: never edit a released migration, add the next version instead.
 * Owners are three columns rather than JSON so crash detection can group on them.
 * Indexes end in `id` to match the keyset order; on logs and states the rowid (id) is
 * appended implicitly, and the logs indexes are partial to keep that table lean.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up: `
      CREATE TABLE flows (
        name TEXT PRIMARY KEY,
        description TEXT,
        version TEXT,
        source TEXT,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE flow_runs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        flow_name TEXT NOT NULL,
        flow_version TEXT,
        parent_flow_run_id TEXT,
        parent_task_run_id TEXT,
        parameters TEXT NOT NULL,
        tags TEXT NOT NULL,
        state_type TEXT NOT NULL,
        state_name TEXT NOT NULL,
        state_message TEXT,
        created_at INTEGER NOT NULL,
        start_time INTEGER,
        end_time INTEGER,
        run_count INTEGER NOT NULL,
        error TEXT,
        result_preview TEXT,
        owner_pid INTEGER,
        owner_host TEXT,
        owner_started_at INTEGER
      );
      CREATE INDEX flow_runs_created ON flow_runs (created_at, id);
      CREATE INDEX flow_runs_flow ON flow_runs (flow_name, created_at, id);
      CREATE INDEX flow_runs_state ON flow_runs (state_type, created_at, id);
      CREATE INDEX flow_runs_parent ON flow_runs (parent_flow_run_id, created_at, id);

      CREATE TABLE task_runs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        task_name TEXT NOT NULL,
        flow_run_id TEXT,
        parent_task_run_id TEXT,
        tags TEXT NOT NULL,
        state_type TEXT NOT NULL,
        state_name TEXT NOT NULL,
        state_message TEXT,
        created_at INTEGER NOT NULL,
        start_time INTEGER,
        end_time INTEGER,
        run_count INTEGER NOT NULL,
        max_retries INTEGER NOT NULL,
        cache_key TEXT,
        upstream TEXT NOT NULL,
        inputs_preview TEXT,
        result_preview TEXT,
        error TEXT,
        owner_pid INTEGER,
        owner_host TEXT,
        owner_started_at INTEGER,
        -- Its state transitions, one JSON line each (see history.ts); flow runs use the states table.
        history TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX task_runs_flow_run ON task_runs (flow_run_id, created_at, id);
      -- Only task runs outside flows have owners: a small index for crash detection.
      CREATE INDEX task_runs_owned ON task_runs (state_type) WHERE owner_pid IS NOT NULL;

      CREATE TABLE states (
        id INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL,
        run_kind TEXT NOT NULL,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        timestamp INTEGER NOT NULL,
        message TEXT,
        error TEXT
      );
      CREATE INDEX states_run ON states (run_id, timestamp);

      -- Logs are the hot table (hundreds of thousands of rows a second), so they refer to runs by
      -- small integer keys from run_keys: 36-character ids in two indexes cost half the insert rate.
      CREATE TABLE run_keys (
        key INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL UNIQUE
      );
      -- No AUTOINCREMENT: ids only need to grow while the newest row exists, and it costs a write per insert.
      CREATE TABLE logs (
        id INTEGER PRIMARY KEY,
        flow_run_key INTEGER,
        task_run_key INTEGER,
        level INTEGER NOT NULL,
        ts INTEGER NOT NULL,
        message TEXT NOT NULL
      );
      CREATE INDEX logs_flow_run ON logs (flow_run_key) WHERE flow_run_key IS NOT NULL;
      CREATE INDEX logs_task_run ON logs (task_run_key) WHERE task_run_key IS NOT NULL;

      CREATE TABLE results (
        run_id TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE cache (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER,
        task_run_id TEXT
      );
    `,
  },
  {
    // A change counter for live views: every write of a run row stamps it with the next value.
    // Flow runs are indexed on it; task runs are found through their flow run, then filtered.
    version: 2,
    up: `
      CREATE TABLE change_seq (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
      INSERT INTO change_seq (id, value) VALUES (1, 0);
      ALTER TABLE flow_runs ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE task_runs ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX flow_runs_seq ON flow_runs (seq);
    `,
  },
  {
    // The runs view: its "longest" sort indexes the duration expression (DURATION_KEY_SQL in
    // shared/store/query.ts, written out as migrations are frozen), overall and for top-level runs; the dashboard has a covering index.
    // Its text search finds candidates in a trigram index of name, flow name and parameters
    // (keyed by rowid, kept by triggers; contentless, so the text is not stored twice), then LIKE decides.
    version: 3,
    up: `
      CREATE INDEX flow_runs_duration ON flow_runs (ifnull(end_time - start_time, -9007199254740991), id);
      CREATE INDEX flow_runs_parent_duration ON flow_runs (parent_flow_run_id, ifnull(end_time - start_time, -9007199254740991), id);
      -- Covers the dashboard's statistics (stats-read.ts), so they never read the wide rows.
      CREATE INDEX flow_runs_stats ON flow_runs (parent_flow_run_id, state_type, created_at, flow_name, start_time, end_time);

      CREATE VIRTUAL TABLE flow_runs_text USING fts5(text, content='', contentless_delete=1, tokenize='trigram');
      INSERT INTO flow_runs_text (rowid, text) SELECT rowid, name || char(10) || flow_name || char(10) || parameters FROM flow_runs;
      CREATE TRIGGER flow_runs_text_insert AFTER INSERT ON flow_runs BEGIN
        INSERT INTO flow_runs_text (rowid, text) VALUES (new.rowid, new.name || char(10) || new.flow_name || char(10) || new.parameters);
      END;
      CREATE TRIGGER flow_runs_text_update AFTER UPDATE OF name, flow_name, parameters ON flow_runs
        WHEN old.name IS NOT new.name OR old.flow_name IS NOT new.flow_name OR old.parameters IS NOT new.parameters BEGIN
        DELETE FROM flow_runs_text WHERE rowid = old.rowid;
        INSERT INTO flow_runs_text (rowid, text) VALUES (new.rowid, new.name || char(10) || new.flow_name || char(10) || new.parameters);
      END;
      CREATE TRIGGER flow_runs_text_delete AFTER DELETE ON flow_runs BEGIN
        DELETE FROM flow_runs_text WHERE rowid = old.rowid;
      END;
    `,
  },
  // Later migrations live in their own files, one concern each.
  { version: 4, up: SCHEDULES_MIGRATION },
  { version: 5, up: CONCURRENCY_MIGRATION },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

export function schemaVersion(db: Database.Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/**
 * Brings the file up to SCHEMA_VERSION. The version is re-read inside an IMMEDIATE
 * transaction, so processes opening a fresh file together migrate it exactly once.
 */
export function migrate(db: Database.Database, path: string): void {
  if (checkVersion(db, path) === SCHEMA_VERSION) return;
  db.transaction(() => {
    const current = checkVersion(db, path);
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      db.exec(migration.up);
      // user_version lives in the file header, so it commits or rolls back with the migration.
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}

/** The file's schema version; refuses files written by a newer flowbench. */
export function checkVersion(db: Database.Database, path: string): number {
  const version = schemaVersion(db);
  if (version > SCHEMA_VERSION) {
    throw makeError("store-unavailable", [
      `${path} has schema version ${version}, newer than this flowbench supports (${SCHEMA_VERSION}); upgrade flowbench`,
    ]);
  }
  return version;
}
