/**
 * The API host: the store, the saved flows, the engine and live events behind
 * one dispatch. Electron's main process and `flowbench server` both run it.
 */
import { join } from "node:path";
import type { RunStore } from "../../shared/store/types.ts";
import { isOwnerAlive } from "../platform/process.ts";
import { openSqliteStore } from "../store/sqlite/index.ts";
import type { HostContext, RunLauncher } from "./context.ts";
import { dispatch, type Handlers } from "./dispatch.ts";
import { EventHub } from "./event-hub.ts";
import { FlowFiles } from "./flow-files.ts";
import { appHandlers } from "./handlers/app.ts";
import { flowHandlers } from "./handlers/flows.ts";
import { runHandlers } from "./handlers/runs.ts";
import type { ApiHost } from "./types.ts";

export type { ApiHost, CallContext, EventSink } from "./types.ts";
export type { RunLauncher } from "./context.ts";

export interface HostOptions {
  /** $FLOWBENCH_HOME: the database and (by default) the flows folder live here. */
  home: string;
  flowsDir?: string;
  store?: RunStore;
  /** Makes the engine once the store path is known. */
  engine: (options: { dbPath: string; store: RunStore }) => RunLauncher;
  /** How often other processes' writes are looked for. */
  pollMs?: number;
}

export interface Host extends ApiHost {
  readonly context: HostContext;
}

export async function createHost(options: HostOptions): Promise<Host> {
  const databasePath = join(options.home, "flowbench.db");
  const store = options.store ?? openSqliteStore(databasePath);
  // Runs left RUNNING by a process that died are Crashed, not left running forever.
  await store.markOrphansCrashed(isOwnerAlive).catch(() => undefined);
  const engine = options.engine({ dbPath: databasePath, store });
  const context: HostContext = { home: options.home, databasePath, store, flows: new FlowFiles(options.flowsDir ?? join(options.home, "flows")), engine };
  const handlers = { ...appHandlers(context), ...flowHandlers(context), ...runHandlers(context) } satisfies Handlers;
  const hub = new EventHub(store, options.pollMs === undefined ? {} : { pollMs: options.pollMs });
  const offFlush = engine.onFlush(() => hub.notify());
  return {
    context,
    dispatch: (method, input, ctx) => dispatch(handlers, method, input, ctx),
    subscribe: (subscription, sink) => hub.subscribe(subscription, sink),
    close: async () => {
      offFlush();
      hub.close();
      await engine.close();
      if (!options.store) await store.close();
    },
  };
}
