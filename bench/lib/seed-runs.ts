/**
 * A big run history, written fast: flow-run records like the SDK's (UUIDv7 ids from their
 * creation time, parameters, tags, previews, serialized errors, an owner), spread over
 * several flow names, terminal states and the last 30 days, written in large batches
 * straight through the store's `write`. A seeded generator makes the same history every run.
 */
import { newId } from "../../shared/sdk/names.ts";
import type { StateType } from "../../shared/sdk/states.ts";
import { emptyBatch, type FlowRunRecord, type ProcessOwner, type RunStore } from "../../shared/store/types.ts";
import { random } from "./random.ts";

/** Flow names and their share of the runs (most history is a few busy flows). */
export const SEED_FLOWS: readonly [name: string, weight: number][] = [
  ["etl-orders", 30],
  ["sync-users", 20],
  ["nightly-report", 12],
  ["price-refresh", 12],
  ["invoice-export", 10],
  ["stock-check", 8],
  ["reviews-digest", 5],
  ["refund-audit", 3],
];
/** Terminal states only, so opening the history marks nothing crashed; FAILED is 10%. */
const SEED_STATES: readonly [StateType, string, number][] = [
  ["COMPLETED", "Completed", 84],
  ["FAILED", "Failed", 10],
  ["CANCELLED", "Cancelled", 4],
  ["CRASHED", "Crashed", 2],
];
const ADJECTIVES = ["amber", "brave", "calm", "daring", "eager", "fancy", "gentle", "happy", "icy", "jolly", "keen", "lively"];
const NOUNS = ["otter", "falcon", "badger", "lynx", "heron", "koala", "marten", "newt", "osprey", "panda", "quail", "raven"];
const DAY_MS = 86_400_000;

function weighted<T extends readonly unknown[]>(rnd: () => number, list: readonly T[], weightAt: number): T {
  const total = list.reduce((sum, item) => sum + (item[weightAt] as number), 0);
  let r = rnd() * total;
  for (const item of list) if ((r -= item[weightAt] as number) < 0) return item;
  return list.at(-1)!;
}

/** `count` flow runs, oldest first, created over the 30 days before `now`. */
export function seedFlowRuns(count: number, now = Date.now(), seed = 100_000): FlowRunRecord[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const owner: ProcessOwner = { pid: 4242, host: "bench-host", startedAt: now - 31 * DAY_MS };
  const start = now - 30 * DAY_MS;
  const step = (30 * DAY_MS) / count;
  const runs: FlowRunRecord[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = Math.floor(start + i * step + rnd() * step);
    const [flowName] = weighted(rnd, SEED_FLOWS, 1);
    const [stateType, stateName] = weighted(rnd, SEED_STATES, 2);
    const startTime = createdAt + 5 + Math.floor(rnd() * 40);
    const endTime = startTime + Math.floor(200 + rnd() * rnd() * 600_000);
    const failed = stateType === "FAILED";
    const retried = failed || rnd() < 0.05;
    const message =
      stateType === "FAILED" ? `Task 'load-${flowName}' failed: HTTP 503 from https://api.example.com/v2/${flowName} after 3 attempts`
      : stateType === "CANCELLED" ? "Cancelled on request"
      : stateType === "CRASHED" ? "The process running this run exited (code 137)"
      : null;
    runs.push({
      id: newId(createdAt),
      name: `${pick(ADJECTIVES)}-${pick(NOUNS)}`,
      flowName,
      flowVersion: rnd() < 0.5 ? "1.4.2" : null,
      parentFlowRunId: null,
      parentTaskRunId: null,
      parameters: JSON.stringify({ since: new Date(createdAt - DAY_MS).toISOString().slice(0, 10), limit: 500, region: pick(["eu-west", "us-east", "ap-south"]), dryRun: false }),
      tags: rnd() < 0.4 ? ["nightly", "etl"] : [],
      stateType,
      stateName,
      stateMessage: message,
      createdAt,
      startTime,
      endTime,
      runCount: retried ? 2 : 1,
      error: failed
        ? {
            name: "TaskRunError",
            message: message!,
            stack: `TaskRunError: ${message}\n    at load (file:///home/ops/flows/${flowName}.ts:42:11)\n    at runTask (file:///app/shared/sdk/run-task.ts:180:20)`,
            code: "task-failed",
            retryable: false,
            cause: { name: "HttpError", message: "HTTP 503 Service Unavailable", code: "http-503", retryable: true },
          }
        : null,
      resultPreview: stateType === "COMPLETED" ? JSON.stringify({ rows: Math.floor(rnd() * 50_000), status: "ok", region: "eu-west" }) : null,
      owner,
    });
  }
  return runs;
}

/** Writes `count` seeded flow runs through `store.write`, `perBatch` to a transaction. */
export async function seedHistory(store: RunStore, count: number, perBatch = 10_000): Promise<FlowRunRecord[]> {
  const runs = seedFlowRuns(count);
  for (let i = 0; i < runs.length; i += perBatch) await store.write({ ...emptyBatch(), flowRuns: runs.slice(i, i + perBatch) });
  return runs;
}
