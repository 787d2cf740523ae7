/** The editor's live run, for the canvas nodes, the toolbar and the inspector. */
import { createContext, useContext, type ReactNode } from "react";
import { useStore, type StoreApi } from "zustand";
import type { LiveRunState } from "./live-run-store.ts";
import type { NodeRunStatus } from "./node-status.ts";

const LiveRunContext = createContext<StoreApi<LiveRunState> | null>(null);

export function LiveRunProvider({ store, children }: { store: StoreApi<LiveRunState>; children: ReactNode }) {
  return <LiveRunContext.Provider value={store}>{children}</LiveRunContext.Provider>;
}

export function useLiveRunStoreApi(): StoreApi<LiveRunState> {
  const store = useContext(LiveRunContext);
  if (!store) throw new Error("Flowbench: a live-run hook was used outside <LiveRunProvider>");
  return store;
}

export function useLiveRun<T>(selector: (state: LiveRunState) => T): T {
  return useStore(useLiveRunStoreApi(), selector);
}

/** A node's status in the run shown, or undefined (also outside a provider, e.g. a canvas on its own). */
export function useNodeRunStatus(nodeId: string): NodeRunStatus | undefined {
  return useStore(useContext(LiveRunContext) ?? EMPTY_STORE, (s) => s.statuses.get(nodeId));
}

/** Every node's status in the run shown (the same map until a status changes); empty outside a provider. */
export function useRunStatuses(): LiveRunState["statuses"] {
  return useStore(useContext(LiveRunContext) ?? EMPTY_STORE, (s) => s.statuses);
}

const EMPTY_STATE = { statuses: new Map() } as unknown as LiveRunState;
const EMPTY_STORE = {
  getState: () => EMPTY_STATE,
  getInitialState: () => EMPTY_STATE,
  setState: () => {},
  subscribe: () => () => {},
} as StoreApi<LiveRunState>;
