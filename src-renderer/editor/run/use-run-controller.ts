/**
 * Starting, following and cancelling runs from the editor. The flow is saved
 * first (a run executes the file); the run's events then stream into the
 * live-run store until the run ends.
 */
import { useCallback, useEffect, useRef } from "react";
import type { StoreApi } from "zustand";
import type { ApiClient } from "../../../shared/api/client.ts";
import type { FlowRunRecord, StoredLog, TaskRunRecord } from "../../../shared/store/types.ts";
import { useApi } from "../../app/api-context.tsx";
import { toast } from "../../ui/toast.tsx";
import { useDocumentStoreApi } from "../store/context.tsx";
import type { DocumentStore } from "../store/types.ts";
import type { LiveRunState } from "./live-run-store.ts";
import { useLiveRunStoreApi } from "./live-run-context.tsx";

export interface RunController {
  start(params: Record<string, unknown>): Promise<void>;
  cancel(): Promise<void>;
  retry(): Promise<void>;
  follow(runId: string): void;
}

export function useRunController(save: () => Promise<boolean>): RunController {
  const client = useApi();
  const doc = useDocumentStoreApi();
  const live = useLiveRunStoreApi();
  const stop = useRef<(() => void) | null>(null);

  const follow = useCallback((runId: string) => {
    stop.current?.();
    stop.current = followRun(client, live, doc, runId);
  }, [client, live, doc]);
  useEffect(() => () => stop.current?.(), []);

  return {
    follow,
    start: async (params) => {
      if ((doc.getState().dirty || doc.getState().flowId === null) && !(await save())) return;
      const flowId = doc.getState().flowId;
      if (!flowId) return;
      try {
        const { runId } = await client.call("runs.start", { flowId, params });
        follow(runId);
      } catch (error) {
        toast("error", `The run did not start: ${(error as Error).message}`);
      }
    },
    cancel: async () => {
      const runId = live.getState().runId;
      if (!runId) return;
      try {
        await client.call("runs.cancel", { runId });
      } catch (error) {
        toast("error", `Could not cancel: ${(error as Error).message}`);
      }
    },
    retry: async () => {
      const runId = live.getState().runId;
      if (!runId) return;
      try {
        follow((await client.call("runs.retry", { runId })).runId);
      } catch (error) {
        toast("error", `Could not run again: ${(error as Error).message}`);
      }
    },
  };
}

/** Subscribes first, then reads the snapshot, so nothing between the two is missed. */
function followRun(client: ApiClient, live: StoreApi<LiveRunState>, doc: StoreApi<DocumentStore>, runId: string): () => void {
  live.getState().show(runId);
  let active = true;
  const unsubscribe = client.subscribe({ runIds: [runId] }, (batch) => {
    if (active && live.getState().runId === runId) live.getState().applyEvents(batch.events, doc.getState().graph);
  });
  void (async () => {
    try {
      const [detail, logs] = await Promise.all([client.call("runs.get", { runId }), client.call("logs.list", { runId, limit: 5000 })]);
      if (!active || live.getState().runId !== runId) return;
      live.getState().merge({ flowRun: detail.run as FlowRunRecord, taskRuns: detail.taskRuns as TaskRunRecord[], logs: logs.items as StoredLog[] }, doc.getState().graph);
    } catch (error) {
      toast("error", `Could not read run ${runId}: ${(error as Error).message}`);
    }
  })();
  return () => {
    active = false;
    unsubscribe();
  };
}
