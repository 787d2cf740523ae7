/**
 * Migration 5: tag concurrency limits shared by every process on the history.
 * A slot is one task run holding one of a tag's K places; the owner columns say which
 * process holds it, so a dead process's slots can be reclaimed (as crash.ts does for runs).
 */
export const CONCURRENCY_MIGRATION = `
  CREATE TABLE concurrency_limits (
    tag TEXT PRIMARY KEY,
    "limit" INTEGER NOT NULL CHECK ("limit" >= 1),
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE concurrency_slots (
    tag TEXT NOT NULL,
    task_run_id TEXT NOT NULL,
    owner_pid INTEGER,
    owner_host TEXT,
    owner_started_at INTEGER,
    acquired_at INTEGER NOT NULL,
    PRIMARY KEY (tag, task_run_id)
  ) WITHOUT ROWID;
  -- Release deletes by task run.
  CREATE INDEX concurrency_slots_task_run ON concurrency_slots (task_run_id);
`;
