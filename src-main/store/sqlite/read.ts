import type Database from "better-sqlite3";
import type { StateType } from "../../../shared/sdk/states.ts";
import { decodeHistory } from "./history.ts";
import type {
  CacheEntry,
  ChangePage,
  ChangeQuery,
  FlowRecord,
  FlowRunQuery,
  FlowRunRecord,
  LogPage,
  LogQuery,
  Page,
  RunStats,
  RunStatsQuery,
  StateRecord,
  StoredLog,
  TaskRunQuery,
  TaskRunRecord,
} from "../../../shared/store/types.ts";
import { CHANGE_LOG_LIMIT, durationKey, encodeLongestCursor } from "../../../shared/store/query.ts";
import { FLOW_RUN_LIMIT, TASK_RUN_LIMIT, clampLimit, decodeError, decodeList, decodeOwner, encodeFlowRunCursor, type OwnerColumns } from "./codec.ts";
import { COUNT_TEXT_CANDIDATES, TEXT_INDEX_MAX, flowRunsSql, textIndexUsable, textPhrase } from "./flow-runs-sql.ts";
import { logsReader } from "./logs-read.ts";
import { StatementCache, Where } from "./sql.ts";
import { statsReader } from "./stats-read.ts";

export { flowRunsSql };

export interface FlowRunRow extends OwnerColumns {
  id: string;
  name: string;
  flow_name: string;
  flow_version: string | null;
  parent_flow_run_id: string | null;
  parent_task_run_id: string | null;
  parameters: string;
  tags: string;
  state_type: StateType;
  state_name: string;
  state_message: string | null;
  created_at: number;
  start_time: number | null;
  end_time: number | null;
  run_count: number;
  error: string | null;
  result_preview: string | null;
}

// Every column but history, which can be long and is read only by listStates.
const TASK_RUN_COLUMNS = [
  "id", "name", "task_name", "flow_run_id", "parent_task_run_id", "tags", "state_type", "state_name", "state_message",
  "created_at", "start_time", "end_time", "run_count", "max_retries", "cache_key", "upstream", "inputs_preview",
  "result_preview", "error", "owner_pid", "owner_host", "owner_started_at",
].join(", ");

export interface TaskRunRow extends OwnerColumns {
  id: string;
  name: string;
  task_name: string;
  flow_run_id: string | null;
  parent_task_run_id: string | null;
  tags: string;
  state_type: StateType;
  state_name: string;
  state_message: string | null;
  created_at: number;
  start_time: number | null;
  end_time: number | null;
  run_count: number;
  max_retries: number;
  cache_key: string | null;
  upstream: string;
  inputs_preview: string | null;
  result_preview: string | null;
  error: string | null;
}

interface StateRow {
  run_id: string;
  run_kind: "flow" | "task";
  type: StateType;
  name: string;
  timestamp: number;
  message: string | null;
  error: string | null;
}

/** The read side of the SQLite store: plain synchronous functions over one connection. */
export class Reader {
  readonly #cache: StatementCache;
  readonly #flowRun: Database.Statement<[string], FlowRunRow>;
  readonly #cacheEntry: Database.Statement<[string], CacheEntry>;
  readonly #result: Database.Statement<[string], string>;
  readonly #states: Database.Statement<[string], StateRow>;
  readonly #history: Database.Statement<[string], string>;
  readonly #flows: Database.Statement<[], FlowRecord>;
  readonly #runKey: Database.Statement<[string], number>;
  readonly #changes: (query: ChangeQuery) => ChangePage;
  readonly #logs: (query: LogQuery) => LogPage;
  readonly #stats: (query: RunStatsQuery) => RunStats;
  readonly #flowNames: Database.Statement<[], string>;
  readonly #textCandidates: Database.Statement<[string], number>;

  constructor(db: Database.Database) {
    this.#cache = new StatementCache(db);
    this.#changes = changesReader(db, this.#cache);
    this.#logs = logsReader(db, this.#cache);
    this.#stats = statsReader(db);
    this.#textCandidates = db.prepare<[string], number>(COUNT_TEXT_CANDIDATES).pluck();
    // Distinct names by hopping through the flow_runs_flow index: one seek per name, not a scan.
    this.#flowNames = db
      .prepare<[], string>(
        // `prev`, not `name`: flow_runs has a name column, which would shadow it in the subquery.
        "WITH RECURSIVE names(prev) AS (SELECT min(flow_name) FROM flow_runs UNION ALL " +
          "SELECT (SELECT min(flow_name) FROM flow_runs WHERE flow_name > prev) FROM names WHERE prev IS NOT NULL) " +
          "SELECT prev FROM names WHERE prev IS NOT NULL",
      )
      .pluck();
    this.#flowRun = db.prepare("SELECT * FROM flow_runs WHERE id = ?");
    this.#cacheEntry = db.prepare(
      "SELECT key, value, created_at AS createdAt, expires_at AS expiresAt, task_run_id AS taskRunId FROM cache WHERE key = ?",
    );
    this.#result = db.prepare<[string], string>("SELECT value FROM results WHERE run_id = ?").pluck();
    this.#states = db.prepare("SELECT * FROM states WHERE run_id = ? ORDER BY timestamp, id");
    this.#history = db.prepare<[string], string>("SELECT history FROM task_runs WHERE id = ?").pluck();
    this.#runKey = db.prepare<[string], number>("SELECT key FROM run_keys WHERE run_id = ?").pluck();
    this.#flows = db.prepare(
      "SELECT name, description, version, source, updated_at AS updatedAt FROM flows ORDER BY name",
    );
  }

  getCacheEntry(key: string, now: number): CacheEntry | undefined {
    const entry = this.#cacheEntry.get(key);
    return entry && (entry.expiresAt === null || entry.expiresAt > now) ? entry : undefined;
  }

  getResult(runId: string): string | undefined {
    return this.#result.get(runId);
  }

  getFlowRun(id: string): FlowRunRecord | undefined {
    const row = this.#flowRun.get(id);
    return row && flowRunFromRow(row);
  }

  listFlowRuns(query: FlowRunQuery): Page<FlowRunRecord> {
    const limit = clampLimit(query.limit, FLOW_RUN_LIMIT);
    // One extra row tells whether another page exists.
    const textIndex = textIndexUsable(query.text) && this.#textCandidates.get(textPhrase(query.text))! <= TEXT_INDEX_MAX;
    const { sql, params } = flowRunsSql(query, limit + 1, { textIndex });
    const rows = this.#cache.all<FlowRunRow>(sql, params);
    const items = rows.slice(0, limit).map(flowRunFromRow);
    const last = items.at(-1);
    if (rows.length <= limit || !last) return { items, nextCursor: null };
    const nextCursor = query.sort === "longest" ? encodeLongestCursor(durationKey(last), last.id) : encodeFlowRunCursor(last.createdAt, last.id);
    return { items, nextCursor };
  }

  listTaskRuns(query: TaskRunQuery): TaskRunRecord[] {
    const where = new Where();
    if (query.flowRunId != null) where.add("flow_run_id = ?", query.flowRunId);
    if (query.orphansOnly) where.add("flow_run_id IS NULL");
    const order = query.orphansOnly ? "created_at DESC, id DESC" : "created_at, id";
    const limit = clampLimit(query.limit, TASK_RUN_LIMIT);
    // LIMIT -1 is SQLite for "no limit".
    return this.#cache
      .all<TaskRunRow>(`SELECT ${TASK_RUN_COLUMNS} FROM task_runs${where.sql()} ORDER BY ${order} LIMIT ?`, [
        ...where.params,
        Number.isFinite(limit) ? limit : -1,
      ])
      .map(taskRunFromRow);
  }

  listStates(runId: string): StateRecord[] {
    const history = this.#history.get(runId);
    const fromHistory = history ? decodeHistory(runId, history) : [];
    const fromTable = this.#states.all(runId).map((row): StateRecord => ({
      runId: row.run_id,
      runKind: row.run_kind,
      type: row.type,
      name: row.name,
      timestamp: row.timestamp,
      message: row.message,
      error: decodeError(row.error),
    }));
    if (fromHistory.length === 0) return fromTable;
    if (fromTable.length === 0) return fromHistory;
    // Both exist only for odd writers; Array.sort is stable, so equal times keep their order.
    return [...fromTable, ...fromHistory].sort((a, b) => a.timestamp - b.timestamp);
  }

  listLogs(query: LogQuery): LogPage {
    return this.#logs(query);
  }

  listFlows(): FlowRecord[] {
    return this.#flows.all();
  }

  listChanges(query: ChangeQuery): ChangePage {
    return this.#changes(query);
  }

  listRunFlowNames(): string[] {
    return this.#flowNames.all();
  }

  runStats(query: RunStatsQuery): RunStats {
    return this.#stats(query);
  }
}

/** Ids per IN (...) list: well under SQLite's limit on bound parameters. */
const ID_CHUNK = 500;

function changesReader(db: Database.Database, cache: StatementCache): (query: ChangeQuery) => ChangePage {
  const current = db.prepare<[], number>("SELECT value FROM change_seq WHERE id = 1").pluck();
  const lastLog = db.prepare<[], number | null>("SELECT max(id) FROM logs").pluck();
  const runKey = db.prepare<[string], number>("SELECT key FROM run_keys WHERE run_id = ?").pluck();
  const inChunks = <Row>(ids: readonly string[], sql: (marks: string) => string, since: number, upTo: number): Row[] => {
    const rows: Row[] = [];
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const chunk = ids.slice(i, i + ID_CHUNK);
      rows.push(...cache.all<Row>(sql(chunk.map(() => "?").join(", ")), [...chunk, since, upTo]));
    }
    return rows;
  };
  // One read transaction: the counter and the rows come from the same snapshot.
  return db.transaction((query: ChangeQuery): ChangePage => {
    const seq = current.get() ?? 0;
    let flowRows: FlowRunRow[] = [];
    if (query.flowRuns === "all") flowRows = cache.all<FlowRunRow>("SELECT * FROM flow_runs WHERE seq > ? AND seq <= ? ORDER BY seq", [query.since, seq]);
    else if (query.flowRuns?.length) flowRows = inChunks<FlowRunRow>(query.flowRuns, (m) => `SELECT * FROM flow_runs WHERE id IN (${m}) AND seq > ? AND seq <= ? ORDER BY seq`, query.since, seq);
    const taskRows = query.taskRunsOf?.length
      ? inChunks<TaskRunRow & { seq: number }>(query.taskRunsOf, (m) => `SELECT ${TASK_RUN_COLUMNS}, seq FROM task_runs WHERE flow_run_id IN (${m}) AND seq > ? AND seq <= ? ORDER BY seq`, query.since, seq)
      : [];
    if (query.taskRunsOf && query.taskRunsOf.length > ID_CHUNK) taskRows.sort((a, b) => a.seq - b.seq);
    let logId = lastLog.get() ?? 0;
    let logs: StoredLog[] = [];
    const keys = (query.logsOf ?? []).map((id) => runKey.get(id)).filter((k): k is number => k !== undefined);
    if (keys.length) {
      const limit = query.logLimit ?? CHANGE_LOG_LIMIT;
      logs = cache.all<StoredLog>(
        "SELECT l.id, f.run_id AS flowRunId, t.run_id AS taskRunId, l.level, l.ts AS timestamp, l.message FROM logs l " +
          "LEFT JOIN run_keys f ON f.key = l.flow_run_key LEFT JOIN run_keys t ON t.key = l.task_run_key " +
          `WHERE l.flow_run_key IN (${keys.map(() => "?").join(", ")}) AND l.id > ? ORDER BY l.id LIMIT ?`,
        [...keys, query.logsAfter ?? 0, limit],
      );
      if (logs.length === limit) logId = logs[logs.length - 1]!.id;
    }
    return { flowRuns: flowRows.map(flowRunFromRow), taskRuns: taskRows.map(taskRunFromRow), seq, logs, logId };
  });
}

export function flowRunFromRow(row: FlowRunRow): FlowRunRecord {
  return {
    id: row.id,
    name: row.name,
    flowName: row.flow_name,
    flowVersion: row.flow_version,
    parentFlowRunId: row.parent_flow_run_id,
    parentTaskRunId: row.parent_task_run_id,
    parameters: row.parameters,
    tags: decodeList(row.tags),
    stateType: row.state_type,
    stateName: row.state_name,
    stateMessage: row.state_message,
    createdAt: row.created_at,
    startTime: row.start_time,
    endTime: row.end_time,
    runCount: row.run_count,
    error: decodeError(row.error),
    resultPreview: row.result_preview,
    owner: decodeOwner(row),
  };
}

export function taskRunFromRow(row: TaskRunRow): TaskRunRecord {
  return {
    id: row.id,
    name: row.name,
    taskName: row.task_name,
    flowRunId: row.flow_run_id,
    parentTaskRunId: row.parent_task_run_id,
    tags: decodeList(row.tags),
    stateType: row.state_type,
    stateName: row.state_name,
    stateMessage: row.state_message,
    createdAt: row.created_at,
    startTime: row.start_time,
    endTime: row.end_time,
    runCount: row.run_count,
    maxRetries: row.max_retries,
    cacheKey: row.cache_key,
    upstream: decodeList(row.upstream),
    inputsPreview: row.inputs_preview,
    resultPreview: row.result_preview,
    error: decodeError(row.error),
    owner: decodeOwner(row),
  };
}
