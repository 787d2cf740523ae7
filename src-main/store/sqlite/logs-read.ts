import type Database from "better-sqlite3";
import type { LogPage, LogQuery, StoredLog } from "../../../shared/store/types.ts";
import { LOG_LIMIT, clampLimit, containsPattern, decodeLogCursor } from "./codec.ts";
import { Where, type StatementCache } from "./sql.ts";

// Columns are aliased to the record's names so rows need no mapping.
const SELECT =
  "SELECT l.id, f.run_id AS flowRunId, t.run_id AS taskRunId, l.level, l.ts AS timestamp, l.message FROM logs l " +
  "LEFT JOIN run_keys f ON f.key = l.flow_run_key LEFT JOIN run_keys t ON t.key = l.task_run_key";

/**
 * listLogs: forward pages from a cursor, or backward ones (tail, beforeId) read newest
 * first and turned round, so items always ascend. Every query walks the logs_flow_run /
 * logs_task_run index or the rowid in id order, never a sort.
 */
export function logsReader(db: Database.Database, cache: StatementCache): (query: LogQuery) => LogPage {
  const runKey = db.prepare<[string], number>("SELECT key FROM run_keys WHERE run_id = ?").pluck();
  const exists = (where: Where) => cache.get<{ one: number }>(`SELECT 1 AS one FROM logs l${where.sql()} LIMIT 1`, where.params) !== undefined;
  return db.transaction((query: LogQuery): LogPage => {
    const filters = new Where();
    for (const [column, runId] of [["flow_run_key", query.flowRunId], ["task_run_key", query.taskRunId]] as const) {
      if (runId == null) continue;
      const key = runKey.get(runId);
      // A run that never logged has no key.
      if (key === undefined) return { items: [], nextCursor: null, prevCursor: null, ...(query.withTotal ? { total: 0 } : {}) };
      filters.add(`l.${column} = ?`, key);
    }
    if (query.minLevel != null) filters.add("l.level >= ?", query.minLevel);
    if (query.text) filters.add("l.message LIKE ? ESCAPE '\\'", containsPattern(query.text));

    const limit = clampLimit(query.limit, LOG_LIMIT);
    const afterId = query.cursor ? decodeLogCursor(query.cursor) : undefined;
    const beforeId = query.beforeId ?? undefined;
    let range = filters;
    if (afterId !== undefined) range = range.with("l.id > ?", afterId);
    if (beforeId != null) range = range.with("l.id < ?", beforeId);
    const backward = query.tail === true || beforeId != null;

    let items: StoredLog[];
    let nextCursor: string | null = null;
    let prevCursor: string | null = null;
    if (backward) {
      // One extra row says whether an older match exists, when no cursor bounds the range.
      items = cache.all<StoredLog>(`${SELECT}${range.sql()} ORDER BY l.id DESC LIMIT ?`, [...range.params, limit + 1]);
      const more = items.length > limit;
      items = items.slice(0, limit).reverse();
      const first = items[0];
      const last = items.at(-1);
      if (first && (more || (afterId !== undefined && exists(filters.with("l.id < ?", first.id))))) prevCursor = String(first.id);
      if (last && beforeId != null && exists(filters.with("l.id > ?", last.id))) nextCursor = String(last.id);
    } else {
      items = cache.all<StoredLog>(`${SELECT}${range.sql()} ORDER BY l.id LIMIT ?`, [...range.params, limit]);
      const first = items[0];
      const last = items.at(-1);
      // A cursor whenever the page is full, as followers expect.
      if (last && items.length === limit) nextCursor = String(last.id);
      if (afterId !== undefined) {
        if (first && exists(filters.with("l.id < ?", first.id))) prevCursor = String(first.id);
        else if (!first && exists(filters.with("l.id <= ?", afterId))) prevCursor = String(afterId + 1);
      }
    }
    const page: LogPage = { items, nextCursor, prevCursor };
    if (query.withTotal) page.total = cache.get<{ n: number }>(`SELECT count(*) AS n FROM logs l${filters.sql()}`, filters.params)!.n;
    return page;
  });
}
