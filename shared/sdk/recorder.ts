import { serializeError } from "../errors.ts";
import { batchSize, type CacheEntry, type FlowRecord, type FlowRunRecord, type LogRecord, type ResultRecord, type RunStore, type StateRecord, type TaskRunRecord, type WriteBatch } from "../store/types.ts";

export interface RecorderOptions {
  /** How long records may wait before a write; keeps the store off the hot path. */
  flushDelayMs?: number;
  /** Write at once when this many records are waiting, to bound memory. */
  maxPending?: number;
  /** Told once per failing write; the records are kept and tried again. */
  onWriteError?: (message: string) => void;
}

/**
 * Buffers history and writes it in batches. Run records are held by reference and
 * written with their latest values, so a task that goes PENDING→RUNNING→COMPLETED
 * between two writes costs one row upsert plus its three state rows.
 */
export class Recorder {
  private flows: FlowRecord[] = [];
  private flowRuns = new Set<FlowRunRecord>();
  private taskRuns = new Set<TaskRunRecord>();
  private states: StateRecord[] = [];
  private logs: LogRecord[] = [];
  private results: ResultRecord[] = [];
  private cache = new Map<string, CacheEntry>();
  private pending = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> | undefined;
  private failures = 0;
  private readonly flushDelayMs: number;
  private readonly maxPending: number;

  readonly store: RunStore;
  private readonly options: RecorderOptions;

  constructor(store: RunStore, options: RecorderOptions = {}) {
    this.store = store;
    this.options = options;
    this.flushDelayMs = options.flushDelayMs ?? 25;
    this.maxPending = options.maxPending ?? 10_000;
  }

  flow(record: FlowRecord): void {
    this.flows.push(record);
    this.added(1);
  }

  flowRun(record: FlowRunRecord): void {
    this.flowRuns.add(record);
    this.added(1);
  }

  taskRun(record: TaskRunRecord): void {
    this.taskRuns.add(record);
    this.added(1);
  }

  state(record: StateRecord): void {
    this.states.push(record);
    this.added(1);
  }

  log(record: LogRecord): void {
    this.logs.push(record);
    this.added(1);
  }

  result(record: ResultRecord): void {
    this.results.push(record);
    this.added(1);
  }

  cacheEntry(entry: CacheEntry): void {
    this.cache.set(entry.key, entry);
    this.added(1);
  }

  /** A cache entry written by this process but perhaps not yet in the store. */
  pendingCacheEntry(key: string): CacheEntry | undefined {
    return this.cache.get(key);
  }

  /** Writes everything waiting; resolves when it is in the store. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.pending === 0) return;
    const batch = this.take();
    const result = this.apply(batch, () => this.store.write(batch));
    if (result instanceof Promise) {
      this.writing = result.finally(() => (this.writing = undefined));
      await this.writing;
    }
  }

  /** For process exit, where nothing can be awaited. */
  flushSync(): void {
    if (this.pending === 0 || !this.store.writeSync) return;
    const batch = this.take();
    const write = this.store.writeSync.bind(this.store);
    void this.apply(batch, () => write(batch));
  }

  private apply(batch: WriteBatch, write: () => void | Promise<void>): void | Promise<void> {
    try {
      const out = write();
      if (out instanceof Promise) return out.then(() => this.succeeded(), (error: unknown) => this.failed(batch, error));
      this.succeeded();
    } catch (error) {
      this.failed(batch, error);
    }
  }

  private added(count: number): void {
    this.pending += count;
    if (this.pending >= this.maxPending && !this.writing) {
      void this.flush();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.flushDelayMs);
  }

  private take(): WriteBatch {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const batch: WriteBatch = {
      flows: this.flows,
      flowRuns: [...this.flowRuns],
      taskRuns: [...this.taskRuns],
      states: this.states,
      logs: this.logs,
      results: this.results,
      cache: [...this.cache.values()],
    };
    this.flows = [];
    this.flowRuns.clear();
    this.taskRuns.clear();
    this.states = [];
    this.logs = [];
    this.results = [];
    this.cache = new Map();
    this.pending = 0;
    return batch;
  }

  private succeeded(): void {
    this.failures = 0;
  }

  private failed(batch: WriteBatch, error: unknown): void {
    this.failures++;
    if (this.failures === 1) {
      this.options.onWriteError?.(`Flowbench could not write run history (will retry): ${serializeError(error).message}`);
    }
    if (this.failures > 20) {
      // Give up on this batch rather than grow without bound, and say so.
      this.options.onWriteError?.(`Flowbench dropped ${batchSize(batch)} history records after ${this.failures} failed writes: ${serializeError(error).message}`);
      this.failures = 0;
      return;
    }
    // Put the batch back in front so order is kept, then try again later.
    this.flows = batch.flows.concat(this.flows);
    for (const r of batch.flowRuns) this.flowRuns.add(r);
    for (const r of batch.taskRuns) this.taskRuns.add(r);
    this.states = batch.states.concat(this.states);
    this.logs = batch.logs.concat(this.logs);
    this.results = batch.results.concat(this.results);
    for (const c of batch.cache) if (!this.cache.has(c.key)) this.cache.set(c.key, c);
    this.pending += batchSize(batch);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, 250 * this.failures);
  }
}
