/**
 * The host as its transports see it: one dispatch for every method, one
 * subscribe for events. Transports (Electron IPC, HTTP + WebSocket) are thin
 * adapters around this and never call handlers directly.
 */
import type { Envelope } from "../../shared/api/errors.ts";
import type { EventBatch } from "../../shared/api/events.ts";

export interface CallContext {
  transport: "ipc" | "http" | "direct";
  /** May call mutations: the Electron window, or an HTTP request carrying the server token. */
  mayMutate: boolean;
}

export interface EventSink {
  send(batch: EventBatch): void;
  /** True while the consumer has not taken what it was sent; the hub then waits, keeping its cursor. */
  backedUp?(): boolean;
}

export interface Subscribed {
  close(): void;
}

export interface ApiHost {
  /** Validates the method and its input, runs it, validates the output; never throws. */
  dispatch(method: string, input: unknown, ctx: CallContext): Promise<Envelope<unknown>>;
  /** Validates the subscription (throws an ApiError when it is wrong) and starts sending batches to the sink. */
  subscribe(subscription: unknown, sink: EventSink): Subscribed;
  close(): Promise<void>;
}
