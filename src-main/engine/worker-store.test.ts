import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../shared/store/memory.ts";
import { emptyBatch, type FlowRecord } from "../../shared/store/types.ts";
import { notifyingStore } from "./worker-store.ts";

const flowRecord: FlowRecord = { name: "f", description: null, version: null, source: null, updatedAt: 1 };

describe("notifyingStore", () => {
  it("tells after each write, sync or not, and passes everything else to the store", async () => {
    const store = new MemoryStore();
    let told = 0;
    const wrapped = notifyingStore(store, () => told++);
    await wrapped.write({ ...emptyBatch(), flows: [flowRecord] });
    wrapped.writeSync!({ ...emptyBatch(), flows: [{ ...flowRecord, name: "g" }] });
    expect(told).toBe(2);
    expect(wrapped.kind).toBe("memory");
    expect((await wrapped.listFlows()).map((f) => f.name).sort()).toEqual(["f", "g"]);
  });

  it("does not tell when a write fails", () => {
    const store = new MemoryStore();
    store.write = () => {
      throw new Error("disk full");
    };
    let told = 0;
    expect(() => notifyingStore(store, () => told++).write(emptyBatch())).toThrow("disk full");
    expect(told).toBe(0);
  });
});
