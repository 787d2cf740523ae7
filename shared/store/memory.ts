import type { SerializedError } from "../errors.ts";
import { validateConcurrencyLimit } from "../sdk/concurrency.ts";
import { TERMINAL_STATE_TYPES, type StateType } from "../sdk/states.ts";
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
  LogRecord,
  Page,
  ProcessOwner,
  RunStats,
  RunStatsQuery,
  RunStore,
  StateRecord,
  StoredLog,
  TaskRunQuery,
  TaskRunRecord,
  WriteBatch,
} from "./types.ts";
import { CHANGE_LOG_LIMIT, TASK_RUN_LIMIT, clampLimit } from "./query.ts";
import { compareKeys, compareText, computeRunStats, firstLogAfter, queryFlowRuns, queryLogs } from "./memory-queries.ts";

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
  /** Tag concurrency limits and, per tag, the task runs holding its slots. */
  #limits = new Map<string, { limit: number; updatedAt: number }>();
  #slots = new Map<string, Map<string, { owner: ProcessOwner | null; acquiredAt: number }>>();

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
    const page = queryFlowRuns(this.#flowRuns.values(), query);
    return { ...page, items: page.items.map(copyFlowRun) };
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

  async listLogs(query: LogQuery): Promise<LogPage> {
    const page = queryLogs(this.#logs, query);
    return { ...page, items: page.items.map((log) => ({ ...log })) };
  }

  async listFlows(): Promise<FlowRecord[]> {
    return [...this.#flows.values()].sort((a, b) => compareText(a.name, b.name)).map(copyFlow);
  }

  async listRunFlowNames(): Promise<string[]> {
    return [...new Set([...this.#flowRuns.values()].map((run) => run.flowName))].sort(compareText);
  }

  async runStats(query: RunStatsQuery): Promise<RunStats> {
    // Records are only read; the stats hold copies of plain values.
    return computeRunStats(this.#flowRuns.values(), query);
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

  async acquireConcurrencySlots(request: ConcurrencySlotRequest): Promise<ConcurrencySlotGrant> {
    const limited: string[] = [];
    for (const tag of new Set(request.tags)) {
      const limit = this.#limits.get(tag)?.limit;
      if (limit === undefined) continue;
      const holders = this.#slots.get(tag) ?? new Map<string, { owner: ProcessOwner | null; acquiredAt: number }>();
      const heldByOthers = () => holders.size - (holders.has(request.taskRunId) ? 1 : 0);
      if (heldByOthers() >= limit) {
        // As the SQLite store: slots of ended task runs and of dead owners are stale.
        for (const [taskRunId, slot] of holders) {
          const run = this.#taskRuns.get(taskRunId);
          const ended = run !== undefined && TERMINAL_STATE_TYPES.has(run.stateType);
          if (ended || (slot.owner && request.isAlive && !request.isAlive({ ...slot.owner }))) holders.delete(taskRunId);
        }
        if (heldByOthers() >= limit) return { acquired: false, blockedBy: { tag, limit } };
      }
      this.#slots.set(tag, holders);
      limited.push(tag);
    }
    for (const tag of limited) this.#slots.get(tag)!.set(request.taskRunId, { owner: copyOwner(request.owner), acquiredAt: request.now });
    return { acquired: true };
  }

  async releaseConcurrencySlots(taskRunId: string): Promise<void> {
    for (const holders of this.#slots.values()) holders.delete(taskRunId);
  }

  async listConcurrencyLimits(): Promise<ConcurrencyLimit[]> {
    return [...this.#limits.keys()].sort(compareText).map((tag) => this.#limitOf(tag));
  }

  async setConcurrencyLimit(tag: string, limit: number | null, now = Date.now()): Promise<ConcurrencyLimit | null> {
    validateConcurrencyLimit(tag, limit);
    if (limit === null) {
      this.#limits.delete(tag);
      this.#slots.delete(tag);
      return null;
    }
    this.#limits.set(tag, { limit, updatedAt: now });
    return this.#limitOf(tag);
  }

  #limitOf(tag: string): ConcurrencyLimit {
    const { limit, updatedAt } = this.#limits.get(tag)!;
    const holders = [...(this.#slots.get(tag) ?? new Map<string, { owner: ProcessOwner | null; acquiredAt: number }>())]
      .map(([taskRunId, slot]) => ({ taskRunId, owner: copyOwner(slot.owner), acquiredAt: slot.acquiredAt }))
      .sort((a, b) => a.acquiredAt - b.acquiredAt || compareText(a.taskRunId, b.taskRunId));
    return { tag, limit, updatedAt, holders };
  }

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
