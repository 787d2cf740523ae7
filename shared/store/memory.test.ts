import { describe, expect, it } from "vitest";
import type { FlowRunRecord } from "./types.ts";
import { batch, defineStoreContract, flowRun, log } from "../../test/helpers/store-contract.ts";
import { defineQueryContract } from "../../test/helpers/store-query-contract.ts";
import { defineStatsContract } from "../../test/helpers/store-stats-contract.ts";
import { defineChangesContract } from "../../test/helpers/store-changes-contract.ts";
import { MemoryStore } from "./memory.ts";

const fresh = async () => {
  const store = new MemoryStore();
  return { store, cleanup: async () => store.close() };
};
defineStoreContract("memory", fresh);
defineChangesContract("memory", fresh);
defineQueryContract("memory", fresh);
defineStatsContract("memory", fresh);

describe("MemoryStore", () => {
  it("leaves the store unchanged when a batch holds a malformed record", async () => {
    const store = new MemoryStore();
    const broken = { ...flowRun("b"), tags: undefined } as unknown as FlowRunRecord;
    expect(() => store.write(batch({ flowRuns: [flowRun("a"), broken], logs: [log("x")] }))).toThrow();
    expect(await store.getFlowRun("a")).toBeUndefined();
    store.write(batch({ logs: [log("y")] }));
    // No log ids were used up by the failed batch.
    expect((await store.listLogs({})).items).toEqual([{ ...log("y"), id: 1 }]);
  });
});
