import type { SerializedError } from "../errors.ts";
import { TERMINAL_STATE_TYPES, type StateType } from "../sdk/states.ts";
import type {
  CacheEntry,
  ChangePage,
  ChangeQuery,
  FlowRecord,
  FlowRunQuery,
  FlowRunRecord,
  LogQuery,
  LogRecord,
  Page,
  ProcessOwner,
  RunStore,
  StateRecord,
  StoredLog,
  TaskRunQuery,
  TaskRunRecord,
  WriteBatch,
} from "./types.ts";
import { CHANGE_LOG_LIMIT, FLOW_RUN_LIMIT, LOG_LIMIT, TASK_RUN_LIMIT, clampLimit, decodeFlowRunCursor, decodeLogCursor, encodeFlowRunCursor } from "./query.ts";

/*
 * An in-memory RunStore for tests and the browser. Its queries mirror the SQLite
 * store exactly (ordering, limits, cursors, LIKE's ASCII-only case folding) so one
 * contract suite covers both. Records are copied in and out: the engine keeps
 * mutating the objects it wrote, and callers may mutate what they read.
 */

const ACTIVE_STATE_TYPES: ReadonlySet<StateType> = new Set(["RUNNING", "PENDING", "CANCELLING"]);

export class MemoryStore implements RunStore {
  readonly kind = "memory";
  #flows = new Map<string, FlowRecord>();
  #flowRuns = new Map<string, FlowRunRecord>();
  #taskRuns = new Map<string, TaskRunRecord>();
  #states = new Map<string, StateRecord[]>();
  #logs: StoredLog[] = [];
  #nextLogId = 1;
  #results = new Map<string, string>();
  #cache = new Map<string, CacheEntry>();
  /** The change counter, and the value it had when each run last changed. */
  #seq = 0;
  #changedAt = new Map<string, number>();

  write(batch: WriteBatch): void {
    // Copy everything before changing anything, so a malformed record leaves the store as it was.
    const flows = batch.flows.map(copyFlow);
    const flowRuns = batch.flowRuns.map(copyFlowRun);
    const taskRuns = batch.taskRuns.map(copyTaskRun);
    const states = batch.states.map(copyState);
    const logs = batch.logs.map((log, i) => copyLog(log, this.#nextLogId + i));
    const cache = batch.cache.map(copyCacheEntry);
    for (const flow of flows) this.#flows.set(flow.name, flow);
    if (flowRuns.length + taskRuns.length > 0) this.#seq++;
    for (const run of flowRuns) this.#flowRuns.set(run.id, run);
    for (const run of taskRuns) this.#taskRuns.set(run.id, run);
    for (const run of [...flowRuns, ...taskRuns]) this.#changedAt.set(run.id, this.#seq);
    for (const state of states) this.#appendState(state);
    for (const log of logs) this.#logs.push(log);
    this.#nextLogId += logs.length;
    for (const result of batch.results) this.#results.set(result.runId, result.value);
    for (const entry of cache) this.#cache.set(entry.key, entry);
  }

  writeSync(batch: WriteBatch): void {
    this.write(batch);
  }

  async getCacheEntry(key: string, now: number): Promise<CacheEntry | undefined> {
    const entry = this.#cache.get(key);
    if (!entry || (entry.expiresAt !== null && entry.expiresAt <= now)) return undefined;
    return copyCacheEntry(entry);
  }

  async getResult(runId: string): Promise<string | undefined> {
    return this.#results.get(runId);
  }

  async getFlowRun(id: string): Promise<FlowRunRecord | undefined> {
    const run = this.#flowRuns.get(id);
    return run && copyFlowRun(run);
  }

  async listFlowRuns(query: FlowRunQuery): Promise<Page<FlowRunRecord>> {
    const limit = clampLimit(query.limit, FLOW_RUN_LIMIT);
    const after = query.cursor ? decodeFlowRunCursor(query.cursor) : undefined;
    const states = query.states ? new Set(query.states) : undefined;
    const matches = [...this.#flowRuns.values()].filter(
      (run) =>
        (query.flowName == null || run.flowName === query.flowName) &&
        (states === undefined || states.has(run.stateType)) &&
        (query.parentFlowRunId === undefined || run.parentFlowRunId === query.parentFlowRunId) &&
        (query.since == null || run.createdAt >= query.since) &&
        (query.until == null || run.createdAt < query.until) &&
        (after === undefined || compareKeys(run.createdAt, run.id, after.createdAt, after.id) < 0),
    );
    matches.sort((a, b) => compareKeys(b.createdAt, b.id, a.createdAt, a.id));
    const items = matches.slice(0, limit).map(copyFlowRun);
    const last = items.at(-1);
    return { items, nextCursor: matches.length > limit && last ? encodeFlowRunCursor(last.createdAt, last.id) : null };
  }

  async listTaskRuns(query: TaskRunQuery): Promise<TaskRunRecord[]> {
    const limit = clampLimit(query.limit, TASK_RUN_LIMIT);
    const matches = [...this.#taskRuns.values()].filter(
      (run) =>
        (query.flowRunId == null || run.flowRunId === query.flowRunId) &&
        (!query.orphansOnly || run.flowRunId === null),
    );
    const direction = query.orphansOnly ? -1 : 1;
    matches.sort((a, b) => direction * compareKeys(a.createdAt, a.id, b.createdAt, b.id));
    return matches.slice(0, limit).map(copyTaskRun);
  }

  async listStates(runId: string): Promise<StateRecord[]> {
    // sort() is stable, so equal timestamps keep insertion order.
    const states = this.#states.get(runId) ?? [];
    return states.map(copyState).sort((a, b) => a.timestamp - b.timestamp);
  }

  async listChanges(query: ChangeQuery): Promise<ChangePage> {
    const changed = (id: string) => (this.#changedAt.get(id) ?? 0) > query.since;
    const bySeq = <T extends { id: string }>(a: T, b: T) => this.#changedAt.get(a.id)! - this.#changedAt.get(b.id)!;
    const wanted = query.flowRuns === "all" ? undefined : new Set(query.flowRuns ?? []);
    const flowRuns = [...this.#flowRuns.values()].filter((run) => changed(run.id) && (wanted === undefined || wanted.has(run.id)));
    const of = new Set(query.taskRunsOf ?? []);
    const taskRuns = of.size ? [...this.#taskRuns.values()].filter((run) => run.flowRunId !== null && of.has(run.flowRunId) && changed(run.id)) : [];
    const logOf = new Set(query.logsOf ?? []);
    const limit = query.logLimit ?? CHANGE_LOG_LIMIT;
    const logs: StoredLog[] = [];
    let logId = this.#nextLogId - 1;
    if (logOf.size) {
      for (let i = firstLogAfter(this.#logs, query.logsAfter ?? 0); i < this.#logs.length; i++) {
        const entry = this.#logs[i]!;
        if (entry.flowRunId === null || !logOf.has(entry.flowRunId)) continue;
        if (logs.length === limit) {
          logId = logs[logs.length - 1]!.id;
          break;
        }
        logs.push({ ...entry });
      }
    }
    return { flowRuns: flowRuns.sort(bySeq).map(copyFlowRun), taskRuns: taskRuns.sort(bySeq).map(copyTaskRun), seq: this.#seq, logs, logId };
  }

  async listLogs(query: LogQuery): Promise<Page<StoredLog>> {
    const limit = clampLimit(query.limit, LOG_LIMIT);
    const afterId = query.cursor ? decodeLogCursor(query.cursor) : 0;
    const needle = query.text ? asciiLower(query.text) : undefined;
    const items: StoredLog[] = [];
    for (let i = firstLogAfter(this.#logs, afterId); i < this.#logs.length && items.length < limit; i++) {
      const log = this.#logs[i]!;
      if (query.flowRunId != null && log.flowRunId !== query.flowRunId) continue;
      if (query.taskRunId != null && log.taskRunId !== query.taskRunId) continue;
      if (query.minLevel != null && log.level < query.minLevel) continue;
      if (needle !== undefined && !asciiLower(log.message).includes(needle)) continue;
      items.push({ ...log });
    }
    const last = items.at(-1);
    return { items, nextCursor: items.length === limit && last ? String(last.id) : null };
  }

  async listFlows(): Promise<FlowRecord[]> {
    return [...this.#flows.values()].sort((a, b) => compareText(a.name, b.name)).map(copyFlow);
  }

  async markOrphansCrashed(isAlive: (owner: ProcessOwner) => boolean): Promise<number> {
    const now = Date.now();
    const verdicts = new Map<string, boolean>();
    const alive = (owner: ProcessOwner): boolean => {
      const key = ownerKey(owner);
      let verdict = verdicts.get(key);
      if (verdict === undefined) verdicts.set(key, (verdict = isAlive({ ...owner })));
      return verdict;
    };
    const isActiveOrphan = (run: { stateType: StateType; owner: ProcessOwner | null }) =>
      run.owner !== null && ACTIVE_STATE_TYPES.has(run.stateType) && !alive(run.owner);

    let changed = 0;
    this.#seq++;
    for (const run of [...this.#flowRuns.values()]) {
      // Re-read: an earlier tree may already have crashed this run.
      const current = this.#flowRuns.get(run.id)!;
      if (isActiveOrphan(current)) changed += this.#crashFlowTree(current, current.owner!, alive, now);
    }
    for (const run of [...this.#taskRuns.values()]) {
      const current = this.#taskRuns.get(run.id)!;
      if (isActiveOrphan(current)) changed += this.#crashTaskRun(current, crashMessage(current.owner!), now);
    }
    return changed;
  }

  close(): void {}

  /** Crashes a flow run and everything below it that the dead owner was running. */
  #crashFlowTree(root: FlowRunRecord, owner: ProcessOwner, alive: (o: ProcessOwner) => boolean, now: number): number {
    const deadKey = ownerKey(owner);
    let changed = 0;
    // Each pending run carries the message naming the process that ran it.
    const pending = [{ run: root, message: crashMessage(owner) }];
    const seen = new Set<string>();
    for (let next = pending.pop(); next; next = pending.pop()) {
      const { message } = next;
      const run = this.#flowRuns.get(next.run.id)!;
      if (seen.has(run.id)) continue;
      seen.add(run.id);
      if (!TERMINAL_STATE_TYPES.has(run.stateType)) {
        this.#flowRuns.set(run.id, { ...run, ...crashedFields(message, now) });
        this.#changedAt.set(run.id, this.#seq);
        this.#appendState(crashedState(run.id, "flow", message, now));
        changed++;
      }
      for (const task of this.#taskRuns.values()) {
        if (task.flowRunId === run.id && !TERMINAL_STATE_TYPES.has(task.stateType)) changed += this.#crashTaskRun(task, message, now);
      }
      for (const child of this.#flowRuns.values()) {
        if (child.parentFlowRunId !== run.id) continue;
        if (child.owner === null || ownerKey(child.owner) === deadKey) pending.push({ run: child, message });
        // A subflow run by another, still living process is not ours to crash.
        else if (!alive(child.owner)) pending.push({ run: child, message: crashMessage(child.owner) });
      }
    }
    return changed;
  }

  #crashTaskRun(task: TaskRunRecord, message: string, now: number): number {
    this.#taskRuns.set(task.id, { ...task, ...crashedFields(message, now) });
    this.#changedAt.set(task.id, this.#seq);
    this.#appendState(crashedState(task.id, "task", message, now));
    return 1;
  }

  #appendState(state: StateRecord): void {
    const list = this.#states.get(state.runId);
    if (list) list.push(state);
    else this.#states.set(state.runId, [state]);
  }
}

function crashMessage(owner: ProcessOwner): string {
  return `The process running it (pid ${owner.pid} on ${owner.host}) is gone`;
}

function crashedFields(message: string, now: number) {
  return { stateType: "CRASHED", stateName: "Crashed", stateMessage: message, endTime: now } as const;
}

function crashedState(runId: string, runKind: "flow" | "task", message: string, now: number): StateRecord {
  return { runId, runKind, type: "CRASHED", name: "Crashed", timestamp: now, message, error: null };
}

function ownerKey(owner: ProcessOwner): string {
  return `${owner.pid}\u0000${owner.host}\u0000${owner.startedAt}`;
}

// --- Ordering, limits and cursors, identical to the SQLite store's.

/** SQLite compares TEXT bytewise; for the ASCII ids and names used here that equals code-unit order. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKeys(aTime: number, aId: string, bTime: number, bId: string): number {
  return aTime !== bTime ? aTime - bTime : compareText(aId, bId);
}

/** Index of the first log with an id above `afterId`; ids ascend, so binary search. */
function firstLogAfter(logs: StoredLog[], afterId: number): number {
  let lo = 0;
  let hi = logs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (logs[mid]!.id <= afterId) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** SQLite's LIKE folds only ASCII letters; match it so both stores find the same logs. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

// --- Copies with exactly the record fields, so no caller object is aliased or extended.

function copyError(error: SerializedError | null | undefined): SerializedError | null {
  // A JSON round trip, as the SQLite store's column does.
  return error ? (JSON.parse(JSON.stringify(error)) as SerializedError) : null;
}

function copyOwner(owner: ProcessOwner | null | undefined): ProcessOwner | null {
  return owner ? { pid: owner.pid, host: owner.host, startedAt: owner.startedAt } : null;
}

function copyFlow(flow: FlowRecord): FlowRecord {
  return {
    name: flow.name,
    description: flow.description ?? null,
    version: flow.version ?? null,
    source: flow.source ?? null,
    updatedAt: flow.updatedAt,
  };
}

function copyFlowRun(run: FlowRunRecord): FlowRunRecord {
  return {
    id: run.id,
    name: run.name,
    flowName: run.flowName,
    flowVersion: run.flowVersion ?? null,
    parentFlowRunId: run.parentFlowRunId ?? null,
    parentTaskRunId: run.parentTaskRunId ?? null,
    parameters: run.parameters,
    tags: [...run.tags],
    stateType: run.stateType,
    stateName: run.stateName,
    stateMessage: run.stateMessage ?? null,
    createdAt: run.createdAt,
    startTime: run.startTime ?? null,
    endTime: run.endTime ?? null,
    runCount: run.runCount,
    error: copyError(run.error),
    resultPreview: run.resultPreview ?? null,
    owner: copyOwner(run.owner),
  };
}

function copyTaskRun(run: TaskRunRecord): TaskRunRecord {
  return {
    id: run.id,
    name: run.name,
    taskName: run.taskName,
    flowRunId: run.flowRunId ?? null,
    parentTaskRunId: run.parentTaskRunId ?? null,
    tags: [...run.tags],
    stateType: run.stateType,
    stateName: run.stateName,
    stateMessage: run.stateMessage ?? null,
    createdAt: run.createdAt,
    startTime: run.startTime ?? null,
    endTime: run.endTime ?? null,
    runCount: run.runCount,
    maxRetries: run.maxRetries,
    cacheKey: run.cacheKey ?? null,
    upstream: [...run.upstream],
    inputsPreview: run.inputsPreview ?? null,
    resultPreview: run.resultPreview ?? null,
    error: copyError(run.error),
    owner: copyOwner(run.owner),
  };
}

function copyState(state: StateRecord): StateRecord {
  return {
    runId: state.runId,
    runKind: state.runKind,
    type: state.type,
    name: state.name,
    timestamp: state.timestamp,
    message: state.message ?? null,
    error: copyError(state.error),
  };
}

function copyLog(log: LogRecord, id: number): StoredLog {
  return {
    id,
    flowRunId: log.flowRunId ?? null,
    taskRunId: log.taskRunId ?? null,
    level: log.level,
    timestamp: log.timestamp,
    message: log.message,
  };
}

function copyCacheEntry(entry: CacheEntry): CacheEntry {
  return {
    key: entry.key,
    value: entry.value,
    createdAt: entry.createdAt,
    expiresAt: entry.expiresAt ?? null,
    taskRunId: entry.taskRunId ?? null,
  };
}
