import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { STATE_TYPES } from "../../shared/sdk/states.ts";
import type { FlowRunRecord, RunStore } from "../../shared/store/types.ts";
import { batch, flowRun, type StoreFixture } from "./store-contract.ts";

const zero = () => Object.fromEntries(STATE_TYPES.map((t) => [t, 0]));

/** runStats, the dashboard's figures; shared by every RunStore. */
export function defineStatsContract(name: string, make: () => Promise<StoreFixture>): void {
  describe(`RunStore stats: ${name}`, () => {
    let store: RunStore;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await make());
    });
    afterEach(async () => {
      await cleanup();
    });
    const done = (id: string, createdAt: number, ms: number, over: Partial<FlowRunRecord> = {}) => flowRun(id, { createdAt, startTime: createdAt + 1, endTime: createdAt + 1 + ms, ...over });

    it("gives every bucket and state, zeros included, for an empty range", async () => {
      const stats = await store.runStats({ since: 1000, until: 2000, buckets: 4 });
      expect(stats).toEqual({
        since: 1000,
        until: 2000,
        bucketMs: 250,
        series: [1000, 1250, 1500, 1750].map((start) => ({ start, counts: zero() })),
        totals: zero(),
        failureRate: null,
        slowestFlows: [],
        recentFailures: [],
      });
      expect((await store.runStats({ since: 0, until: 1000 })).series).toHaveLength(48);
      expect((await store.runStats({ since: 0, until: 10, buckets: 500 })).bucketMs).toBe(1);
    });

    it("counts top-level runs per bucket and state, by creation time within [since, until)", async () => {
      await store.write(
        batch({
          flowRuns: [
            done("a", 1000, 10),
            done("b", 1249, 10, { stateType: "FAILED", stateName: "Failed" }),
            done("c", 1250, 10),
            flowRun("d", { createdAt: 1999, stateType: "RUNNING" }),
            done("e", 2000, 10),
            done("f", 999, 10),
            done("child", 1100, 10, { parentFlowRunId: "a", stateType: "CRASHED" }),
          ],
        }),
      );
      const stats = await store.runStats({ since: 1000, until: 2000, buckets: 4 });
      expect(stats.series.map((s) => [s.start, s.counts.COMPLETED, s.counts.FAILED, s.counts.RUNNING])).toEqual([
        [1000, 1, 1, 0],
        [1250, 1, 0, 0],
        [1500, 0, 0, 0],
        [1750, 0, 0, 1],
      ]);
      expect(stats.totals).toEqual({ ...zero(), COMPLETED: 2, FAILED: 1, RUNNING: 1 });
      expect(stats.failureRate).toBeCloseTo(1 / 3);
    });

    it("ranks flows by average duration of finished runs, with p95 and max, top 5", async () => {
      const runs: FlowRunRecord[] = [];
      // slow: 1..20 s; each other flow one duration.
      for (let i = 1; i <= 20; i++) runs.push(done(`s${i}`, 100 + i, i * 1000, { flowName: "slow" }));
      ["f1", "f2", "f3", "f4", "f5"].forEach((flowName, i) => runs.push(done(`${flowName}-run`, 200 + i, 5000 - i * 100, { flowName })));
      runs.push(flowRun("unfinished", { flowName: "huge", createdAt: 300, startTime: 300, endTime: null, stateType: "RUNNING" }));
      runs.push(flowRun("no-start", { flowName: "huge", createdAt: 301, startTime: null, endTime: 999_999, stateType: "CANCELLED" }));
      await store.write(batch({ flowRuns: runs }));
      const { slowestFlows } = await store.runStats({ since: 0, until: 1000 });
      expect(slowestFlows).toEqual([
        { flowName: "slow", runs: 20, avgMs: 10_500, p95Ms: 19_000, maxMs: 20_000 },
        { flowName: "f1", runs: 1, avgMs: 5000, p95Ms: 5000, maxMs: 5000 },
        { flowName: "f2", runs: 1, avgMs: 4900, p95Ms: 4900, maxMs: 4900 },
        { flowName: "f3", runs: 1, avgMs: 4800, p95Ms: 4800, maxMs: 4800 },
        { flowName: "f4", runs: 1, avgMs: 4700, p95Ms: 4700, maxMs: 4700 },
      ]);
    });

    it("lists the 10 newest failures and crashes with their message", async () => {
      const runs = Array.from({ length: 12 }, (_, i) =>
        done(`x${String(i).padStart(2, "0")}`, 100 + i, 5, { stateType: i % 2 ? "FAILED" : "CRASHED", stateName: "x", stateMessage: `boom ${i}` }),
      );
      runs.push(done("err", 500, 5, { stateType: "FAILED", stateMessage: null, error: { name: "Error", message: "from the error" } }));
      runs.push(done("bare", 400, 5, { stateType: "FAILED", name: "bare-run", flowName: "etl2" }));
      runs.push(done("ok", 600, 5));
      await store.write(batch({ flowRuns: runs }));
      const { recentFailures, failureRate } = await store.runStats({ since: 0, until: 1000 });
      expect(recentFailures.map((f) => f.runId)).toEqual(["err", "bare", "x11", "x10", "x09", "x08", "x07", "x06", "x05", "x04"]);
      expect(recentFailures[0]).toEqual({ runId: "err", flowName: "etl", name: "name-err", stateType: "FAILED", endTime: 506, message: "from the error" });
      expect(recentFailures[1]).toMatchObject({ name: "bare-run", flowName: "etl2", message: null });
      expect(recentFailures[2]).toMatchObject({ stateType: "FAILED", message: "boom 11" });
      expect(failureRate).toBeCloseTo(14 / 15);
    });

    it("refuses an empty or reversed range", async () => {
      await expect(store.runStats({ since: 10, until: 10 })).rejects.toThrow(/until/);
    });
  });
}
