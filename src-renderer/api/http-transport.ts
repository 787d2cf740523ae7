/**
 * The browser's transport: fetch for calls, one WebSocket for every
 * subscription. A dropped socket reconnects with backoff and each
 * subscription resumes from the last cursor it got, so no event is lost.
 */
import type { Envelope } from "../../shared/api/errors.ts";
import type { EventBatch, Subscription } from "../../shared/api/events.ts";
import type { Transport } from "../../shared/api/transport.ts";

export interface HttpTransportOptions {
  /** e.g. http://127.0.0.1:4200; the page's own origin by default. */
  baseUrl?: string;
  /** Needed for mutations; the served page finds it in <meta name="flowbench-token">. */
  token?: string;
  /** For tests: the WebSocket class (the global one by default). */
  WebSocket?: typeof WebSocket;
}

interface Active {
  subscription: Subscription;
  onBatch: (batch: EventBatch) => void;
  onError?: ((error: Error) => void) | undefined;
}

export function createHttpTransport(options: HttpTransportOptions = {}): Transport {
  const base = (options.baseUrl ?? (globalThis as { location?: { origin: string } }).location?.origin ?? "").replace(/\/$/, "");
  const Ws = options.WebSocket ?? globalThis.WebSocket;
  const active = new Map<string, Active>();
  let socket: WebSocket | undefined;
  let open = false;
  let retries = 0;
  let closed = false;
  let nextId = 1;

  const connect = (): void => {
    if (closed || socket) return;
    const ws = new Ws(`${base.replace(/^http/, "ws")}/api/events`);
    socket = ws;
    ws.onopen = () => {
      open = true;
      retries = 0;
      for (const [id, a] of active) ws.send(JSON.stringify({ type: "subscribe", id, subscription: a.subscription }));
    };
    ws.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as { type: string; id: string; batch?: EventBatch; error?: { message: string } };
      const a = active.get(message.id);
      if (!a) return;
      if (message.type === "events" && message.batch) {
        // Resume from here after a reconnect.
        a.subscription = { ...a.subscription, cursor: message.batch.cursor };
        a.onBatch(message.batch);
      } else if (message.type === "error") a.onError?.(new Error(message.error?.message ?? "subscription failed"));
    };
    ws.onclose = () => {
      socket = undefined;
      open = false;
      if (closed || active.size === 0) return;
      for (const a of active.values()) a.onError?.(new Error("The event connection dropped; reconnecting"));
      const delay = Math.min(5000, 100 * 2 ** retries++);
      setTimeout(connect, delay);
    };
  };

  return {
    async call(method: string, input: unknown): Promise<Envelope<unknown>> {
      const response = await fetch(`${base}/api/call/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(options.token ? { "x-flowbench-token": options.token } : {}) },
        body: JSON.stringify(input ?? {}),
      });
      const text = await response.text();
      try {
        return JSON.parse(text) as Envelope<unknown>;
      } catch {
        return { ok: false, error: { code: "unavailable", message: `The server answered ${response.status} without an API envelope: ${text.slice(0, 200)}` } };
      }
    },
    subscribe(subscription, onBatch, onError) {
      const id = `s${nextId++}`;
      active.set(id, { subscription, onBatch, onError });
      if (open) socket!.send(JSON.stringify({ type: "subscribe", id, subscription }));
      else connect();
      return () => {
        active.delete(id);
        if (open) socket!.send(JSON.stringify({ type: "unsubscribe", id }));
        if (active.size === 0) socket?.close();
      };
    },
    close() {
      closed = true;
      active.clear();
      socket?.close();
    },
  };
}
