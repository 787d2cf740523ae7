/**
 * Live events for subscribers, read from the store's change feed, so runs from
 * any process (the engine's workers, `node flow.ts` in a terminal) show up.
 * A subscriber is drained when the engine reports a write and on a slow timer
 * for other processes; one that has not taken its last batch is skipped and
 * keeps its cursor, so nothing is dropped and nobody waits for it.
 */
import { ApiError, describeIssues } from "../../shared/api/errors.ts";
import { newId } from "../../shared/sdk/names.ts";
import { subscriptionSchema, type ApiEvent, type Subscription } from "../../shared/api/events.ts";
import type { RunStore } from "../../shared/store/types.ts";
import type { UserNotification } from "./context.ts";
import type { EventSink, Subscribed } from "./types.ts";

/** Events per batch, so one huge backlog does not become one huge message. */
const BATCH = 1000;
/** Logs read per change page. */
const LOG_PAGE = 5000;

interface Subscriber {
  subscription: Subscription;
  sink: EventSink;
  seq: number;
  logId: number;
  /** A snapshot of the watched runs is owed before the first changes. */
  snapshot: boolean;
  closed: boolean;
  /** Settles once a cursor-less subscriber knows where "now" was when it subscribed. */
  ready: Promise<void>;
}

export class EventHub {
  readonly #store: RunStore;
  readonly #subscribers = new Set<Subscriber>();
  readonly #pollMs: number;
  #timer: ReturnType<typeof setInterval> | undefined;
  #scheduled = false;
  #draining: Promise<void> | undefined;
  #again = false;

  constructor(store: RunStore, options: { pollMs?: number } = {}) {
    this.#store = store;
    this.#pollMs = options.pollMs ?? 250;
  }

  subscribe(raw: unknown, sink: EventSink): Subscribed {
    const parsed = subscriptionSchema.safeParse(raw ?? {});
    if (!parsed.success) throw new ApiError("invalid-input", `Invalid subscription: ${describeIssues(parsed.error.issues)}`);
    const cursor = parsed.data.cursor === undefined ? undefined : decodeCursor(parsed.data.cursor);
    const subscriber: Subscriber = { subscription: parsed.data, sink, seq: cursor?.seq ?? -1, logId: cursor?.logId ?? -1, snapshot: cursor === undefined, closed: false, ready: Promise.resolve() };
    if (!cursor) {
      // "From now" means from this call, even if the first drain comes later (the consumer may be backed up).
      subscriber.ready = this.#store.listChanges({ since: Number.MAX_SAFE_INTEGER }).then((now) => {
        subscriber.seq = now.seq;
        subscriber.logId = now.logId;
      });
    }
    this.#subscribers.add(subscriber);
    this.#timer ??= setInterval(() => this.notify(), this.#pollMs);
    this.notify();
    return {
      close: () => {
        subscriber.closed = true;
        this.#subscribers.delete(subscriber);
        if (this.#subscribers.size === 0 && this.#timer) {
          clearInterval(this.#timer);
          this.#timer = undefined;
        }
      },
    };
  }

  /** Something was written: drain soon, once, however often this is called. */
  notify(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      void this.drain();
    });
  }

  /** Sends every subscriber what changed since its cursor; resolves when done. */
  async drain(): Promise<void> {
    if (this.#draining) {
      this.#again = true;
      return this.#draining;
    }
    this.#draining = (async () => {
      do {
        this.#again = false;
        for (const subscriber of [...this.#subscribers]) {
          if (subscriber.closed || subscriber.sink.backedUp?.()) continue;
          try {
            await this.#drainOne(subscriber);
          } catch {
            // The store is busy or closing: the cursor stays, the next round tries again.
          }
        }
      } while (this.#again);
    })().finally(() => (this.#draining = undefined));
    return this.#draining;
  }

  /**
   * An automation's notification, to every subscriber that asked for them. Not kept:
   * it goes to who is listening now, with the subscriber's cursor unchanged.
   */
  publish(notification: UserNotification, at = Date.now()): void {
    const event: ApiEvent = { type: "notification", notification: { id: newId(at), title: notification.title, body: notification.body, at, runId: notification.runId } };
    for (const s of this.#subscribers) {
      if (!s.subscription.notifications) continue;
      // After `ready`, so the batch's cursor is a real position.
      void s.ready.then(() => {
        if (!s.closed) s.sink.send({ events: [event], cursor: encodeCursor(s.seq, s.logId) });
      }, () => undefined);
    }
  }

  close(): void {
    for (const subscriber of this.#subscribers) subscriber.closed = true;
    this.#subscribers.clear();
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  async #drainOne(s: Subscriber): Promise<void> {
    const runIds = s.subscription.runIds ?? [];
    await s.ready;
    const events: ApiEvent[] = [];
    if (s.snapshot) {
      // The watched runs as they are, so a view needs no separate fetch to start from.
      s.snapshot = false;
      const base = await this.#store.listChanges({ since: 0, flowRuns: runIds, taskRunsOf: runIds });
      for (const run of base.flowRuns) events.push({ type: "flow-run", run });
      for (const taskRun of base.taskRuns) events.push({ type: "task-run", taskRun });
    }
    for (;;) {
      const start = encodeCursor(s.seq, s.logId);
      const page = await this.#store.listChanges({
        since: s.seq,
        ...(s.subscription.allRuns ? { flowRuns: "all" as const } : { flowRuns: runIds }),
        taskRunsOf: runIds,
        logsOf: runIds,
        logsAfter: s.logId,
        logLimit: LOG_PAGE,
      });
      for (const run of page.flowRuns) events.push({ type: "flow-run", run });
      for (const taskRun of page.taskRuns) events.push({ type: "task-run", taskRun });
      for (const log of page.logs) events.push({ type: "log", log });
      s.seq = page.seq;
      s.logId = page.logId;
      this.#send(s, events, start);
      events.length = 0;
      // A full page of logs means more are waiting; a consumer that fell behind waits for the next round.
      if (page.logs.length < LOG_PAGE || s.closed || s.sink.backedUp?.()) return;
    }
  }

  /**
   * A page goes out in batches; all but the last carry the cursor from before the
   * page, so a client that drops midway re-reads the page rather than missing part of it.
   */
  #send(s: Subscriber, events: ApiEvent[], pageStart: string): void {
    const end = encodeCursor(s.seq, s.logId);
    for (let i = 0; i < events.length && !s.closed; i += BATCH) {
      const last = i + BATCH >= events.length;
      s.sink.send({ events: events.slice(i, i + BATCH), cursor: last ? end : pageStart });
    }
  }
}

export function encodeCursor(seq: number, logId: number): string {
  return `${seq}.${logId}`;
}

export function decodeCursor(cursor: string): { seq: number; logId: number } {
  const match = /^(\d+)\.(\d+)$/.exec(cursor);
  if (!match) throw new ApiError("invalid-input", `Invalid subscription: cursor '${cursor.slice(0, 40)}' did not come from this host`);
  return { seq: Number(match[1]), logId: Number(match[2]) };
}
