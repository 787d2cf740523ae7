/**
 * The preload: puts one frozen object, `window.flowbench`, into the page, with
 * five functions (call, subscribe, unsubscribe, onEvents, onMenu) and nothing
 * else; the page never touches ipcRenderer. Its shape is FlowbenchBridge in
 * shared/api/desktop.ts.
 *
 * CommonJS because a sandboxed preload cannot be an ES module, and it can
 * require only "electron" (and a few built-ins), never our own modules: so the
 * method and menu names are copied here, and preload.test.ts checks the copies
 * against shared/api.
 */
import type { ContextBridge, IpcRenderer } from "electron";
import type { Envelope } from "../../shared/api/errors.ts" with { "resolution-mode": "import" };
import type { EventMessage, FlowbenchBridge, MenuCommand, SubscriptionMessage } from "../../shared/api/desktop.ts" with { "resolution-mode": "import" };

const { contextBridge, ipcRenderer } = require("electron") as { contextBridge: ContextBridge; ipcRenderer: IpcRenderer };

const CHANNELS = { call: "flowbench:call", subscription: "flowbench:subscription", events: "flowbench:events", menu: "flowbench:menu" } as const;
const METHOD_NAMES: readonly string[] = [
  "app.info",
  "flows.list",
  "flows.get",
  "flows.save",
  "flows.rename",
  "flows.delete",
  "flows.import",
  "flows.export",
  "graph.validate",
  "runs.start",
  "runs.cancel",
  "runs.retry",
  "runs.list",
  "runs.flowNames",
  "runs.stats",
  "runs.get",
  "runs.taskRun",
  "logs.list",
  "schedules.list",
  "schedules.create",
  "schedules.update",
  "schedules.setActive",
  "schedules.delete",
  "flows.policy",
  "flows.setPolicy",
  "triggers.list",
  "triggers.create",
  "triggers.setActive",
  "triggers.rotateSecret",
  "triggers.delete",
  "automations.list",
  "automations.create",
  "automations.setActive",
  "automations.delete",
  "automations.firings",
];
const MENU_COMMANDS: readonly string[] = ["file.new", "file.open", "file.import", "file.export", "run.start", "run.cancel", "view.flows", "view.runs"];

const failure = (code: "unknown-method" | "invalid-input" | "unavailable", message: string): Envelope<never> => ({ ok: false, error: { code, message } });

async function call(method: string, input: unknown): Promise<Envelope<unknown>> {
  // Checked here too, so a typo fails at once with the contract's error, not after a round trip.
  if (typeof method !== "string" || !METHOD_NAMES.includes(method)) {
    return failure("unknown-method", `There is no API method ${typeof method === "string" ? JSON.stringify(method).slice(0, 200) : `named by a ${typeof method}`}.`);
  }
  try {
    return (await ipcRenderer.invoke(CHANNELS.call, method, input)) as Envelope<unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // IPC copies arguments with the structured clone algorithm: functions, DOM nodes and the like fail here,
    // before anything is sent. Failures on the main side come back as "Error invoking remote method ...".
    if (/could not be cloned/i.test(message) && !message.startsWith("Error invoking remote method")) {
      return failure("invalid-input", `${method}: the input must be plain data (${message})`);
    }
    return failure("unavailable", `The Flowbench host did not answer ${method}: ${message}`);
  }
}

function checkId(id: number): number {
  if (!Number.isSafeInteger(id)) throw new TypeError("A subscription id must be an integer.");
  return id;
}

function post(message: SubscriptionMessage): void {
  ipcRenderer.send(CHANNELS.subscription, message);
}

/** Listeners get the message only: the IPC event would hand the page ipcRenderer itself (event.sender). */
function listen<T>(channel: string, accept: (value: unknown) => value is T, listener: (value: T) => void): () => void {
  const wrapped = (_event: unknown, value: unknown) => {
    if (accept(value)) listener(value);
  };
  ipcRenderer.on(channel, wrapped);
  return () => void ipcRenderer.removeListener(channel, wrapped);
}

const isEventMessage = (value: unknown): value is EventMessage => typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "number";
const isMenuCommand = (value: unknown): value is MenuCommand => typeof value === "string" && MENU_COMMANDS.includes(value);

const bridge: FlowbenchBridge = Object.freeze({
  call,
  subscribe: (id: number, subscription: Parameters<FlowbenchBridge["subscribe"]>[1]) => post({ op: "subscribe", id: checkId(id), subscription }),
  unsubscribe: (id: number) => post({ op: "unsubscribe", id: checkId(id) }),
  onEvents: (listener: (message: EventMessage) => void) => listen(CHANNELS.events, isEventMessage, listener),
  onMenu: (listener: (command: MenuCommand) => void) => listen(CHANNELS.menu, isMenuCommand, listener),
});

// A new page in the same window (a reload) starts clean: the host drops the previous page's subscriptions.
post({ op: "reset" });
contextBridge.exposeInMainWorld("flowbench", bridge);

// For preload.test.ts only; a sandboxed preload's exports go nowhere.
module.exports = { CHANNELS, METHOD_NAMES, MENU_COMMANDS };
