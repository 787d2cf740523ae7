export { openSqliteStore, type OpenOptions } from "./open.ts";
export { SqliteStore } from "./store.ts";
