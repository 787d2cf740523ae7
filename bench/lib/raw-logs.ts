/**
 * The log-throughput baseline: the same rows the SDK writes, inserted with one raw
 * better-sqlite3 prepared statement into a twin file created by the SDK's own
 * migrations. The columns are read from the twin's `logs` table, so the baseline
 * follows schema changes (run ids as text, or as integer keys) without edits here.
 */
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";

interface Column {
  name: string;
  type: string;
}

interface RawLogRow {
  level: number;
  message: string;
}

/** Returns a function inserting rows `from` to `from + count - 1` (message built by `messageOf`) in one transaction. */
export function rawLogInserter(db: Database.Database, level: number, messageOf: (i: number) => string): (from: number, count: number) => void {
  const columns = (db.prepare("PRAGMA table_info(logs)").all() as Column[]).filter((c) => c.name !== "id");
  const flowRef = randomUUID();
  const taskRef = randomUUID();
  const ref = (column: Column, id: string, key: number): string | number => (/INT/i.test(column.type) ? key : id);
  const getters = columns.map((column): ((row: RawLogRow) => unknown) => {
    if (column.name.startsWith("flow_run")) return () => ref(column, flowRef, 1);
    if (column.name.startsWith("task_run")) return () => ref(column, taskRef, 2);
    if (column.name === "level") return (row) => row.level;
    if (column.name === "ts" || column.name === "timestamp") return () => Date.now();
    if (column.name === "message") return (row) => row.message;
    throw new Error(`logs has a column the baseline does not know (${column.name}); teach bench/lib/raw-logs.ts about it`);
  });
  const insert = db.prepare(`INSERT INTO logs (${columns.map((c) => c.name).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
  const args: unknown[] = new Array(getters.length);
  return db.transaction((from: number, count: number) => {
    for (let i = from; i < from + count; i++) {
      const row: RawLogRow = { level, message: messageOf(i) };
      for (let c = 0; c < getters.length; c++) args[c] = getters[c]!(row);
      insert.run(...args);
    }
  });
}
