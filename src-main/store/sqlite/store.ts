import type Database from "better-sqlite3";
import { makeError } from "../../../shared/errors.ts";
import type {
  CacheEntry,
  ChangePage,
  ConcurrencyLimit,
  ConcurrencySlotGrant,
  ConcurrencySlotRequest,
  ChangeQuery,
  FlowRecord,
  FlowRunQuery,
  FlowRunRecord,
  LogPage,
  LogQuery,
  Page,
  ProcessOwner,
  RunStats,
  RunStatsQuery,
  RunStore,
  StateRecord,
  TaskRunQuery,
  TaskRunRecord,
  WriteBatch,
} from "../../../shared/store/types.ts";
import { createConcurrencySlots, type ConcurrencySlots } from "./concurrency.ts";
import type { AutomationStore } from "../../../shared/store/automation-types.ts";
import { createSqliteAutomationStore } from "./automation.ts";
import { createCrashMarker } from "./crash.ts";
import { Reader } from "./read.ts";
import { createWriter } from "./write.ts";

/** SQLite result codes after which a later attempt may succeed. */
const TRANSIENT = /^SQLITE_(BUSY|LOCKED)/;

/**
 * The local run history on one SQLite file. better-sqlite3 is synchronous, so writes
 * return void and reads resolve at once; the async signatures come from RunStore.
 * Open it with openSqliteStore().
 */
export class SqliteStore implements RunStore {
  readonly kind = "sqlite";
  readonly path: string;
  readonly #db: Database.Database;
  readonly #write: (batch: WriteBatch) => void;
  readonly #reader: Reader;
  #automations: AutomationStore | undefined;
  readonly #markOrphans: (isAlive: (owner: ProcessOwner) => boolean) => number;
  #slots: ConcurrencySlots | undefined;

  constructor(db: Database.Database, path: string) {
    this.#db = db;
    this.path = path;
    this.#write = createWriter(db);
    this.#reader = new Reader(db);
    this.#markOrphans = createCrashMarker(db);
  }

  write(batch: WriteBatch): void {
    this.#guard(() => this.#write(batch));
  }

  writeSync(batch: WriteBatch): void {
    this.write(batch);
  }

  async getCacheEntry(key: string, now: number): Promise<CacheEntry | undefined> {
    return this.#guard(() => this.#reader.getCacheEntry(key, now));
  }

  async getResult(runId: string): Promise<string | undefined> {
    return this.#guard(() => this.#reader.getResult(runId));
  }

  async getFlowRun(id: string): Promise<FlowRunRecord | undefined> {
    return this.#guard(() => this.#reader.getFlowRun(id));
  }

  async listFlowRuns(query: FlowRunQuery): Promise<Page<FlowRunRecord>> {
    return this.#guard(() => this.#reader.listFlowRuns(query));
  }

  async listTaskRuns(query: TaskRunQuery): Promise<TaskRunRecord[]> {
    return this.#guard(() => this.#reader.listTaskRuns(query));
  }

  async listStates(runId: string): Promise<StateRecord[]> {
    return this.#guard(() => this.#reader.listStates(runId));
  }

  async listLogs(query: LogQuery): Promise<LogPage> {
    return this.#guard(() => this.#reader.listLogs(query));
  }

  async listRunFlowNames(): Promise<string[]> {
    return this.#guard(() => this.#reader.listRunFlowNames());
  }

  async runStats(query: RunStatsQuery): Promise<RunStats> {
    return this.#guard(() => this.#reader.runStats(query));
  }

  async listFlows(): Promise<FlowRecord[]> {
    return this.#guard(() => this.#reader.listFlows());
  }

  async listChanges(query: ChangeQuery): Promise<ChangePage> {
    return this.#guard(() => this.#reader.listChanges(query));
  }

  async markOrphansCrashed(isAlive: (owner: ProcessOwner) => boolean): Promise<number> {
    return this.#guard(() => this.#markOrphans(isAlive));
  }

  async acquireConcurrencySlots(request: ConcurrencySlotRequest): Promise<ConcurrencySlotGrant> {
    return this.#guard(() => this.#concurrency().acquire(request));
  }

  async releaseConcurrencySlots(taskRunId: string): Promise<void> {
    this.#guard(() => this.#concurrency().release(taskRunId));
  }

  async listConcurrencyLimits(): Promise<ConcurrencyLimit[]> {
    return this.#guard(() => this.#concurrency().list());
  }

  async setConcurrencyLimit(tag: string, limit: number | null, now = Date.now()): Promise<ConcurrencyLimit | null> {
    return this.#guard(() => this.#concurrency().set(tag, limit, now));
  }

  /** Schedules, triggers and automations on the same file; made on first use. */
  automations(): AutomationStore {
    this.#automations ??= createSqliteAutomationStore(this.#db, this.#write, (fn) => this.#guard(fn));
    return this.#automations;
  }

  /** Idempotent; later calls on the store throw store-unavailable. */
  close(): void {
    // No `PRAGMA optimize` here: it can wait on another process's write lock, and the
    // indexes are chosen to be right without planner statistics.
    if (this.#db.open) this.#db.close();
  }

  /** Prepared on first use: most processes never touch limits, and a read-only older file has no such tables. */
  #concurrency(): ConcurrencySlots {
    this.#slots ??= createConcurrencySlots(this.#db);
    return this.#slots;
  }

  /** Turns SQLite's failures into the catalogue's store-unavailable, naming the file. */
  #guard<T>(action: () => T): T {
    if (!this.#db.open) throw makeError("store-unavailable", [`${this.path} is closed`]);
    try {
      return action();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (!(error instanceof Error) || typeof code !== "string" || !code.startsWith("SQLITE_")) throw error;
      throw makeError("store-unavailable", [`${this.path}: ${error.message} (${code})`], {
        retryable: TRANSIENT.test(code),
        cause: error,
      });
    }
  }
}
