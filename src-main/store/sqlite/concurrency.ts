import type Database from "better-sqlite3";
import type { ConcurrencyLimit, ConcurrencySlotGrant, ConcurrencySlotRequest, ProcessOwner } from "../../../shared/store/types.ts";
import { validateConcurrencyLimit } from "../../../shared/sdk/concurrency.ts";
import { isOwnerAlive } from "../../platform/process.ts";
import { decodeOwner, type OwnerColumns } from "./codec.ts";

const TERMINAL = "('COMPLETED', 'FAILED', 'CRASHED', 'CANCELLED')";

interface SlotRow extends OwnerColumns {
  task_run_id: string;
  acquired_at: number;
}

interface LimitRow {
  tag: string;
  limit: number;
  updated_at: number;
}

export interface ConcurrencySlots {
  acquire(request: ConcurrencySlotRequest): ConcurrencySlotGrant;
  release(taskRunId: string): void;
  list(): ConcurrencyLimit[];
  set(tag: string, limit: number | null, now: number): ConcurrencyLimit | null;
}

/**
 * Tag concurrency slots on the shared history, so every process (app workers and plain
 * scripts) counts against the same limits. Acquiring is one IMMEDIATE transaction: the
 * count and the insert cannot interleave with another process's.
 */
export function createConcurrencySlots(db: Database.Database): ConcurrencySlots {
  const limitOf = db.prepare<[string], number>(`SELECT "limit" FROM concurrency_limits WHERE tag = ?`).pluck();
  const heldByOthers = db
    .prepare<[string, string], number>("SELECT count(*) FROM concurrency_slots WHERE tag = ? AND task_run_id != ?")
    .pluck();
  const holdersOf = db.prepare<[string], SlotRow>(
    "SELECT task_run_id, owner_pid, owner_host, owner_started_at, acquired_at FROM concurrency_slots WHERE tag = ? ORDER BY acquired_at, task_run_id",
  );
  // A worker thread the engine terminated never runs its finally: its task runs are ended by the host, so their slots are stale.
  const dropEnded = db.prepare<[string]>(
    `DELETE FROM concurrency_slots WHERE tag = ? AND task_run_id IN (SELECT id FROM task_runs WHERE state_type IN ${TERMINAL})`,
  );
  const dropSlot = db.prepare<[string, string]>("DELETE FROM concurrency_slots WHERE tag = ? AND task_run_id = ?");
  const insertSlot = db.prepare<[string, string, number | null, string | null, number | null, number]>(
    `INSERT OR REPLACE INTO concurrency_slots (tag, task_run_id, owner_pid, owner_host, owner_started_at, acquired_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const release = db.prepare<[string]>("DELETE FROM concurrency_slots WHERE task_run_id = ?");
  const limits = db.prepare<[], LimitRow>(`SELECT tag, "limit", updated_at FROM concurrency_limits ORDER BY tag`);
  const limitRow = db.prepare<[string], LimitRow>(`SELECT tag, "limit", updated_at FROM concurrency_limits WHERE tag = ?`);
  const upsertLimit = db.prepare<[string, number, number]>(
    `INSERT INTO concurrency_limits (tag, "limit", updated_at) VALUES (?, ?, ?) ON CONFLICT (tag) DO UPDATE SET "limit" = excluded."limit", updated_at = excluded.updated_at`,
  );
  const deleteLimit = db.prepare<[string]>("DELETE FROM concurrency_limits WHERE tag = ?");
  const deleteSlotsOf = db.prepare<[string]>("DELETE FROM concurrency_slots WHERE tag = ?");

  /** Frees slots nobody can be using any more; true when any went. */
  const reclaim = (tag: string, alive: (owner: ProcessOwner) => boolean): boolean => {
    let freed = dropEnded.run(tag).changes > 0;
    for (const row of holdersOf.all(tag)) {
      const owner = decodeOwner(row);
      if (owner && !alive(owner)) freed = dropSlot.run(tag, row.task_run_id).changes > 0 || freed;
    }
    return freed;
  };

  const acquire = db
    .transaction((request: ConcurrencySlotRequest, alive: (owner: ProcessOwner) => boolean): ConcurrencySlotGrant => {
      const limited: string[] = [];
      for (const tag of new Set(request.tags)) {
        const limit = limitOf.get(tag);
        if (limit === undefined) continue;
        // Stale slots are looked for only when the tag is full: the common path is two reads.
        if (heldByOthers.get(tag, request.taskRunId)! >= limit && (!reclaim(tag, alive) || heldByOthers.get(tag, request.taskRunId)! >= limit)) {
          return { acquired: false, blockedBy: { tag, limit } };
        }
        limited.push(tag);
      }
      const owner = request.owner;
      for (const tag of limited) insertSlot.run(tag, request.taskRunId, owner?.pid ?? null, owner?.host ?? null, owner?.startedAt ?? null, request.now);
      return { acquired: true };
    })
    .immediate;

  const toLimit = (row: LimitRow): ConcurrencyLimit => ({
    tag: row.tag,
    limit: row.limit,
    updatedAt: row.updated_at,
    holders: holdersOf.all(row.tag).map((slot) => ({ taskRunId: slot.task_run_id, owner: decodeOwner(slot), acquiredAt: slot.acquired_at })),
  });

  const set = db
    .transaction((tag: string, limit: number | null, now: number): ConcurrencyLimit | null => {
      if (limit === null) {
        deleteLimit.run(tag);
        // Holders finish as they are; their slots count for nothing once the limit is gone.
        deleteSlotsOf.run(tag);
        return null;
      }
      upsertLimit.run(tag, limit, now);
      return toLimit(limitRow.get(tag)!);
    })
    .immediate;

  return {
    acquire(request) {
      // Verdicts are remembered for one call: a holder's liveness costs a syscall and a /proc read.
      const verdicts = new Map<string, boolean>();
      const isAlive = request.isAlive ?? isOwnerAlive;
      const alive = (owner: ProcessOwner): boolean => {
        const key = `${owner.pid}\u0000${owner.host}\u0000${owner.startedAt}`;
        let verdict = verdicts.get(key);
        if (verdict === undefined) verdicts.set(key, (verdict = isAlive(owner)));
        return verdict;
      };
      return acquire(request, alive);
    },
    release(taskRunId) {
      release.run(taskRunId);
    },
    list() {
      return db.transaction(() => limits.all().map(toLimit))();
    },
    set(tag, limit, now) {
      validateConcurrencyLimit(tag, limit);
      return set(tag, limit, now);
    },
  };
}
