import type Database from "better-sqlite3";
import type { ProcessOwner } from "../../../shared/store/types.ts";
import { decodeOwner, type OwnerColumns } from "./codec.ts";
import { encodeStateLine } from "./history.ts";

const ACTIVE = "('RUNNING', 'PENDING', 'CANCELLING')";
const TERMINAL = "('COMPLETED', 'FAILED', 'CRASHED', 'CANCELLED')";
const CRASH = "state_type = 'CRASHED', state_name = 'Crashed', state_message = ?, end_time = ?, seq = (SELECT value FROM change_seq WHERE id = 1)";

interface ChildRow extends OwnerColumns {
  id: string;
}

/**
 * Marks runs whose owning process is gone as CRASHED, with everything they were running:
 * non-terminal task runs of the crashed flow runs and, recursively, their subflows.
 * Liveness is checked outside the write transaction (it may touch /proc); the active
 * runs are then re-selected inside it, so a run that just finished is left alone.
 */
export function createCrashMarker(db: Database.Database): (isAlive: (owner: ProcessOwner) => boolean) => number {
  const ownerColumns = "owner_pid, owner_host, owner_started_at";
  const activeOwners = db.prepare<[], OwnerColumns>(
    `SELECT DISTINCT ${ownerColumns} FROM flow_runs WHERE state_type IN ${ACTIVE} AND owner_pid IS NOT NULL
     UNION SELECT DISTINCT ${ownerColumns} FROM task_runs WHERE state_type IN ${ACTIVE} AND owner_pid IS NOT NULL`,
  );
  const ownerMatch = "owner_pid = ? AND owner_host = ? AND owner_started_at = ?";
  const activeFlowRuns = db
    .prepare<[number, string, number], string>(`SELECT id FROM flow_runs WHERE state_type IN ${ACTIVE} AND ${ownerMatch}`)
    .pluck();
  const activeTaskRuns = db
    .prepare<[number, string, number], string>(`SELECT id FROM task_runs WHERE state_type IN ${ACTIVE} AND ${ownerMatch}`)
    .pluck();
  const children = db.prepare<[string], ChildRow>(`SELECT id, ${ownerColumns} FROM flow_runs WHERE parent_flow_run_id = ?`);
  const crashFlowRun = db.prepare(`UPDATE flow_runs SET ${CRASH} WHERE id = ? AND state_type NOT IN ${TERMINAL}`);
  // Task runs keep their transitions in their own row (history.ts): the crash is appended there.
  const crashTaskRun = db.prepare(`UPDATE task_runs SET ${CRASH}, history = history || ? WHERE id = ? AND state_type NOT IN ${TERMINAL}`);
  const crashTasksOf = db
    .prepare<[string, number, string, string], string>(
      `UPDATE task_runs SET ${CRASH}, history = history || ? WHERE flow_run_id = ? AND state_type NOT IN ${TERMINAL} RETURNING id`,
    )
    .pluck();
  const addState = db.prepare(
    "INSERT INTO states (run_id, run_kind, type, name, timestamp, message) VALUES (?, ?, 'CRASHED', 'Crashed', ?, ?)",
  );

  const bumpSeq = db.prepare("UPDATE change_seq SET value = value + 1 WHERE id = 1");

  const crashAll = db.transaction((dead: ProcessOwner[], alive: (owner: ProcessOwner) => boolean): number => {
    const now = Date.now();
    // Live views see the crashes as one change.
    bumpSeq.run();
    let changed = 0;
    const line = (message: string) => encodeStateLine({ type: "CRASHED", name: "Crashed", timestamp: now, message, error: null });
    const crashFlow = (id: string, message: string): void => {
      if (crashFlowRun.run(message, now, id).changes === 0) return;
      addState.run(id, "flow", now, message);
      changed++;
    };
    const crashTask = (id: string, message: string): void => {
      if (crashTaskRun.run(message, now, line(message), id).changes > 0) changed++;
    };
    for (const owner of dead) {
      const key = ownerKey(owner);
      const rootMessage = crashMessage(owner);
      // Each pending run carries the message naming the process that ran it.
      const pending = activeFlowRuns.all(owner.pid, owner.host, owner.startedAt).map((id) => ({ id, message: rootMessage }));
      const seen = new Set<string>();
      for (let run = pending.pop(); run; run = pending.pop()) {
        if (seen.has(run.id)) continue;
        seen.add(run.id);
        crashFlow(run.id, run.message);
        changed += crashTasksOf.all(run.message, now, line(run.message), run.id).length;
        for (const child of children.all(run.id)) {
          const childOwner = decodeOwner(child);
          if (!childOwner || ownerKey(childOwner) === key) pending.push({ id: child.id, message: run.message });
          // A subflow run by another, still living process is not ours to crash.
          else if (!alive(childOwner)) pending.push({ id: child.id, message: crashMessage(childOwner) });
        }
      }
      for (const id of activeTaskRuns.all(owner.pid, owner.host, owner.startedAt)) crashTask(id, rootMessage);
    }
    return changed;
  }).immediate;

  return (isAlive) => {
    const verdicts = new Map<string, boolean>();
    const alive = (owner: ProcessOwner): boolean => {
      const key = ownerKey(owner);
      let verdict = verdicts.get(key);
      if (verdict === undefined) verdicts.set(key, (verdict = isAlive(owner)));
      return verdict;
    };
    const dead = activeOwners
      .all()
      .map(decodeOwner)
      .filter((owner): owner is ProcessOwner => owner !== null && !alive(owner));
    return dead.length ? crashAll(dead, alive) : 0;
  };
}

function crashMessage(owner: ProcessOwner): string {
  return `The process running it (pid ${owner.pid} on ${owner.host}) is gone`;
}

function ownerKey(owner: ProcessOwner): string {
  return `${owner.pid}\u0000${owner.host}\u0000${owner.startedAt}`;
}
