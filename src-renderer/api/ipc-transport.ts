/**
 * The desktop app's Transport: the API over Electron IPC, through the
 * `window.flowbench` bridge the preload exposes. Calls go straight through;
 * subscriptions get ids here, and one listener routes each event message to
 * its subscription. Everything passed in is copied across IPC, so it must be
 * plain data.
 */
import { ApiError } from "../../shared/api/errors.ts";
import type { EventMessage, FlowbenchBridge } from "../../shared/api/desktop.ts";
import type { EventBatch } from "../../shared/api/events.ts";
import type { Transport } from "../../shared/api/transport.ts";

interface Listening {
  onBatch(batch: EventBatch): void;
  onError?: ((error: Error) => void) | undefined;
}

export function createIpcTransport(bridge: FlowbenchBridge): Transport {
  let nextId = 1;
  const subscriptions = new Map<number, Listening>();
  let stopListening: (() => void) | null = null;

  const route = (message: EventMessage) => {
    const listening = subscriptions.get(message.id);
    // A batch for a subscription already closed here can still be on its way: drop it.
    if (!listening) return;
    if ("batch" in message) return listening.onBatch(message.batch);
    // The host ended the subscription (a bad subscription, say): it sends nothing more.
    subscriptions.delete(message.id);
    listening.onError?.(ApiError.fromBody(message.error));
  };

  return {
    call: (method, input) => bridge.call(method, input),

    subscribe(subscription, onBatch, onError) {
      stopListening ??= bridge.onEvents(route);
      const id = nextId++;
      subscriptions.set(id, { onBatch, onError });
      try {
        bridge.subscribe(id, subscription);
      } catch (error) {
        // The bridge refuses what IPC cannot copy; report it the way the host reports a bad subscription.
        subscriptions.delete(id);
        const message = error instanceof Error ? error.message : String(error);
        queueMicrotask(() => onError?.(new ApiError("invalid-input", `The subscription could not be sent to the host: ${message}`)));
      }
      return () => {
        if (subscriptions.delete(id)) bridge.unsubscribe(id);
      };
    },

    close() {
      for (const id of subscriptions.keys()) bridge.unsubscribe(id);
      subscriptions.clear();
      stopListening?.();
      stopListening = null;
    },
  };
}
