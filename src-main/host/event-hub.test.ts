import { describe, expect, it } from "vitest";
import type { EventBatch } from "../../shared/api/events.ts";
import { MemoryStore } from "../../shared/store/memory.ts";
import { emptyBatch, type FlowRunRecord, type LogRecord } from "../../shared/store/types.ts";
import { EventHub } from "./event-hub.ts";

const run = (id: string, over: Partial<FlowRunRecord> = {}): FlowRunRecord => ({
  id, name: id, flowName: "f", flowVersion: null, parentFlowRunId: null, parentTaskRunId: null, parameters: "{}", tags: [],
  stateType: "RUNNING", stateName: "Running", stateMessage: null, createdAt: 1, startTime: 1, endTime: null, runCount: 1,
  error: null, resultPreview: null, owner: null, ...over,
});
const logs = (runId: string, n: number, from = 0): LogRecord[] => Array.from({ length: n }, (_, i) => ({ flowRunId: runId, taskRunId: null, level: 20, timestamp: 1, message: `line ${from + i}` }));

function sink(backedUp = () => false) {
  const batches: EventBatch[] = [];
  return { batches, sink: { send: (b: EventBatch) => batches.push(b), backedUp } };
}

describe("EventHub", () => {
  it("starts with a snapshot of the watched runs, then sends only what changes", async () => {
    const store = new MemoryStore();
    store.write({ ...emptyBatch(), flowRuns: [run("a"), run("b")] });
    const hub = new EventHub(store, { pollMs: 60_000 });
    const { batches, sink: s } = sink();
    const sub = hub.subscribe({ runIds: ["a"] }, s);
    await hub.drain();
    expect(batches.flatMap((b) => b.events)).toEqual([{ type: "flow-run", run: run("a") }]);
    store.write({ ...emptyBatch(), flowRuns: [run("a", { stateType: "COMPLETED", stateName: "Completed" }), run("b", { stateType: "FAILED" })], logs: logs("a", 2) });
    await hub.drain();
    const later = batches.slice(1).flatMap((b) => b.events);
    expect(later.map((e) => (e.type === "flow-run" ? `${e.run.id}:${e.run.stateType}` : e.type === "log" ? e.log.message : e.type))).toEqual(["a:COMPLETED", "line 0", "line 1"]);
    sub.close();
    hub.close();
  });

  it("skips a backed-up consumer without losing anything, and catches it up in order", async () => {
    const store = new MemoryStore();
    store.write({ ...emptyBatch(), flowRuns: [run("a")] });
    const hub = new EventHub(store, { pollMs: 60_000 });
    let full = true;
    const { batches, sink: s } = sink(() => full);
    hub.subscribe({ runIds: ["a"] }, s);
    for (let i = 0; i < 5; i++) {
      store.write({ ...emptyBatch(), logs: logs("a", 1000, i * 1000) });
      await hub.drain();
    }
    expect(batches).toEqual([]);
    full = false;
    await hub.drain();
    const messages = batches.flatMap((b) => b.events).filter((e) => e.type === "log").map((e) => (e.type === "log" ? e.log.message : ""));
    expect(messages).toEqual(Array.from({ length: 5000 }, (_, i) => `line ${i}`));
    expect(Math.max(...batches.map((b) => b.events.length))).toBeLessThanOrEqual(1000);
    hub.close();
  });

  it("resumes from a batch's cursor with what was missed, and refuses cursors it did not make", async () => {
    const store = new MemoryStore();
    store.write({ ...emptyBatch(), flowRuns: [run("a")] });
    const hub = new EventHub(store, { pollMs: 60_000 });
    const first = sink();
    const sub = hub.subscribe({ allRuns: true }, first.sink);
    store.write({ ...emptyBatch(), flowRuns: [run("b")] });
    await hub.drain();
    const cursor = first.batches.at(-1)!.cursor;
    sub.close();
    store.write({ ...emptyBatch(), flowRuns: [run("c")] });
    const again = sink();
    hub.subscribe({ allRuns: true, cursor }, again.sink);
    await hub.drain();
    expect(again.batches.flatMap((b) => b.events).map((e) => (e.type === "flow-run" ? e.run.id : ""))).toEqual(["c"]);
    expect(() => hub.subscribe({ allRuns: true, cursor: "nope" }, again.sink)).toThrow(/cursor 'nope' did not come from this host/);
    expect(() => hub.subscribe({ runIds: "a" }, again.sink)).toThrow(/^Invalid subscription: runIds: /);
    hub.close();
  });
});
