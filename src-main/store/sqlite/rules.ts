/** Triggers, automations, their firings and named cursors on SQLite (see migrations/schedules.ts). */
import type Database from "better-sqlite3";
import type { AutomationRecord, FiringRecord, TriggerRecord } from "../../../shared/schedule/records.ts";

interface TriggerRow {
  id: string;
  name: string;
  flow_id: string;
  flow_name: string;
  active: number;
  config: string;
  secret: string | null;
  created_at: number;
  updated_at: number;
}

interface AutomationRow {
  id: string;
  name: string;
  active: number;
  event: string;
  action: string;
  created_at: number;
  updated_at: number;
}

interface FiringRow {
  id: string;
  automation_id: string;
  run_id: string;
  flow_name: string;
  state_type: FiringRecord["stateType"];
  state_name: string;
  fired_at: number;
  status: FiringRecord["status"];
  detail: string;
}

const decodeTrigger = (r: TriggerRow): TriggerRecord => ({
  id: r.id,
  name: r.name,
  flowId: r.flow_id,
  flowName: r.flow_name,
  active: r.active === 1,
  config: JSON.parse(r.config) as TriggerRecord["config"],
  secret: r.secret,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const decodeAutomation = (r: AutomationRow): AutomationRecord => ({
  id: r.id,
  name: r.name,
  active: r.active === 1,
  when: JSON.parse(r.event) as AutomationRecord["when"],
  then: JSON.parse(r.action) as AutomationRecord["then"],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const decodeFiring = (r: FiringRow): FiringRecord => ({
  id: r.id,
  automationId: r.automation_id,
  runId: r.run_id,
  flowName: r.flow_name,
  stateType: r.state_type,
  stateName: r.state_name,
  firedAt: r.fired_at,
  status: r.status,
  detail: r.detail,
});

export class SqliteRules {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  listTriggers(filter: { flowName?: string } = {}): TriggerRecord[] {
    const rows = (
      filter.flowName === undefined
        ? this.#db.prepare("SELECT * FROM triggers ORDER BY created_at, rowid").all()
        : this.#db.prepare("SELECT * FROM triggers WHERE flow_name = ? ORDER BY created_at, rowid").all(filter.flowName)
    ) as TriggerRow[];
    return rows.map(decodeTrigger);
  }

  getTrigger(id: string): TriggerRecord | undefined {
    const row = this.#db.prepare("SELECT * FROM triggers WHERE id = ?").get(id) as TriggerRow | undefined;
    return row && decodeTrigger(row);
  }

  putTrigger(t: TriggerRecord): void {
    this.#db
      .prepare("INSERT OR REPLACE INTO triggers (id, name, flow_id, flow_name, active, config, secret, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .run(t.id, t.name, t.flowId, t.flowName, t.active ? 1 : 0, JSON.stringify(t.config), t.secret, t.createdAt, t.updatedAt);
  }

  deleteTrigger(id: string): boolean {
    return this.#db.prepare("DELETE FROM triggers WHERE id = ?").run(id).changes > 0;
  }

  listAutomations(): AutomationRecord[] {
    return (this.#db.prepare("SELECT * FROM automations ORDER BY created_at, rowid").all() as AutomationRow[]).map(decodeAutomation);
  }

  getAutomation(id: string): AutomationRecord | undefined {
    const row = this.#db.prepare("SELECT * FROM automations WHERE id = ?").get(id) as AutomationRow | undefined;
    return row && decodeAutomation(row);
  }

  putAutomation(a: AutomationRecord): void {
    this.#db
      .prepare("INSERT OR REPLACE INTO automations (id, name, active, event, action, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(a.id, a.name, a.active ? 1 : 0, JSON.stringify(a.when), JSON.stringify(a.then), a.createdAt, a.updatedAt);
  }

  deleteAutomation(id: string): boolean {
    return this.#db.prepare("DELETE FROM automations WHERE id = ?").run(id).changes > 0;
  }

  claimFiring(f: FiringRecord): boolean {
    return (
      this.#db
        .prepare(
          "INSERT OR IGNORE INTO automation_firings (id, automation_id, run_id, flow_name, state_type, state_name, fired_at, status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .run(f.id, f.automationId, f.runId, f.flowName, f.stateType, f.stateName, f.firedAt, f.status, f.detail).changes > 0
    );
  }

  finishFiring(id: string, status: FiringRecord["status"], detail: string): void {
    this.#db.prepare("UPDATE automation_firings SET status = ?, detail = ? WHERE id = ?").run(status, detail, id);
  }

  listFirings(query: { automationId?: string; limit: number }): FiringRecord[] {
    const rows = (
      query.automationId === undefined
        ? this.#db.prepare("SELECT * FROM automation_firings ORDER BY fired_at DESC, id DESC LIMIT ?").all(query.limit)
        : this.#db.prepare("SELECT * FROM automation_firings WHERE automation_id = ? ORDER BY fired_at DESC, id DESC LIMIT ?").all(query.automationId, query.limit)
    ) as FiringRow[];
    return rows.map(decodeFiring);
  }

  getCursor(name: string): number {
    return (this.#db.prepare("SELECT value FROM cursors WHERE name = ?").pluck().get(name) as number | undefined) ?? 0;
  }

  setCursor(name: string, value: number): void {
    this.#db.prepare("INSERT OR REPLACE INTO cursors (name, value) VALUES (?, ?)").run(name, value);
  }
}
