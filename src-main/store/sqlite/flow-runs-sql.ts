import type { FlowRunQuery } from "../../../shared/store/types.ts";
import { DURATION_KEY_SQL, decodeLongestCursor } from "../../../shared/store/query.ts";
import { containsPattern, decodeFlowRunCursor } from "./codec.ts";
import { Where } from "./sql.ts";

/**
 * The listFlowRuns statement; exported so tests can check its query plan. Each sort is a
 * keyset order (key, id) that an index covers: created_at for newest/oldest, the indexed
 * duration expression for longest (migration 3).
 */
export function flowRunsSql(query: FlowRunQuery, limit: number, opts: { textIndex?: boolean } = {}): { sql: string; params: unknown[] } {
  const where = new Where();
  // Loose `!= null` checks: a null filter means "any", as in the memory store.
  if (query.flowName != null) where.add("flow_name = ?", query.flowName);
  if (query.states != null) {
    where.add(query.states.length ? `state_type IN (${query.states.map(() => "?").join(", ")})` : "0", ...query.states);
  }
  if (query.parentFlowRunId === null) where.add("parent_flow_run_id IS NULL");
  else if (query.parentFlowRunId !== undefined) where.add("parent_flow_run_id = ?", query.parentFlowRunId);
  if (query.since != null) where.add("created_at >= ?", query.since);
  if (query.until != null) where.add("created_at < ?", query.until);
  if (query.text) {
    const pattern = containsPattern(query.text);
    where.add("(name LIKE ? ESCAPE '\\' OR flow_name LIKE ? ESCAPE '\\' OR parameters LIKE ? ESCAPE '\\')", pattern, pattern, pattern);
    if (opts.textIndex) where.add(`rowid IN (${TEXT_CANDIDATES})`, textPhrase(query.text));
  }
  const sort = query.sort ?? "newest";
  const key = sort === "longest" ? DURATION_KEY_SQL : "created_at";
  const [op, dir] = sort === "oldest" ? [">", ""] : ["<", " DESC"];
  if (query.cursor) {
    const after = sort === "longest" ? decodeLongestCursor(query.cursor) : toKey(decodeFlowRunCursor(query.cursor));
    // A row-value comparison, which SQLite turns into a range on the (..., key, id) indexes.
    where.add(`(${key}, id) ${op} (?, ?)`, after.key, after.id);
  }
  // With few text candidates, fetch them by rowid and sort them (`+` keeps the planner off the ordered index walk).
  const order = opts.textIndex ? `+${key}${dir}, +id${dir}` : `${key}${dir}, id${dir}`;
  const sql = `SELECT * FROM flow_runs${where.sql()} ORDER BY ${order} LIMIT ?`;
  return { sql, params: [...where.params, limit] };
}

const toKey = (cursor: { createdAt: number; id: string }) => ({ key: cursor.createdAt, id: cursor.id });

const TEXT_CANDIDATES = "SELECT rowid FROM flow_runs_text WHERE flow_runs_text MATCH ?";

/** At most this many candidates are fetched and sorted; above it, matches are dense and the ordered walk meets a page soon. */
export const TEXT_INDEX_MAX = 2000;

/** The trigram index needs three characters; shorter texts match so often that walking in order is quick. */
export function textIndexUsable(text: string | null | undefined): text is string {
  return text != null && [...text].length >= 3;
}

/** A phrase query: the trigrams of `text`, in order (case-insensitive, a superset of LIKE's matches). */
export function textPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** SQL counting candidates up to TEXT_INDEX_MAX + 1, with the phrase as its one parameter. */
export const COUNT_TEXT_CANDIDATES = `SELECT count(*) FROM (${TEXT_CANDIDATES} LIMIT ${TEXT_INDEX_MAX + 1})`;
