import type Database from "better-sqlite3";

/** Beyond this many cached ids the cache starts over: a long-lived process sees unboundedly many runs. */
const MAX_CACHED = 100_000;

/**
 * Maps run ids to the small integer keys the logs table stores. A key never changes
 * once committed, so every process may cache it; keys minted inside a transaction are
 * only cached after it commits, since a rollback frees them for reuse.
 */
export class RunKeys {
  readonly #select: Database.Statement<[string], number>;
  readonly #insert: Database.Statement<[string], number>;
  readonly #cache = new Map<string, number>();
  readonly #pending = new Map<string, number>();

  constructor(db: Database.Database) {
    this.#select = db.prepare<[string], number>("SELECT key FROM run_keys WHERE run_id = ?").pluck();
    this.#insert = db.prepare<[string], number>("INSERT INTO run_keys (run_id) VALUES (?) RETURNING key").pluck();
  }

  /** The key for a run id, creating it; call only inside a write transaction. */
  keyFor(runId: string | null): number | null {
    if (runId === null || runId === undefined) return null;
    let key = this.#cache.get(runId) ?? this.#pending.get(runId);
    if (key === undefined) {
      key = this.#select.get(runId) ?? this.#insert.get(runId)!;
      this.#pending.set(runId, key);
    }
    return key;
  }

  commit(): void {
    if (this.#cache.size + this.#pending.size > MAX_CACHED) this.#cache.clear();
    for (const [runId, key] of this.#pending) this.#cache.set(runId, key);
    this.#pending.clear();
  }

  discard(): void {
    this.#pending.clear();
  }
}
