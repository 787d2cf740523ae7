/**
 * The main side of the desktop app's IPC: a thin adapter from Electron's
 * ipcMain to the ApiHost. Every message is checked before it reaches the host:
 * the sender must be the top frame of a window showing one of our pages, and a
 * call must name a method of the contract (the host then validates its input).
 * Subscriptions belong to the window that made them and end with it.
 */
import { isMethodName } from "../../shared/api/contract.ts";
import { IPC_CHANNELS, type EventMessage, type SubscriptionMessage } from "../../shared/api/desktop.ts";
import { ApiError, type ApiErrorBody, type Envelope } from "../../shared/api/errors.ts";
import type { Subscription } from "../../shared/api/events.ts";
import type { ApiHost, Subscribed } from "../host/types.ts";
import type { FrameLike } from "./security.ts";

/** The parts of Electron's WebContents, IpcMain and their events used here; Electron's own objects fit. */
export interface SenderLike {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  once(event: "destroyed", listener: () => void): unknown;
}
export interface IpcEventLike {
  readonly sender: SenderLike;
  readonly senderFrame: FrameLike | null;
}
type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown;
export interface IpcMainLike {
  handle(channel: string, listener: Listener): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: Listener): unknown;
  removeListener(channel: string, listener: Listener): unknown;
}

export interface IpcOptions {
  /** Whether a frame may talk to the host: see isTrustedFrame in security.ts. */
  trusts(frame: FrameLike | null): boolean;
}

const failure = (code: ApiErrorBody["code"], message: string): Envelope<never> => ({ ok: false, error: { code, message } });
const errorBody = (error: unknown): ApiErrorBody =>
  error instanceof ApiError ? error.toBody() : { code: "internal", message: error instanceof Error ? error.message : String(error) };

export function registerIpc(ipcMain: IpcMainLike, host: ApiHost, options: IpcOptions): { dispose(): void } {
  /** Per window (webContents id), its subscriptions by the id the renderer gave them. */
  const windows = new Map<number, Map<number, Subscribed>>();

  const subscriptionsOf = (sender: SenderLike): Map<number, Subscribed> => {
    let subscriptions = windows.get(sender.id);
    if (!subscriptions) {
      subscriptions = new Map();
      windows.set(sender.id, subscriptions);
      sender.once("destroyed", () => closeWindow(sender.id));
    }
    return subscriptions;
  };
  const closeAll = (subscriptions: Map<number, Subscribed>) => {
    for (const subscribed of subscriptions.values()) subscribed.close();
    subscriptions.clear();
  };
  const closeWindow = (id: number) => {
    const subscriptions = windows.get(id);
    if (subscriptions) closeAll(subscriptions);
    windows.delete(id);
  };

  /** Sends to the renderer; a message that cannot be sent ends its subscription with an error, once. */
  const post = (sender: SenderLike, message: EventMessage): boolean => {
    if (sender.isDestroyed()) return false;
    try {
      sender.send(IPC_CHANNELS.events, message);
      return true;
    } catch (error) {
      windows.get(sender.id)?.get(message.id)?.close();
      windows.get(sender.id)?.delete(message.id);
      if ("batch" in message) post(sender, { id: message.id, error: { code: "internal", message: `Events could not be sent to the window: ${errorBody(error).message}` } });
      return false;
    }
  };

  const onCall: Listener = async (event, method, input) => {
    if (!options.trusts(event.senderFrame)) return failure("forbidden", "Only the Flowbench window's own page may call the host.");
    if (!isMethodName(method)) return failure("unknown-method", `There is no API method ${typeof method === "string" ? JSON.stringify(method).slice(0, 200) : `named by a ${typeof method}`}.`);
    try {
      return await host.dispatch(method, input, { transport: "ipc", mayMutate: true });
    } catch (error) {
      // dispatch promises never to throw; if it does, the renderer still gets an envelope, not a rejected invoke.
      return { ok: false, error: errorBody(error) };
    }
  };

  const onSubscription: Listener = (event, raw) => {
    if (!options.trusts(event.senderFrame)) return;
    const message = parseMessage(raw);
    if (!message) return;
    const subscriptions = subscriptionsOf(event.sender);
    if (message.op === "reset") return closeAll(subscriptions);
    subscriptions.get(message.id)?.close();
    subscriptions.delete(message.id);
    if (message.op === "unsubscribe") return;
    const { id } = message;
    try {
      const subscribed = host.subscribe(message.subscription, { send: (batch) => void post(event.sender, { id, batch }) });
      subscriptions.set(id, subscribed);
    } catch (error) {
      post(event.sender, { id, error: errorBody(error) });
    }
  };

  ipcMain.handle(IPC_CHANNELS.call, onCall);
  ipcMain.on(IPC_CHANNELS.subscription, onSubscription);
  return {
    dispose() {
      ipcMain.removeHandler(IPC_CHANNELS.call);
      ipcMain.removeListener(IPC_CHANNELS.subscription, onSubscription);
      for (const id of [...windows.keys()]) closeWindow(id);
    },
  };
}

/** The renderer is untrusted: its messages are checked for shape here; the host validates the subscription itself. */
function parseMessage(raw: unknown): SubscriptionMessage | null {
  if (typeof raw !== "object" || raw === null) return null;
  const { op, id, subscription } = raw as Record<string, unknown>;
  if (op === "reset") return { op };
  if (typeof id !== "number" || !Number.isSafeInteger(id)) return null;
  if (op === "unsubscribe") return { op, id };
  // The host's subscribe validates the subscription with zod and throws an ApiError when it is wrong.
  if (op === "subscribe") return { op, id, subscription: subscription as Subscription };
  return null;
}
