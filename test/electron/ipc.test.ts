// The desktop IPC end to end, without an Electron binary: the main-side adapter (ipc.ts), the real preload,
// the renderer's IPC transport and the typed client, over the in-process fake of Electron's IPC, against a stub host.
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ApiClient } from "../../shared/api/client.ts";
import { IPC_CHANNELS, type EventMessage, type FlowbenchBridge, type MenuCommand } from "../../shared/api/desktop.ts";
import { ApiError, describeIssues, type Envelope } from "../../shared/api/errors.ts";
import { subscriptionSchema, type EventBatch } from "../../shared/api/events.ts";
import type { ApiHost, CallContext, EventSink } from "../../src-main/host/types.ts";
import { loadPreload, type FakeWebContents } from "../helpers/fake-electron-ipc.ts";
import { APP_URL, RENDERER_DIR, startIpcStack } from "../helpers/ipc-stack.ts";

interface StubSubscription {
  subscription: unknown;
  sink: EventSink;
  closed: boolean;
}

/** A host that echoes calls, fails flows.get, and hands out its sinks so tests push batches. */
function stubHost() {
  const calls: Array<{ method: string; input: unknown; ctx: CallContext }> = [];
  const subscriptions: StubSubscription[] = [];
  const host: ApiHost = {
    async dispatch(method, input, ctx): Promise<Envelope<unknown>> {
      calls.push({ method, input, ctx });
      if (method === "flows.get") return { ok: false, error: { code: "not-found", message: "No flow 'missing'.", details: { id: "missing" } } };
      return { ok: true, result: { method, input } };
    },
    subscribe(subscription, sink) {
      const parsed = subscriptionSchema.safeParse(subscription);
      if (!parsed.success) throw new ApiError("invalid-input", describeIssues(parsed.error.issues));
      const entry: StubSubscription = { subscription, sink, closed: false };
      subscriptions.push(entry);
      return { close: () => void (entry.closed = true) };
    },
    close: async () => undefined,
  };
  return { host, calls, subscriptions };
}

const batch = (cursor: string): EventBatch => ({ events: [], cursor });

function setup(url = APP_URL) {
  const stub = stubHost();
  const stack = startIpcStack(stub.host, url);
  cleanups.push(() => stack.dispose());
  return { ...stub, ...stack };
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Subscribes through the client and collects what arrives. */
function collect(client: ApiClient, subscription: Parameters<ApiClient["subscribe"]>[0]) {
  const batches: EventBatch[] = [];
  const errors: Error[] = [];
  const stop = client.subscribe(subscription, (b) => batches.push(b), (e) => errors.push(e));
  return { batches, errors, stop };
}

describe("calls over IPC", () => {
  it("reach the host with a copy of the input, as an IPC call that may mutate, and return its result", async () => {
    const { client, calls } = setup();
    const input = { limit: 5, states: ["FAILED" as const] };
    await expect(client.call("runs.list", input)).resolves.toEqual({ method: "runs.list", input });
    expect(calls).toEqual([{ method: "runs.list", input, ctx: { transport: "ipc", mayMutate: true } }]);
    expect(calls[0]!.input).not.toBe(input);
  });

  it("turn the host's error envelope into an ApiError with its code, message and details", async () => {
    const { client } = setup();
    const error = await client.call("flows.get", { id: "missing" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "not-found", message: "No flow 'missing'.", details: { id: "missing" } });
  });

  it("refuse a method the contract does not have, in the preload and again in the main process", async () => {
    const { bridge, contents, calls } = setup();
    await expect(bridge.call("fs.readFile", { path: "/etc/passwd" })).resolves.toMatchObject({ ok: false, error: { code: "unknown-method" } });
    // A page cannot reach ipcRenderer, but the main process does not count on that.
    await expect(contents.ipcRenderer.invoke(IPC_CHANNELS.call, "fs.readFile", {})).resolves.toMatchObject({ ok: false, error: { code: "unknown-method" } });
    await expect(contents.ipcRenderer.invoke(IPC_CHANNELS.call, { toString: null }, {})).resolves.toMatchObject({ ok: false, error: { code: "unknown-method" } });
    await expect(contents.ipcRenderer.invoke(IPC_CHANNELS.call, "__proto__", {})).resolves.toMatchObject({ ok: false, error: { code: "unknown-method" } });
    expect(calls).toEqual([]);
  });

  it("refuse input that is not plain data before sending it", async () => {
    const { client, calls } = setup();
    const error = await client.call("runs.list", { limit: (() => 5) as never }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid-input", message: expect.stringContaining("plain data") });
    expect(calls).toEqual([]);
  });
});

describe("the sender check", () => {
  const forbidden = { ok: false, error: { code: "forbidden", message: expect.any(String) } };

  it("answers forbidden to an iframe, even one showing our own page", async () => {
    const { contents, calls } = setup();
    const { ipcRenderer } = contents.subFrame(APP_URL);
    await expect(ipcRenderer.invoke(IPC_CHANNELS.call, "app.info", {})).resolves.toEqual(forbidden);
    // The preload in the iframe gets the same answer.
    const framed = loadPreload(ipcRenderer).world.flowbench as FlowbenchBridge;
    await expect(framed.call("app.info", {})).resolves.toEqual(forbidden);
    expect(calls).toEqual([]);
  });

  it("answers forbidden to a window showing another page: remote, another folder, or a frame that is gone", async () => {
    for (const url of ["https://evil.example/index.html", pathToFileURL("/home/user/Downloads/index.html").href, `${pathToFileURL(RENDERER_DIR).href}/../../secrets.html`]) {
      const { bridge, calls } = setup(url);
      await expect(bridge.call("app.info", {})).resolves.toEqual(forbidden);
      expect(calls).toEqual([]);
    }
    const { bridge, contents, calls } = setup();
    contents.mainFrame.detached = true;
    await expect(bridge.call("app.info", {})).resolves.toEqual(forbidden);
    expect(calls).toEqual([]);
  });

  it("ignores subscriptions from an untrusted frame", async () => {
    const { contents, subscriptions } = setup();
    const framed = loadPreload(contents.subFrame(APP_URL).ipcRenderer).world.flowbench as FlowbenchBridge;
    framed.subscribe(1, { allRuns: true });
    await new Promise((done) => setTimeout(done, 20));
    expect(subscriptions).toEqual([]);
  });
});

describe("subscriptions over IPC", () => {
  it("deliver each subscription's batches in order, and only its own", async () => {
    const { client, subscriptions } = setup();
    const runs = collect(client, { allRuns: true });
    const one = collect(client, { runIds: ["run-1"] });
    await vi.waitFor(() => expect(subscriptions).toHaveLength(2));
    const [all, single] = subscriptions;
    expect(all!.subscription).toEqual({ allRuns: true });
    for (let i = 1; i <= 50; i++) all!.sink.send(batch(`a${i}`));
    single!.sink.send(batch("s1"));
    await vi.waitFor(() => expect(runs.batches).toHaveLength(50));
    await vi.waitFor(() => expect(one.batches).toHaveLength(1));
    expect(runs.batches.map((b) => b.cursor)).toEqual(Array.from({ length: 50 }, (_, i) => `a${i + 1}`));
    expect(one.batches).toEqual([batch("s1")]);
    expect([...runs.errors, ...one.errors]).toEqual([]);
  });

  it("stop on unsubscribe: the host's subscription closes and late batches are dropped", async () => {
    const { client, subscriptions } = setup();
    const runs = collect(client, { allRuns: true });
    await vi.waitFor(() => expect(subscriptions).toHaveLength(1));
    runs.stop();
    subscriptions[0]!.sink.send(batch("late"));
    await vi.waitFor(() => expect(subscriptions[0]!.closed).toBe(true));
    await new Promise((done) => setTimeout(done, 20));
    expect(runs.batches).toEqual([]);
  });

  it("report a subscription the host refuses through onError, as an ApiError", async () => {
    const { client, subscriptions } = setup();
    const bad = collect(client, { runIds: [""] });
    await vi.waitFor(() => expect(bad.errors).toHaveLength(1));
    expect(bad.errors[0]).toBeInstanceOf(ApiError);
    expect(bad.errors[0]).toMatchObject({ code: "invalid-input" });
    expect(subscriptions).toEqual([]);
  });

  it("close every subscription of a window when its webContents is destroyed, and send it nothing more", async () => {
    const { client, subscriptions, contents, openWindow } = setup();
    collect(client, { allRuns: true });
    collect(client, { runIds: ["run-1"] });
    await vi.waitFor(() => expect(subscriptions).toHaveLength(2));
    // Another window's subscription, with the same id as the first one here: ids are per window.
    openWindow().bridge.subscribe(1, { runIds: ["run-2"] });
    await vi.waitFor(() => expect(subscriptions).toHaveLength(3));
    const send = vi.spyOn(contents as FakeWebContents, "send");
    contents.destroy();
    expect(subscriptions.map((s) => s.closed)).toEqual([true, true, false]);
    subscriptions[0]!.sink.send(batch("after"));
    expect(send).not.toHaveBeenCalled();
  });

  it("close the previous page's subscriptions when the window loads a new page (the preload runs again)", async () => {
    const { client, subscriptions, contents } = setup();
    collect(client, { allRuns: true });
    await vi.waitFor(() => expect(subscriptions).toHaveLength(1));
    loadPreload(contents.ipcRenderer);
    await vi.waitFor(() => expect(subscriptions[0]!.closed).toBe(true));
  });

  it("close everything on dispose and stop answering", async () => {
    const { client, subscriptions, dispose, ipcMain, openWindow } = setup();
    const other = openWindow();
    collect(client, { allRuns: true });
    await vi.waitFor(() => expect(subscriptions).toHaveLength(1));
    dispose();
    expect(subscriptions[0]!.closed).toBe(true);
    expect(ipcMain.handlers.size).toBe(0);
    expect(ipcMain.listenerCount(IPC_CHANNELS.subscription)).toBe(0);
    await expect(other.bridge.call("app.info", {})).resolves.toMatchObject({ ok: false, error: { code: "unavailable" } });
  });
});

describe("the bridge the page sees", () => {
  it("is one frozen object with five functions and no way to ipcRenderer", async () => {
    const { bridge, contents } = setup();
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(["call", "onEvents", "onMenu", "subscribe", "unsubscribe"]);
    expect(Object.values(bridge).every((value) => typeof value === "function")).toBe(true);
    // Listeners get the message alone, never the IPC event (whose sender is ipcRenderer).
    const received: unknown[][] = [];
    const off = bridge.onEvents((...args: unknown[]) => received.push(args));
    contents.send(IPC_CHANNELS.events, { id: 7, batch: batch("c") } satisfies EventMessage);
    await vi.waitFor(() => expect(received).toEqual([[{ id: 7, batch: batch("c") }]]));
    off();
    contents.send(IPC_CHANNELS.events, { id: 7, batch: batch("d") });
    await new Promise((done) => setTimeout(done, 20));
    expect(received).toHaveLength(1);
    expect(contents.ipcRenderer.listenerCount(IPC_CHANNELS.events)).toBe(0);
  });

  it("passes menu commands of the native menu to onMenu, and nothing else", async () => {
    const { bridge, contents } = setup();
    const commands: MenuCommand[] = [];
    bridge.onMenu((command) => commands.push(command));
    contents.send(IPC_CHANNELS.menu, "file.new");
    contents.send(IPC_CHANNELS.menu, "shell.exec");
    contents.send(IPC_CHANNELS.menu, "run.start");
    await vi.waitFor(() => expect(commands).toEqual(["file.new", "run.start"]));
  });
});
