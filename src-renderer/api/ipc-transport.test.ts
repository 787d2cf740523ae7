import { describe, expect, it } from "vitest";
import type { EventMessage, FlowbenchBridge } from "../../shared/api/desktop.ts";
import type { EventBatch } from "../../shared/api/events.ts";
import { createIpcTransport } from "./ipc-transport.ts";

/** A bridge that records what the transport does with it. */
function recordingBridge(options: { refuseSubscribe?: boolean } = {}) {
  const log: string[] = [];
  let listener: ((message: EventMessage) => void) | null = null;
  const bridge: FlowbenchBridge = {
    call: async (method) => ({ ok: true, result: method }),
    subscribe: (id) => {
      if (options.refuseSubscribe) throw new Error("An object could not be cloned.");
      log.push(`subscribe ${id}`);
    },
    unsubscribe: (id) => void log.push(`unsubscribe ${id}`),
    onEvents: (l) => {
      listener = l;
      log.push("listen");
      return () => {
        listener = null;
        log.push("stop listening");
      };
    },
    onMenu: () => () => undefined,
  };
  return { bridge, log, emit: (message: EventMessage) => listener?.(message) };
}

const batch = (cursor: string): EventBatch => ({ events: [], cursor });

describe("the IPC transport", () => {
  it("listens once, numbers subscriptions, and routes each message to its own", () => {
    const { bridge, log, emit } = recordingBridge();
    const transport = createIpcTransport(bridge);
    const first: EventBatch[] = [];
    const second: EventBatch[] = [];
    transport.subscribe({ allRuns: true }, (b) => first.push(b));
    transport.subscribe({ runIds: ["r"] }, (b) => second.push(b));
    emit({ id: 2, batch: batch("b1") });
    emit({ id: 1, batch: batch("a1") });
    emit({ id: 99, batch: batch("nobody's") });
    expect(log).toEqual(["listen", "subscribe 1", "subscribe 2"]);
    expect(first).toEqual([batch("a1")]);
    expect(second).toEqual([batch("b1")]);
  });

  it("ends a subscription the host reports an error for, and unsubscribes only once", () => {
    const { bridge, log, emit } = recordingBridge();
    const errors: Error[] = [];
    const stop = createIpcTransport(bridge).subscribe({ allRuns: true }, () => undefined, (e) => errors.push(e));
    emit({ id: 1, error: { code: "invalid-input", message: "runIds.0: must not be empty" } });
    emit({ id: 1, batch: batch("late") });
    expect(errors).toMatchObject([{ code: "invalid-input", message: "runIds.0: must not be empty" }]);
    stop();
    expect(log).toEqual(["listen", "subscribe 1"]);
  });

  it("reports a subscription the bridge cannot send through onError", async () => {
    const { bridge } = recordingBridge({ refuseSubscribe: true });
    const error = await new Promise<Error>((resolve) => createIpcTransport(bridge).subscribe({ allRuns: true }, () => undefined, resolve));
    expect(error).toMatchObject({ code: "invalid-input", message: expect.stringContaining("could not be cloned") });
  });

  it("closes every open subscription and stops listening on close", () => {
    const { bridge, log } = recordingBridge();
    const transport = createIpcTransport(bridge);
    transport.subscribe({ allRuns: true }, () => undefined);
    const stop = transport.subscribe({ runIds: ["r"] }, () => undefined);
    stop();
    transport.subscribe({ runIds: ["s"] }, () => undefined);
    transport.close?.();
    expect(log).toEqual(["listen", "subscribe 1", "subscribe 2", "unsubscribe 2", "subscribe 3", "unsubscribe 1", "unsubscribe 3", "stop listening"]);
  });
});
