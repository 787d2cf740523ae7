import { isTerminal } from "../../shared/sdk/states.ts";
import { emptyBatch, type FlowRunRecord, type RunStore, type StateRecord, type TaskRunRecord } from "../../shared/store/types.ts";
import type { RunEnding } from "./ending.ts";

export interface RunOutcome {
  runId: string;
  stateType: FlowRunRecord["stateType"];
  stateName: string;
  message: string | null;
}

const STATE_NAMES = { CRASHED: "Crashed", CANCELLED: "Cancelled", FAILED: "Failed" } as const;

/**
 * Records how a run ended when its worker died before it could: the flow run, its
 * subflow runs and all their task runs that are not terminal yet take `ending`,
 * each with a transition so history shows it. Terminal runs keep their state, as
 * they really ended that way before the worker went. A run the worker never
 * recorded (or whose record it never got to write) is created from `missing`, so
 * the failure is visible.
 */
export async function endRun(
  store: RunStore,
  runId: string,
  ending: RunEnding,
  missing: () => FlowRunRecord,
  now = Date.now(),
): Promise<RunOutcome> {
  const root = (await store.getFlowRun(runId)) ?? missing();
  const flowRuns = [root, ...(await subflowsOf(store, runId))];
  const taskRuns = (await Promise.all(flowRuns.map((run) => store.listTaskRuns({ flowRunId: run.id, limit: Number.MAX_SAFE_INTEGER })))).flat();

  const batch = emptyBatch();
  const end = <R extends FlowRunRecord | TaskRunRecord>(run: R, runKind: StateRecord["runKind"]): R => {
    if (isTerminal(run.stateType)) return run;
    const name = STATE_NAMES[ending.type];
    batch.states.push({ runId: run.id, runKind, type: ending.type, name, timestamp: now, message: ending.message, error: ending.error });
    return { ...run, stateType: ending.type, stateName: name, stateMessage: ending.message, endTime: now, error: ending.error };
  };
  for (const run of flowRuns) {
    const ended = end(run, "flow");
    if (ended !== run) batch.flowRuns.push(ended);
  }
  for (const run of taskRuns) {
    const ended = end(run, "task");
    if (ended !== run) batch.taskRuns.push(ended);
  }
  if (batch.states.length > 0) await store.write(batch);

  const final = batch.flowRuns.find((run) => run.id === runId) ?? root;
  return { runId, stateType: final.stateType, stateName: final.stateName, message: final.stateMessage };
}

/** Every flow run below this one, at any depth. */
async function subflowsOf(store: RunStore, runId: string): Promise<FlowRunRecord[]> {
  const found: FlowRunRecord[] = [];
  const parents = [runId];
  for (let parent = parents.pop(); parent !== undefined; parent = parents.pop()) {
    let cursor: string | null = null;
    do {
      const page = await store.listFlowRuns({ parentFlowRunId: parent, limit: 1000, cursor });
      found.push(...page.items);
      parents.push(...page.items.map((run) => run.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
  }
  return found;
}
