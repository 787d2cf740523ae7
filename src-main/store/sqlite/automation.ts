/** The AutomationStore on the same SQLite connection as the run history, so slots and their runs change together. */
import type Database from "better-sqlite3";
import type { AutomationStore } from "../../../shared/store/automation-types.ts";
import type { WriteBatch } from "../../../shared/store/types.ts";
import { SqliteRules } from "./rules.ts";
import { SqliteSchedules } from "./schedules.ts";

export function createSqliteAutomationStore(db: Database.Database, write: (batch: WriteBatch) => void, guard: <T>(fn: () => T) => T): AutomationStore {
  const s = new SqliteSchedules(db, write);
  const r = new SqliteRules(db);
  // better-sqlite3 is synchronous; the interface is async for stores that are not.
  const run = async <T>(fn: () => T): Promise<T> => guard(fn);
  return {
    listSchedules: (filter) => run(() => s.list(filter)),
    getSchedule: (id) => run(() => s.get(id)),
    putSchedule: (record, now) => run(() => s.put(record, now)),
    deleteSchedule: (id) => run(() => s.delete(id)),
    setScheduleActive: (id, active, now) => run(() => s.setActive(id, active, now)),
    schedulesToPlan: (runner, now, limit, file) => run(() => s.toPlan(runner, now, limit, file)),
    planSlots: (id, slots, plannedUntil, nextPlanAt) => run(() => s.plan(id, slots, plannedUntil, nextPlanAt)),
    listSlots: (query) => run(() => s.slots(query)),
    nextSlotTime: (runner, file, after) => run(() => s.nextSlotTime(runner, file, after)),
    runStateOf: (runId) => run(() => s.runStateOf(runId)),
    transitionSlot: (key, from, to, batch, now) => run(() => s.transition(key, from, to, batch, now)),
    countActiveRuns: (flowName) => run(() => s.countActiveRuns(flowName)),
    getFlowPolicy: (flowName) => run(() => s.policy(flowName)),
    setFlowPolicy: (policy, now) => run(() => s.setPolicy(policy, now)),
    listTriggers: (filter) => run(() => r.listTriggers(filter)),
    getTrigger: (id) => run(() => r.getTrigger(id)),
    putTrigger: (record) => run(() => r.putTrigger(record)),
    deleteTrigger: (id) => run(() => r.deleteTrigger(id)),
    listAutomations: () => run(() => r.listAutomations()),
    getAutomation: (id) => run(() => r.getAutomation(id)),
    putAutomation: (record) => run(() => r.putAutomation(record)),
    deleteAutomation: (id) => run(() => r.deleteAutomation(id)),
    claimFiring: (firing) => run(() => r.claimFiring(firing)),
    finishFiring: (id, status, detail) => run(() => r.finishFiring(id, status, detail)),
    listFirings: (query) => run(() => r.listFirings(query)),
    getCursor: (name) => run(() => r.getCursor(name)),
    setCursor: (name, value) => run(() => r.setCursor(name, value)),
  };
}
