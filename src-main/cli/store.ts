import type { RunStore } from "../../shared/store/types.ts";
import { databasePath } from "../platform/paths.ts";
import { isOwnerAlive } from "../platform/process.ts";
import { openSqliteStore } from "../store/sqlite/index.ts";

/** The history the SDK writes to, with runs of dead processes marked Crashed before anything is shown. */
export async function openHistory(): Promise<RunStore> {
  const store = openSqliteStore(databasePath());
  await store.markOrphansCrashed(isOwnerAlive);
  return store;
}
