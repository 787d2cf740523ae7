import type { SerializedError } from "../errors.ts";
import type { StateType } from "../sdk/states.ts";
import type { AutomationStore } from "./automation-types.ts";

/**
 * The run history store. The engine talks only to this interface, so SQLite,
 * memory and (later) PostgreSQL stores are interchangeable.
 *
 * Writes arrive in batches from the recorder; run rows are upserts carrying the
 * latest values, while states and logs are append-only.
 */
export interface RunStore {
  readonly kind: string;
  /** Applies a batch atomically. Synchronous stores return void. */
  write(batch: WriteBatch): void | Promise<void>;
  /** For exit paths where no promise can be awaited; absent on stores that cannot. */
  writeSync?(batch: WriteBatch): void;

  getCacheEntry(key: string, now: number): Promise<CacheEntry | undefined>;
  getResult(runId: string): Promise<string | undefined>;

  getFlowRun(id: string): Promise<FlowRunRecord | undefined>;
  listFlowRuns(query: FlowRunQuery): Promise<Page<FlowRunRecord>>;
  listTaskRuns(query: TaskRunQuery): Promise<TaskRunRecord[]>;
  listStates(runId: string): Promise<StateRecord[]>;
  listLogs(query: LogQuery): Promise<LogPage>;
  listFlows(): Promise<FlowRecord[]>;
  /** Every flow name that has flow runs, sorted; scripts' flows too, saved or not. */
  listRunFlowNames(): Promise<string[]>;
  /** Counts and summaries of top-level runs created in [since, until), for the dashboard. */
  runStats(query: RunStatsQuery): Promise<RunStats>;
  /**
   * Flow and task runs written after a change cursor (0 for all), for live views that
   * must see every change, including other processes' writes, and resume after a gap.
   */
  listChanges(query: ChangeQuery): Promise<ChangePage>;

  /** Schedules, triggers and automations, on stores that keep them (SQLite). */
  automations?(): AutomationStore;
  /** Marks runs whose recorded process is gone as CRASHED; returns how many flow and task runs it changed. */
  markOrphansCrashed(isAlive: (owner: ProcessOwner) => boolean): Promise<number>;
  close(): void | Promise<void>;

  // Tag concurrency limits: optional, as a store without them runs tagged tasks unlimited.
  /**
   * Takes one slot of every limited tag in `tags` for the task run, or none (all-or-nothing);
   * slots of dead owners and of task runs already ended are reclaimed first. Idempotent per run.
   */
  acquireConcurrencySlots?(request: ConcurrencySlotRequest): Promise<ConcurrencySlotGrant>;
  /** Gives back every slot the task run holds; a no-op when it holds none. */
  releaseConcurrencySlots?(taskRunId: string): Promise<void>;
  /** Every limit, by tag, with the slots held now. */
  listConcurrencyLimits?(): Promise<ConcurrencyLimit[]>;
  /** Sets a tag's limit (a positive integer), or deletes it with null; returns the limit as stored, or null. */
  setConcurrencyLimit?(tag: string, limit: number | null, now?: number): Promise<ConcurrencyLimit | null>;
}

export interface ConcurrencySlotRequest {
  tags: readonly string[];
  taskRunId: string;
  /** The process that will hold the slots (null where the platform cannot tell: never reclaimed as dead). */
  owner: ProcessOwner | null;
  now: number;
  /** Whether a holder's process lives; stores default to their platform's check. */
  isAlive?: (owner: ProcessOwner) => boolean;
}

export interface ConcurrencySlotGrant {
  acquired: boolean;
  /** When not acquired: the first tag whose slots are all held. */
  blockedBy?: { tag: string; limit: number };
}

export interface ConcurrencyLimit {
  tag: string;
  limit: number;
  updatedAt: number;
  /** Slots held now, oldest first (stale ones stay until the next acquire reclaims them). */
  holders: Array<{ taskRunId: string; owner: ProcessOwner | null; acquiredAt: number }>;
}

/** Who is executing a run: enough to tell later whether that process still exists. */
export interface ProcessOwner {
  pid: number;
  host: string;
  /** Process start time in ms since the epoch, to survive PID reuse. */
  startedAt: number;
}

export interface FlowRecord {
  name: string;
  description: string | null;
  version: string | null;
  /** Where the flow was defined, when known (a file path or URL). */
  source: string | null;
  updatedAt: number;
}

export interface FlowRunRecord {
  id: string;
  name: string;
  flowName: string;
  flowVersion: string | null;
  parentFlowRunId: string | null;
  parentTaskRunId: string | null;
  /** JSON of the parameters the flow was called with. */
  parameters: string;
  tags: string[];
  stateType: StateType;
  stateName: string;
  stateMessage: string | null;
  createdAt: number;
  startTime: number | null;
  endTime: number | null;
  /** Attempts started so far (1 on the first). */
  runCount: number;
  error: SerializedError | null;
  /** A bounded JSON preview of the return value. */
  resultPreview: string | null;
  owner: ProcessOwner | null;
}

export interface TaskRunRecord {
  id: string;
  name: string;
  taskName: string;
  flowRunId: string | null;
  parentTaskRunId: string | null;
  tags: string[];
  stateType: StateType;
  stateName: string;
  stateMessage: string | null;
  createdAt: number;
  startTime: number | null;
  endTime: number | null;
  runCount: number;
  maxRetries: number;
  cacheKey: string | null;
  /** Task run ids whose results flowed into this one's arguments. */
  upstream: string[];
  inputsPreview: string | null;
  resultPreview: string | null;
  error: SerializedError | null;
  /** Set only on task runs outside any flow run, which own their process. */
  owner: ProcessOwner | null;
}

export interface StateRecord {
  runId: string;
  runKind: "flow" | "task";
  type: StateType;
  name: string;
  timestamp: number;
  message: string | null;
  error: SerializedError | null;
}

export const LOG_LEVELS = { debug: 10, info: 20, warning: 30, error: 40 } as const;
export type LogLevelName = keyof typeof LOG_LEVELS;

export interface LogRecord {
  flowRunId: string | null;
  taskRunId: string | null;
  level: number;
  timestamp: number;
  message: string;
}

export interface StoredLog extends LogRecord {
  /** Monotonic per store: the cursor for paging and following. */
  id: number;
}

export interface CacheEntry {
  key: string;
  /** The encoded value (see shared/sdk/serialize.ts). */
  value: string;
  createdAt: number;
  expiresAt: number | null;
  taskRunId: string | null;
}

export interface ResultRecord {
  runId: string;
  value: string;
}

export interface WriteBatch {
  flows: FlowRecord[];
  flowRuns: FlowRunRecord[];
  taskRuns: TaskRunRecord[];
  states: StateRecord[];
  logs: LogRecord[];
  results: ResultRecord[];
  cache: CacheEntry[];
}

export function emptyBatch(): WriteBatch {
  return { flows: [], flowRuns: [], taskRuns: [], states: [], logs: [], results: [], cache: [] };
}

export function batchSize(batch: WriteBatch): number {
  return (
    batch.flows.length +
    batch.flowRuns.length +
    batch.taskRuns.length +
    batch.states.length +
    batch.logs.length +
    batch.results.length +
    batch.cache.length
  );
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; null when there is none. */
  nextCursor: string | null;
}

/**
 * newest: createdAt descending (the default); oldest: createdAt ascending; longest:
 * duration (endTime - startTime) descending, runs without both times last. Ties break on id.
 */
export type FlowRunSort = "newest" | "oldest" | "longest";
export const FLOW_RUN_SORTS: readonly FlowRunSort[] = ["newest", "oldest", "longest"];

export interface FlowRunQuery {
  flowName?: string;
  /** Case-insensitive (ASCII) substring of the run's name, flow name or parameters JSON. */
  text?: string;
  sort?: FlowRunSort;
  states?: StateType[];
  parentFlowRunId?: string | null;
  /** Runs created at or after this time (ms). */
  since?: number;
  /** Runs created before this time (ms). */
  until?: number;
  limit?: number;
  cursor?: string | null;
}

export interface TaskRunQuery {
  flowRunId?: string;
  /** Task runs with no flow run, newest first. */
  orphansOnly?: boolean;
  limit?: number;
}

export interface ChangeQuery {
  /** The `seq` of a previous page, or 0. */
  since: number;
  /** Flow runs to include: every one, or these ids. Absent: none. */
  flowRuns?: "all" | readonly string[];
  /** Include the task runs of these flow runs. */
  taskRunsOf?: readonly string[];
  /** Include logs of these flow runs (their task runs' too) with ids above `logsAfter`. */
  logsOf?: readonly string[];
  logsAfter?: number;
  /** At most this many logs (default 5,000); the page's logId then stops at the last one given. */
  logLimit?: number;
}

export interface ChangePage {
  /** In the order they last changed. */
  flowRuns: FlowRunRecord[];
  taskRuns: TaskRunRecord[];
  /** Pass back as `since`: everything up to here has been seen. */
  seq: number;
  logs: StoredLog[];
  /** Pass back as `logsAfter`: every log up to this id has been seen. */
  logId: number;
}

export interface LogQuery {
  flowRunId?: string;
  taskRunId?: string;
  minLevel?: number;
  /** Case-insensitive substring match on the message. */
  text?: string;
  /** Only logs with id greater than this (a cursor from a previous page). */
  cursor?: string | null;
  /** Only logs with id below this; the page is then the last `limit` of them (paging back). */
  beforeId?: number;
  /** The last `limit` matching logs rather than the first. */
  tail?: boolean;
  /** Also count every log matching the filters (not the cursors). */
  withTotal?: boolean;
  limit?: number;
}

/** Logs, always in ascending id order. */
export interface LogPage extends Page<StoredLog> {
  /** Pass as `beforeId` (a number) for the older page; null when no older log matches. */
  prevCursor: string | null;
  /** With `withTotal`: how many logs match the filters. */
  total?: number;
}

export interface RunStatsQuery {
  /** Runs created at or after this time (ms). */
  since: number;
  /** Runs created before this time (ms). */
  until: number;
  /** How many equal slices of [since, until) the series has (default 48, 1..500). */
  buckets?: number;
}

export type StateCounts = Record<StateType, number>;

export interface RunStats {
  since: number;
  until: number;
  bucketMs: number;
  /** One entry per bucket, oldest first, every state type present. */
  series: Array<{ start: number; counts: StateCounts }>;
  totals: StateCounts;
  /** (FAILED + CRASHED) / finished runs; null when none finished. */
  failureRate: number | null;
  /** Top 5 flows by average duration of their finished runs (with both times). */
  slowestFlows: Array<{ flowName: string; runs: number; avgMs: number; p95Ms: number; maxMs: number }>;
  /** The 10 newest FAILED or CRASHED runs, newest (by createdAt) first. */
  recentFailures: Array<{ runId: string; flowName: string; name: string; stateType: StateType; endTime: number | null; message: string | null }>;
}
