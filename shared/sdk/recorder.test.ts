import { describe, expect, it } from "vitest";
import { MemoryStore } from "../store/memory.ts";
import type { TaskRunRecord, WriteBatch } from "../store/types.ts";
import { Recorder } from "./recorder.ts";

function taskRun(id: string): TaskRunRecord {
  return { id, name: id, taskName: "t", flowRunId: null, parentTaskRunId: null, tags: [], stateType: "PENDING", stateName: "Pending", stateMessage: null, createdAt: 1, startTime: null, endTime: null, runCount: 0, maxRetries: 0, cacheKey: null, upstream: [], inputsPreview: null, resultPreview: null, error: null, owner: null };
}

describe("recorder", () => {
  it("writes a run once per batch with its latest values", async () => {
    const store = new MemoryStore();
    const batches: WriteBatch[] = [];
    const write = store.write.bind(store);
    store.write = (b) => (batches.push(b), write(b));
    const recorder = new Recorder(store, { flushDelayMs: 1000 });
    const run = taskRun("a");
    recorder.taskRun(run);
    run.stateType = "RUNNING";
    recorder.taskRun(run);
    run.stateType = "COMPLETED";
    recorder.taskRun(run);
    await recorder.flush();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.taskRuns).toHaveLength(1);
    expect((await store.listTaskRuns({ orphansOnly: true }))[0]!.stateType).toBe("COMPLETED");
  });

  it("writes by itself after the delay, and at once past maxPending", async () => {
    const store = new MemoryStore();
    const recorder = new Recorder(store, { flushDelayMs: 10, maxPending: 3 });
    recorder.log({ flowRunId: null, taskRunId: null, level: 20, timestamp: 1, message: "a" });
    expect((await store.listLogs({})).items).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 30));
    expect((await store.listLogs({})).items).toHaveLength(1);
    for (const m of ["b", "c", "d"]) recorder.log({ flowRunId: null, taskRunId: null, level: 20, timestamp: 1, message: m });
    expect((await store.listLogs({})).items).toHaveLength(4);
  });

  it("keeps records when a write fails and writes them, in order, once the store recovers", async () => {
    const store = new MemoryStore();
    const write = store.write.bind(store);
    let failing = true;
    store.write = (b) => {
      if (failing) throw new Error("disk full");
      return write(b);
    };
    const errors: string[] = [];
    const recorder = new Recorder(store, { flushDelayMs: 1000, onWriteError: (m) => errors.push(m) });
    recorder.log({ flowRunId: null, taskRunId: null, level: 20, timestamp: 1, message: "first" });
    await recorder.flush();
    recorder.log({ flowRunId: null, taskRunId: null, level: 20, timestamp: 2, message: "second" });
    failing = false;
    await recorder.flush();
    expect((await store.listLogs({})).items.map((l) => l.message)).toEqual(["first", "second"]);
    expect(errors).toEqual(["Flowbench could not write run history (will retry): disk full"]);
  });

  it("answers cache lookups for entries not yet written", () => {
    const recorder = new Recorder(new MemoryStore());
    recorder.cacheEntry({ key: "k", value: "1", createdAt: 1, expiresAt: null, taskRunId: "t" });
    expect(recorder.pendingCacheEntry("k")?.value).toBe("1");
  });
});

describe("recorder giving up", () => {
  it("says how many records it dropped when the store never recovers", async () => {
    const store = new MemoryStore();
    store.write = () => {
      throw new Error("read-only file system");
    };
    const errors: string[] = [];
    const recorder = new Recorder(store, { flushDelayMs: 100_000, onWriteError: (m) => errors.push(m) });
    recorder.log({ flowRunId: null, taskRunId: null, level: 20, timestamp: 1, message: "x" });
    for (let i = 0; i < 21; i++) await recorder.flush();
    expect(errors).toEqual([
      "Flowbench could not write run history (will retry): read-only file system",
      "Flowbench dropped 1 history records after 21 failed writes: read-only file system",
    ]);
  });
});
