/** Schedules, their slots and flow run policies on SQLite (see migrations/schedules.ts). */
import type Database from "better-sqlite3";
import type { FlowPolicyRecord, ScheduleRecord, ScheduleRunner, SlotStatus } from "../../../shared/schedule/records.ts";
import type { DueSlot, ScheduleFilter, SlotKey } from "../../../shared/store/automation-types.ts";
import type { StateType } from "../../../shared/sdk/states.ts";
import { emptyBatch, type FlowRunRecord, type WriteBatch } from "../../../shared/store/types.ts";

interface ScheduleRow {
  id: string;
  name: string;
  flow_name: string;
  flow_id: string | null;
  file: string | null;
  runner: ScheduleRunner;
  active: number;
  timing: string;
  spec: string;
  params: string;
  catch_up: ScheduleRecord["catchUp"];
  max_catch_up: number;
  created_at: number;
  updated_at: number;
  planned_until: number;
  next_plan_at: number | null;
}

interface SlotRow {
  schedule_id: string;
  slot_time: number;
  run_id: string;
  status: SlotStatus;
  updated_at: number;
}

const SCHEDULE_COLUMNS =
  "id, name, flow_name, flow_id, file, runner, active, timing, spec, params, catch_up, max_catch_up, created_at, updated_at, planned_until, next_plan_at";
const S_COLUMNS = SCHEDULE_COLUMNS.split(", ").map((c) => `s.${c}`).join(", ");
const UNSTARTED: readonly SlotStatus[] = ["scheduled", "late"];
const ACTIVE_RUN_STATES = "('PENDING', 'RUNNING', 'CANCELLING', 'PAUSED')";

function decodeSchedule(row: ScheduleRow): ScheduleRecord {
  return {
    id: row.id,
    name: row.name,
    flowName: row.flow_name,
    flowId: row.flow_id,
    file: row.file,
    runner: row.runner,
    active: row.active === 1,
    timing: JSON.parse(row.timing) as ScheduleRecord["timing"],
    spec: JSON.parse(row.spec) as ScheduleRecord["spec"],
    params: JSON.parse(row.params) as Record<string, unknown>,
    catchUp: row.catch_up,
    maxCatchUp: row.max_catch_up,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    plannedUntil: row.planned_until,
  };
}

function placeholders(list: readonly unknown[]): string {
  return list.map(() => "?").join(", ");
}

/** The store's schedule half. `write` applies a history batch (flow run states) inside our transactions. */
export class SqliteSchedules {
  readonly #db: Database.Database;
  readonly #write: (batch: WriteBatch) => void;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #insertSlot: Database.Statement;
  readonly #unstartedRuns: Database.Statement<[string], string>;

  constructor(db: Database.Database, write: (batch: WriteBatch) => void) {
    this.#db = db;
    this.#write = write;
    this.#insertSlot = db.prepare("INSERT OR IGNORE INTO schedule_slots (schedule_id, slot_time, run_id, status, updated_at) VALUES (?, ?, ?, ?, ?)");
    this.#unstartedRuns = db.prepare<[string], string>("SELECT run_id FROM schedule_slots WHERE schedule_id = ? AND status IN ('scheduled', 'late')").pluck();
  }

  list(filter: ScheduleFilter = {}): ScheduleRecord[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.flowName !== undefined) (where.push("flow_name = ?"), args.push(filter.flowName));
    if (filter.runner !== undefined) (where.push("runner = ?"), args.push(filter.runner));
    if (filter.file !== undefined) (where.push("file = ?"), args.push(filter.file));
    const sql = `SELECT ${SCHEDULE_COLUMNS} FROM schedules ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY flow_name, created_at, rowid`;
    return (this.#sql(sql).all(...args) as ScheduleRow[]).map(decodeSchedule);
  }

  get(id: string): ScheduleRecord | undefined {
    const row = this.#sql(`SELECT ${SCHEDULE_COLUMNS} FROM schedules WHERE id = ?`).get(id) as ScheduleRow | undefined;
    return row && decodeSchedule(row);
  }

  put(record: ScheduleRecord, now: number): void {
    this.#db
      .transaction(() => {
        const old = this.get(record.id);
        const replans = !old || JSON.stringify(old.timing) !== JSON.stringify(record.timing) || JSON.stringify(old.params) !== JSON.stringify(record.params);
        if (old && replans) this.#dropUnstarted(record.id);
        // New timing: its slots count from now; older ones of the old timing were never due.
        const plannedUntil = replans ? now : old.plannedUntil;
        const nextPlanAt = replans || !old ? now : this.#nextPlanAt(record.id);
        this.#sql(`INSERT OR REPLACE INTO schedules (${SCHEDULE_COLUMNS}) VALUES (${placeholders(SCHEDULE_COLUMNS.split(", "))})`)
          .run(
            record.id, record.name, record.flowName, record.flowId, record.file, record.runner, record.active ? 1 : 0,
            JSON.stringify(record.timing), JSON.stringify(record.spec), JSON.stringify(record.params), record.catchUp,
            record.maxCatchUp, record.createdAt, record.updatedAt, plannedUntil, nextPlanAt,
          );
      })
      .immediate();
  }

  delete(id: string): boolean {
    return this.#db
      .transaction(() => {
        this.#dropUnstarted(id);
        this.#sql("DELETE FROM schedule_slots WHERE schedule_id = ?").run(id);
        return this.#sql("DELETE FROM schedules WHERE id = ?").run(id).changes > 0;
      })
      .immediate();
  }

  setActive(id: string, active: boolean, now: number): ScheduleRecord | undefined {
    return this.#db
      .transaction(() => {
        const old = this.get(id);
        if (!old) return undefined;
        if (old.active === active) return old;
        if (!active) this.#dropUnstarted(id);
        // Resuming plans from now: slots while paused were never due, so they are not "missed".
        const planned = active ? Math.max(now, old.plannedUntil) : old.plannedUntil;
        this.#sql("UPDATE schedules SET active = ?, updated_at = ?, planned_until = ?, next_plan_at = ? WHERE id = ?")
          .run(active ? 1 : 0, now, planned, active ? now : null, id);
        return this.get(id);
      })
      .immediate();
  }

  toPlan(runner: ScheduleRunner, now: number, limit: number, file?: string): ScheduleRecord[] {
    const byFile = file === undefined ? "" : " AND file = ?";
    const rows = this.#sql(`SELECT ${SCHEDULE_COLUMNS} FROM schedules WHERE runner = ? AND active = 1 AND next_plan_at <= ?${byFile} ORDER BY next_plan_at LIMIT ?`)
      .all(...(file === undefined ? [runner, now, limit] : [runner, now, file, limit])) as ScheduleRow[];
    return rows.map(decodeSchedule);
  }

  plan(scheduleId: string, slots: ReadonlyArray<{ slotTime: number; status: "scheduled" | "late"; run: FlowRunRecord }>, plannedUntil: number, nextPlanAt: number | null): number {
    return this.#db
      .transaction(() => {
        const schedule = this.#sql("SELECT active FROM schedules WHERE id = ?").get(scheduleId) as { active: number } | undefined;
        // Paused or deleted since the caller read it: plan nothing.
        if (!schedule || schedule.active !== 1) return 0;
        const now = Date.now();
        const runs: FlowRunRecord[] = [];
        for (const slot of slots) {
          if (this.#insertSlot.run(scheduleId, slot.slotTime, slot.run.id, slot.status, now).changes > 0) runs.push(slot.run);
        }
        if (runs.length) this.#write({ ...emptyBatch(), flowRuns: runs, states: runs.map(stateOf) });
        this.#sql("UPDATE schedules SET planned_until = max(planned_until, ?), next_plan_at = ? WHERE id = ?")
          .run(plannedUntil, nextPlanAt, scheduleId);
        return runs.length;
      })
      .immediate();
  }

  slots(query: { runner: ScheduleRunner; statuses: readonly SlotStatus[]; until?: number; scheduleId?: string; file?: string; limit: number }): DueSlot[] {
    const args: unknown[] = [...query.statuses, query.runner];
    let sql =
      `SELECT ${S_COLUMNS}, l.schedule_id, l.slot_time, l.run_id, l.status, l.updated_at AS slot_updated_at FROM schedule_slots l JOIN schedules s ON s.id = l.schedule_id ` +
      `WHERE l.status IN (${placeholders(query.statuses)}) AND s.runner = ? AND s.active = 1`;
    if (query.until !== undefined) (sql += " AND l.slot_time <= ?"), args.push(query.until);
    if (query.scheduleId !== undefined) (sql += " AND l.schedule_id = ?"), args.push(query.scheduleId);
    if (query.file !== undefined) (sql += " AND s.file = ?"), args.push(query.file);
    sql += " ORDER BY l.slot_time, l.schedule_id LIMIT ?";
    args.push(query.limit);
    return (this.#sql(sql).all(...args) as Array<Omit<SlotRow, "updated_at"> & ScheduleRow & { slot_updated_at: number }>).map((row) => ({
      scheduleId: row.schedule_id,
      slotTime: row.slot_time,
      runId: row.run_id,
      status: row.status,
      updatedAt: row.slot_updated_at,
      schedule: decodeSchedule(row),
    }));
  }

  nextSlotTime(runner: ScheduleRunner, file: string | undefined, after: number): number | null {
    // Walks the status index in time order and stops at the first slot of an active schedule of ours.
    const sql =
      "SELECT l.slot_time FROM schedule_slots l JOIN schedules s ON s.id = l.schedule_id " +
      `WHERE l.status = 'scheduled' AND l.slot_time > ? AND s.runner = ? AND s.active = 1${file === undefined ? "" : " AND s.file = ?"} ORDER BY l.slot_time LIMIT 1`;
    const value = this.#sql(sql).pluck().get(...(file === undefined ? [after, runner] : [after, runner, file])) as number | undefined;
    return value ?? null;
  }

  runStateOf(runId: string): StateType | undefined {
    return this.#sql("SELECT state_type FROM flow_runs WHERE id = ?").pluck().get(runId) as StateType | undefined;
  }

  transition(key: SlotKey, from: readonly SlotStatus[], to: SlotStatus, batch: WriteBatch | null, now: number): boolean {
    return this.#db
      .transaction(() => {
        const changed = this.#sql(`UPDATE schedule_slots SET status = ?, updated_at = ? WHERE schedule_id = ? AND slot_time = ? AND status IN (${placeholders(from)})`)
          .run(to, now, key.scheduleId, key.slotTime, ...from).changes;
        if (changed === 0) return false;
        if (batch) this.#write(batch);
        return true;
      })
      .immediate();
  }

  countActiveRuns(flowName: string): number {
    return this.#sql(`SELECT count(*) FROM flow_runs WHERE flow_name = ? AND parent_flow_run_id IS NULL AND state_type IN ${ACTIVE_RUN_STATES}`)
      .pluck()
      .get(flowName) as number;
  }

  policy(flowName: string): FlowPolicyRecord {
    const row = this.#sql("SELECT overlap, max_concurrent_runs FROM flow_policies WHERE flow_name = ?").get(flowName) as
      | { overlap: FlowPolicyRecord["overlap"]; max_concurrent_runs: number | null }
      | undefined;
    return { flowName, overlap: row?.overlap ?? "skip", maxConcurrentRuns: row?.max_concurrent_runs ?? null };
  }

  setPolicy(policy: FlowPolicyRecord, now: number): void {
    this.#sql("INSERT OR REPLACE INTO flow_policies (flow_name, overlap, max_concurrent_runs, updated_at) VALUES (?, ?, ?, ?)")
      .run(policy.flowName, policy.overlap, policy.maxConcurrentRuns, now);
  }

  /** Unstarted slots and their SCHEDULED runs go: they never fired, so nothing is lost. */
  #dropUnstarted(scheduleId: string): void {
    const runIds = this.#unstartedRuns.all(scheduleId);
    if (runIds.length === 0) return;
    for (let i = 0; i < runIds.length; i += 500) {
      const chunk = runIds.slice(i, i + 500);
      this.#sql(`DELETE FROM flow_runs WHERE id IN (${placeholders(chunk)}) AND state_type = 'SCHEDULED'`).run(...chunk);
      this.#sql(`DELETE FROM states WHERE run_id IN (${placeholders(chunk)})`).run(...chunk);
    }
    this.#sql(`DELETE FROM schedule_slots WHERE schedule_id = ? AND status IN (${placeholders(UNSTARTED)})`).run(scheduleId, ...UNSTARTED);
  }

  /** Statements are prepared once per SQL text: the scheduler asks the same few questions on every pass. */
  #sql(text: string): Database.Statement {
    let statement = this.#statements.get(text);
    if (!statement) this.#statements.set(text, (statement = this.#db.prepare(text)));
    return statement;
  }

  #nextPlanAt(id: string): number | null {
    return (this.#sql("SELECT next_plan_at FROM schedules WHERE id = ?").pluck().get(id) as number | null | undefined) ?? null;
  }
}

function stateOf(run: FlowRunRecord) {
  return { runId: run.id, runKind: "flow" as const, type: run.stateType, name: run.stateName, timestamp: run.createdAt, message: run.stateMessage, error: null };
}
