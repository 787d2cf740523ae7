/**
 * The API host: the store, the saved flows, the engine and live events behind
 * one dispatch. Electron's main process and `flowbench server` both run it.
 */
import { join } from "node:path";
import type { RunStore } from "../../shared/store/types.ts";
import { isOwnerAlive } from "../platform/process.ts";
import { openSqliteStore } from "../store/sqlite/index.ts";
import { realClock, type Clock } from "../scheduler/clock.ts";
import { Scheduler } from "../scheduler/scheduler.ts";
import { AutomationRunner } from "../automations/runner.ts";
import { TriggerWatches } from "../triggers/file-watch.ts";
import { webhookReceiver, type WebhookReceiver } from "../triggers/webhook.ts";
import type { HostContext, RunLauncher, UserNotification } from "./context.ts";
import { automationHandlers } from "./handlers/automations.ts";
import { scheduleHandlers } from "./handlers/schedules.ts";
import { triggerHandlers } from "./handlers/triggers.ts";
import { dispatch, type Handlers } from "./dispatch.ts";
import { EventHub } from "./event-hub.ts";
import { FlowFiles } from "./flow-files.ts";
import { appHandlers } from "./handlers/app.ts";
import { flowHandlers } from "./handlers/flows.ts";
import { runHandlers } from "./handlers/runs.ts";
import type { ApiHost } from "./types.ts";

export type { ApiHost, CallContext, EventSink } from "./types.ts";
export type { RunLauncher, UserNotification } from "./context.ts";

export interface HostOptions {
  /** $FLOWBENCH_HOME: the database and (by default) the flows folder live here. */
  home: string;
  flowsDir?: string;
  store?: RunStore;
  /** Makes the engine once the store path is known. */
  engine: (options: { dbPath: string; store: RunStore }) => RunLauncher;
  /** How often other processes' writes are looked for. */
  pollMs?: number;
  /** The scheduler's time (tests inject one); real time by default. */
  clock?: Clock;
  /** After this long a slot not started is Late. */
  graceMs?: number;
  /** false: the host starts no scheduled runs (another process does). */
  scheduler?: false;
  /** false: the host runs no automations and watches no folders (another process does). */
  automations?: false;
}

export interface Host extends ApiHost {
  readonly context: HostContext;
  /** Automations' notifications: Electron shows them on the desktop, the server sends them to the UI. */
  onNotification(listener: (notification: UserNotification) => void): () => void;
  /** POST /hooks/<id>/<secret>: the server hands webhook requests here. */
  webhook: WebhookReceiver;
}

export async function createHost(options: HostOptions): Promise<Host> {
  const databasePath = join(options.home, "flowbench.db");
  const store = options.store ?? openSqliteStore(databasePath);
  // Runs left RUNNING by a process that died are Crashed, not left running forever.
  await store.markOrphansCrashed(isOwnerAlive).catch(() => undefined);
  const engine = options.engine({ dbPath: databasePath, store });
  const automations = store.automations?.();
  if (!automations) throw new Error(`the ${store.kind} store keeps no schedules; the host needs one that does`);
  const flows = new FlowFiles(options.flowsDir ?? join(options.home, "flows"));
  const clock = options.clock ?? realClock;
  const notifyListeners = new Set<(n: UserNotification) => void>();
  const scheduler = new Scheduler({
    store: automations,
    runner: "host",
    clock,
    ...(options.graceMs === undefined ? {} : { graceMs: options.graceMs }),
    launch: async (slot) => {
      const flowId = slot.schedule.flowId;
      if (flowId === null) throw new Error(`schedule '${slot.schedule.name}' names no workspace flow`);
      await engine.start({ file: flows.get(flowId).file, params: slot.schedule.params, flowName: slot.schedule.flowName, runId: slot.runId });
    },
    onError: (error) => console.error(`flowbench scheduler: ${error instanceof Error ? error.message : String(error)}`),
    prepare: () => engine.prewarm?.(),
  });
  const context: HostContext = {
    home: options.home,
    databasePath,
    store,
    automations,
    flows,
    engine,
    clock,
    scheduler,
    notify: (n) => notifyListeners.forEach((listener) => listener(n)),
  };
  const watches = new TriggerWatches(context);
  const runner = new AutomationRunner(context);
  const handlers = {
    ...appHandlers(context),
    ...flowHandlers(context),
    ...runHandlers(context),
    ...scheduleHandlers(context),
    ...triggerHandlers(context, { changed: () => void watches.refresh() }),
    ...automationHandlers(context, { changed: () => runner.poke() }),
  } satisfies Handlers;
  const hub = new EventHub(store, options.pollMs === undefined ? {} : { pollMs: options.pollMs });
  const offFlush = engine.onFlush(() => {
    hub.notify();
    scheduler.pokeIfQueued();
    runner.poke();
  });
  notifyListeners.add((n) => hub.publish(n));
  if (options.scheduler !== false) scheduler.start();
  if (options.automations !== false) {
    runner.start();
    await watches.start();
  }
  return {
    context,
    dispatch: (method, input, ctx) => dispatch(handlers, method, input, ctx),
    subscribe: (subscription, sink) => hub.subscribe(subscription, sink),
    onNotification: (listener) => {
      notifyListeners.add(listener);
      return () => void notifyListeners.delete(listener);
    },
    webhook: webhookReceiver(context),
    close: async () => {
      await scheduler.stop();
      await Promise.all([runner.close(), watches.close()]);
      offFlush();
      hub.close();
      await engine.close();
      if (!options.store) await store.close();
    },
  };
}
