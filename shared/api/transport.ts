/**
 * What the client needs from a transport: IPC in the desktop app, HTTP and a
 * WebSocket in the browser. Views use the client and never know which.
 */
import type { Envelope } from "./errors.ts";
import type { EventBatch, Subscription } from "./events.ts";

export interface Transport {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Batches arrive in order; `onError` hears of a lost connection (the transport resumes from the last cursor). */
  subscribe(subscription: Subscription, onBatch: (batch: EventBatch) => void, onError?: (error: Error) => void): () => void;
  close?(): void;
}
