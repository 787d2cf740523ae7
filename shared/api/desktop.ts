/**
 * The desktop app's bridge: what the Electron preload puts on `window.flowbench`,
 * the IPC channels behind it and the messages they carry. The main process, the
 * preload (which inlines the names, see src-main/electron/preload.cts) and the
 * renderer's IPC transport all follow this file. Everything here crosses IPC,
 * so it is plain structured-cloneable data.
 */
import type { ApiErrorBody, Envelope } from "./errors.ts";
import type { EventBatch, Subscription } from "./events.ts";

/** Every channel starts with "flowbench:" so the main process can refuse anything else outright. */
export const IPC_CHANNELS = {
  /** invoke: (method, input) → Envelope. */
  call: "flowbench:call",
  /** renderer → main: SubscriptionMessage. */
  subscription: "flowbench:subscription",
  /** main → renderer: EventMessage. */
  events: "flowbench:events",
  /** main → renderer: a MenuCommand from the native menu. */
  menu: "flowbench:menu",
} as const;

export type SubscriptionMessage =
  | { op: "subscribe"; id: number; subscription: Subscription }
  | { op: "unsubscribe"; id: number }
  /** Sent by the preload when a page loads: subscriptions of an earlier page in the same window end. */
  | { op: "reset" };

/** A batch for subscription `id`, or the error that ended it. */
export type EventMessage = { id: number; batch: EventBatch } | { id: number; error: ApiErrorBody };

/** What the native menu asks the renderer to do. */
export const MENU_COMMANDS = ["file.new", "file.open", "file.import", "file.export", "run.start", "run.cancel", "view.flows", "view.runs"] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === "string" && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** `window.flowbench`: a frozen object with these five functions and nothing else. */
export interface FlowbenchBridge {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  subscribe(id: number, subscription: Subscription): void;
  unsubscribe(id: number): void;
  /** Returns a function that removes the listener. */
  onEvents(listener: (message: EventMessage) => void): () => void;
  onMenu(listener: (command: MenuCommand) => void): () => void;
}
