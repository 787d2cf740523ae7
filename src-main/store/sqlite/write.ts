import type Database from "better-sqlite3";
import type { StateRecord, WriteBatch } from "../../../shared/store/types.ts";
import { encodeError, encodeList } from "./codec.ts";
import { encodeHistory } from "./history.ts";
import { RunKeys } from "./run-keys.ts";

/** An upsert that overwrites every column but the key: the engine always sends the whole latest record. */
function upsert(table: string, key: string, columns: readonly string[], appended: readonly string[] = []): string {
  const updates = columns.filter((c) => c !== key).map((c) => (appended.includes(c) ? `${c} = ${table}.${c} || excluded.${c}` : `${c} = excluded.${c}`));
  return (
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")}) ` +
    `ON CONFLICT(${key}) DO UPDATE SET ${updates.join(", ")}`
  );
}

const OWNER = ["owner_pid", "owner_host", "owner_started_at"];

/**
 * Returns a function applying a whole batch in one IMMEDIATE transaction: taking the
 * write lock up front lets busy_timeout queue us behind other processes instead of
 * failing on a read-to-write upgrade. Statements are prepared once, bound positionally.
 */
export function createWriter(db: Database.Database): (batch: WriteBatch) => void {
  const flow = db.prepare(upsert("flows", "name", ["name", "description", "version", "source", "updated_at"]));
  const flowRun = db.prepare(
    upsert("flow_runs", "id", [
      "id", "name", "flow_name", "flow_version", "parent_flow_run_id", "parent_task_run_id", "parameters", "tags",
      "state_type", "state_name", "state_message", "created_at", "start_time", "end_time", "run_count", "error",
      "result_preview", ...OWNER, "seq",
    ]),
  );
  const taskRun = db.prepare(
    upsert("task_runs", "id", [
      "id", "name", "task_name", "flow_run_id", "parent_task_run_id", "tags", "state_type", "state_name",
      "state_message", "created_at", "start_time", "end_time", "run_count", "max_retries", "cache_key", "upstream",
      "inputs_preview", "result_preview", "error", ...OWNER, "history", "seq",
    ], ["history"]),
  );
  const appendHistory = db.prepare("UPDATE task_runs SET history = history || ?, seq = ? WHERE id = ?");
  const nextSeq = db.prepare<[], number>("UPDATE change_seq SET value = value + 1 WHERE id = 1 RETURNING value").pluck();
  const state = db.prepare(
    "INSERT INTO states (run_id, run_kind, type, name, timestamp, message, error) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const log = db.prepare("INSERT INTO logs (flow_run_key, task_run_key, level, ts, message) VALUES (?, ?, ?, ?, ?)");
  const keys = new RunKeys(db);
  const result = db.prepare(upsert("results", "run_id", ["run_id", "value"]));
  const cache = db.prepare(upsert("cache", "key", ["key", "value", "created_at", "expires_at", "task_run_id"]));

  const apply = db.transaction((batch: WriteBatch) => {
    for (const f of batch.flows) flow.run(f.name, f.description, f.version, f.source, f.updatedAt);
    // One change number per batch: the transaction makes it atomic across processes.
    const seq = batch.flowRuns.length + batch.taskRuns.length + batch.states.length > 0 ? nextSeq.get()! : 0;
    for (const r of batch.flowRuns) {
      const o = r.owner;
      flowRun.run(
        r.id, r.name, r.flowName, r.flowVersion, r.parentFlowRunId, r.parentTaskRunId, r.parameters, encodeList(r.tags),
        r.stateType, r.stateName, r.stateMessage, r.createdAt, r.startTime, r.endTime, r.runCount, encodeError(r.error),
        r.resultPreview, o ? o.pid : null, o ? o.host : null, o ? o.startedAt : null, seq,
      );
    }
    // Task-run transitions go into their run's row; only flow runs' go to the states table.
    const histories = new Map<string, StateRecord[]>();
    const insertState = (s: StateRecord) => state.run(s.runId, s.runKind, s.type, s.name, s.timestamp, s.message, encodeError(s.error));
    for (const s of batch.states) {
      if (s.runKind !== "task") insertState(s);
      else {
        const list = histories.get(s.runId);
        if (list) list.push(s);
        else histories.set(s.runId, [s]);
      }
    }
    for (const t of batch.taskRuns) {
      const o = t.owner;
      const states = histories.get(t.id);
      const history = states ? encodeHistory(states) : "";
      histories.delete(t.id);
      taskRun.run(
        t.id, t.name, t.taskName, t.flowRunId, t.parentTaskRunId, encodeList(t.tags), t.stateType, t.stateName,
        t.stateMessage, t.createdAt, t.startTime, t.endTime, t.runCount, t.maxRetries, t.cacheKey, encodeList(t.upstream),
        t.inputsPreview, t.resultPreview, encodeError(t.error), o ? o.pid : null, o ? o.host : null, o ? o.startedAt : null,
        history, seq,
      );
    }
    // Transitions of runs whose row is not in this batch (the recorder always sends both; be safe).
    for (const [runId, states] of histories) {
      if (appendHistory.run(encodeHistory(states), seq, runId).changes === 0) states.forEach(insertState);
    }
    for (const l of batch.logs) log.run(keys.keyFor(l.flowRunId), keys.keyFor(l.taskRunId), l.level, l.timestamp, l.message);
    for (const r of batch.results) result.run(r.runId, r.value);
    for (const c of batch.cache) cache.run(c.key, c.value, c.createdAt, c.expiresAt, c.taskRunId);
  }).immediate;

  return (batch) => {
    try {
      apply(batch);
    } catch (error) {
      keys.discard();
      throw error;
    }
    keys.commit();
  };
}
