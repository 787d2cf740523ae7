import { describe, it, expect, beforeEach, afterEach } from "vitest";
import type { SerializedError } from "../../shared/errors.ts";
import {
  emptyBatch,
  type CacheEntry,
  type FlowRecord,
  type FlowRunQuery,
  type FlowRunRecord,
  type LogQuery,
  type LogRecord,
  type ProcessOwner,
  type RunStore,
  type StateRecord,
  type TaskRunQuery,
  type TaskRunRecord,
  type WriteBatch,
} from "../../shared/store/types.ts";

/*
 * The behaviour every RunStore must share. Each store's test file calls
 * defineStoreContract with a factory; every case gets a fresh, empty store.
 */

export interface StoreFixture {
  store: RunStore;
  cleanup(): Promise<void>;
}

export function batch(parts: Partial<WriteBatch>): WriteBatch {
  return { ...emptyBatch(), ...parts };
}

export function flowRun(id: string, over: Partial<FlowRunRecord> = {}): FlowRunRecord {
  return {
    id,
    name: `name-${id}`,
    flowName: "etl",
    flowVersion: null,
    parentFlowRunId: null,
    parentTaskRunId: null,
    parameters: "{}",
    tags: [],
    stateType: "COMPLETED",
    stateName: "Completed",
    stateMessage: null,
    createdAt: 1000,
    startTime: null,
    endTime: null,
    runCount: 1,
    error: null,
    resultPreview: null,
    owner: null,
    ...over,
  };
}

export function taskRun(id: string, over: Partial<TaskRunRecord> = {}): TaskRunRecord {
  return {
    id,
    name: `name-${id}`,
    taskName: "extract",
    flowRunId: null,
    parentTaskRunId: null,
    tags: [],
    stateType: "COMPLETED",
    stateName: "Completed",
    stateMessage: null,
    createdAt: 1000,
    startTime: null,
    endTime: null,
    runCount: 1,
    maxRetries: 0,
    cacheKey: null,
    upstream: [],
    inputsPreview: null,
    resultPreview: null,
    error: null,
    owner: null,
    ...over,
  };
}

export function log(message: string, over: Partial<LogRecord> = {}): LogRecord {
  return { flowRunId: null, taskRunId: null, level: 20, timestamp: 1000, message, ...over };
}

function state(runId: string, timestamp: number, name: string, over: Partial<StateRecord> = {}): StateRecord {
  return { runId, runKind: "flow", type: "RUNNING", name, timestamp, message: null, error: null, ...over };
}

const pad = (n: number) => String(n).padStart(4, "0");
const ids = <T extends { id: string }>(items: T[]) => items.map((item) => item.id);

const richError: SerializedError = {
  name: "TypeError",
  message: "boom",
  stack: "TypeError: boom\n    at x",
  code: "E_BOOM",
  retryable: false,
  cause: { name: "Error", message: "root cause" },
};

export function defineStoreContract(name: string, make: () => Promise<StoreFixture>): void {
  describe(`RunStore contract: ${name}`, () => {
    let store: RunStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await make());
    });
    afterEach(async () => {
      await cleanup();
    });

    const write = async (parts: Partial<WriteBatch>) => {
      await store.write(batch(parts));
    };

    describe("flows", () => {
      it("upserts by name and lists them by name", async () => {
        const flow = (name: string, version: string | null): FlowRecord => ({
          name,
          description: null,
          version,
          source: null,
          updatedAt: 1,
        });
        await write({ flows: [flow("zeta", "1"), flow("alpha", null)] });
        await write({ flows: [{ name: "zeta", description: "d", version: "2", source: "/f.ts", updatedAt: 2 }] });
        expect(await store.listFlows()).toEqual([
          flow("alpha", null),
          { name: "zeta", description: "d", version: "2", source: "/f.ts", updatedAt: 2 },
        ]);
      });
    });

    describe("flow runs", () => {
      it("round-trips every field and upserts by id", async () => {
        const full = flowRun("a", {
          flowVersion: "1.2",
          parentFlowRunId: "p",
          parentTaskRunId: "pt",
          parameters: '{"x":1}',
          tags: ["nightly", "etl"],
          stateType: "FAILED",
          stateName: "Failed",
          stateMessage: "it broke",
          startTime: 1001,
          endTime: 1002,
          runCount: 3,
          error: richError,
          resultPreview: '"ok"',
          owner: { pid: 42, host: "box", startedAt: 999 },
        });
        await write({ flowRuns: [flowRun("a", { stateType: "RUNNING", stateName: "Running" })] });
        await write({ flowRuns: [full] });
        expect(await store.getFlowRun("a")).toEqual(full);
        expect(await store.getFlowRun("missing")).toBeUndefined();
        expect((await store.listFlowRuns({})).items).toHaveLength(1);
      });

      it("keeps the last version when one batch holds several", async () => {
        await write({ flowRuns: [flowRun("a", { runCount: 1 }), flowRun("a", { runCount: 2 })] });
        expect((await store.getFlowRun("a"))?.runCount).toBe(2);
      });

      it("does not alias the records it was given or returned", async () => {
        const run = flowRun("a", { tags: ["x"], owner: { pid: 1, host: "h", startedAt: 0 } });
        await write({ flowRuns: [run] });
        run.stateType = "RUNNING";
        run.tags.push("y");
        run.owner!.pid = 2;
        const read = (await store.getFlowRun("a"))!;
        expect(read).toEqual(flowRun("a", { tags: ["x"], owner: { pid: 1, host: "h", startedAt: 0 } }));
        read.tags.push("z");
        expect((await store.getFlowRun("a"))!.tags).toEqual(["x"]);
      });
    });

    describe("listFlowRuns", () => {
      it("lists newest first, breaking ties on id descending", async () => {
        await write({
          flowRuns: [
            flowRun("b", { createdAt: 2 }),
            flowRun("a", { createdAt: 2 }),
            flowRun("c", { createdAt: 1 }),
            flowRun("d", { createdAt: 3 }),
          ],
        });
        const page = await store.listFlowRuns({});
        expect(ids(page.items)).toEqual(["d", "b", "a", "c"]);
        expect(page.nextCursor).toBeNull();
      });

      it("filters on flow name, states, parent and creation time", async () => {
        await write({
          flowRuns: [
            flowRun("r1", { flowName: "etl", stateType: "RUNNING", createdAt: 10 }),
            flowRun("r2", { flowName: "etl", stateType: "FAILED", createdAt: 20 }),
            flowRun("r3", { flowName: "report", stateType: "COMPLETED", createdAt: 30, parentFlowRunId: "r1" }),
            flowRun("r4", { flowName: "report", stateType: "FAILED", createdAt: 40, parentFlowRunId: "r2" }),
            flowRun("r5", { flowName: "etl", stateType: "CRASHED", createdAt: 50 }),
          ],
        });
        const list = async (query: Parameters<RunStore["listFlowRuns"]>[0]) => ids((await store.listFlowRuns(query)).items);
        expect(await list({ flowName: "etl" })).toEqual(["r5", "r2", "r1"]);
        expect(await list({ flowName: "nope" })).toEqual([]);
        expect(await list({ states: ["FAILED", "CRASHED"] })).toEqual(["r5", "r4", "r2"]);
        expect(await list({ states: ["RUNNING"] })).toEqual(["r1"]);
        expect(await list({ states: [] })).toEqual([]);
        expect(await list({ parentFlowRunId: null })).toEqual(["r5", "r2", "r1"]);
        expect(await list({ parentFlowRunId: "r2" })).toEqual(["r4"]);
        expect(await list({ parentFlowRunId: undefined })).toHaveLength(5);
        expect(await list({ since: 20 })).toEqual(["r5", "r4", "r3", "r2"]);
        expect(await list({ until: 30 })).toEqual(["r2", "r1"]);
        expect(await list({ since: 20, until: 50 })).toEqual(["r4", "r3", "r2"]);
        expect(await list({ flowName: "report", states: ["FAILED"], parentFlowRunId: "r2", since: 40, until: 41 })).toEqual([
          "r4",
        ]);
      });

      it("defaults to 50 per page, caps at 1000 and gives at least one", async () => {
        await write({ flowRuns: Array.from({ length: 1001 }, (_, i) => flowRun(`r${pad(i)}`, { createdAt: i })) });
        expect((await store.listFlowRuns({})).items).toHaveLength(50);
        expect((await store.listFlowRuns({ limit: 5000 })).items).toHaveLength(1000);
        expect((await store.listFlowRuns({ limit: 0 })).items).toHaveLength(1);
        expect((await store.listFlowRuns({ limit: 7 })).items).toHaveLength(7);
      });

      it("pages with keyset cursors, including across equal creation times", async () => {
        // Groups of seven share a timestamp, so the id must break ties at page edges.
        const runs = Array.from({ length: 120 }, (_, i) => flowRun(`r${pad(i)}`, { createdAt: Math.floor(i / 7) }));
        await write({ flowRuns: runs });
        const expected = ids(runs).reverse();
        const seen: string[] = [];
        const sizes: number[] = [];
        let cursor: string | null = null;
        do {
          const page = await store.listFlowRuns({ limit: 50, cursor });
          sizes.push(page.items.length);
          seen.push(...ids(page.items));
          cursor = page.nextCursor;
        } while (cursor !== null);
        expect(sizes).toEqual([50, 50, 20]);
        expect(seen).toEqual(expected);
      });

      it("gives no cursor when the last page is exactly full", async () => {
        await write({ flowRuns: Array.from({ length: 100 }, (_, i) => flowRun(`r${pad(i)}`, { createdAt: i })) });
        const first = await store.listFlowRuns({ limit: 50 });
        expect(first.nextCursor).not.toBeNull();
        const second = await store.listFlowRuns({ limit: 50, cursor: first.nextCursor });
        expect(second.items).toHaveLength(50);
        expect(second.nextCursor).toBeNull();
      });

      it("keeps pages stable when newer runs arrive between them", async () => {
        await write({ flowRuns: Array.from({ length: 30 }, (_, i) => flowRun(`r${pad(i)}`, { createdAt: i })) });
        const first = await store.listFlowRuns({ limit: 10 });
        await write({ flowRuns: [flowRun("newer", { createdAt: 1_000_000 })] });
        const second = await store.listFlowRuns({ limit: 10, cursor: first.nextCursor });
        expect(ids(second.items)).toEqual(Array.from({ length: 10 }, (_, i) => `r${pad(19 - i)}`));
      });

      it("combines cursors with filters", async () => {
        await write({
          flowRuns: Array.from({ length: 40 }, (_, i) =>
            flowRun(`r${pad(i)}`, { createdAt: i, flowName: i % 2 ? "odd" : "even" }),
          ),
        });
        const first = await store.listFlowRuns({ flowName: "odd", limit: 15 });
        const second = await store.listFlowRuns({ flowName: "odd", limit: 15, cursor: first.nextCursor });
        expect(ids(second.items)).toEqual(["r0009", "r0007", "r0005", "r0003", "r0001"]);
        expect(second.nextCursor).toBeNull();
      });

      it("rejects a cursor it did not make", async () => {
        await expect(store.listFlowRuns({ cursor: "garbage" })).rejects.toThrow(/cursor/);
      });

      it("treats null filters like absent ones (callers decoding JSON send null)", async () => {
        await write({ flowRuns: [flowRun("a", { createdAt: 1 }), flowRun("b", { createdAt: 2, parentFlowRunId: "a" })] });
        const nulls = { flowName: null, states: null, since: null, until: null, limit: null } as unknown as FlowRunQuery;
        expect(ids((await store.listFlowRuns(nulls)).items)).toEqual(["b", "a"]);
      });
    });

    describe("task runs", () => {
      it("round-trips every field and upserts by id", async () => {
        const full = taskRun("t", {
          flowRunId: "f",
          parentTaskRunId: "pt",
          tags: ["a"],
          stateType: "FAILED",
          stateName: "Retrying",
          stateMessage: "again",
          startTime: 2,
          endTime: 3,
          runCount: 2,
          maxRetries: 5,
          cacheKey: "k",
          upstream: ["u1", "u2"],
          inputsPreview: '{"x":1}',
          resultPreview: "1",
          error: richError,
          owner: { pid: 7, host: "h", startedAt: 5 },
        });
        await write({ taskRuns: [taskRun("t", { flowRunId: "f" })] });
        await write({ taskRuns: [full] });
        expect(await store.listTaskRuns({ flowRunId: "f" })).toEqual([full]);
      });

      it("does not alias the records it was given", async () => {
        const run = taskRun("t", { flowRunId: "f", upstream: ["u"] });
        await write({ taskRuns: [run] });
        run.upstream.push("v");
        run.stateType = "RUNNING";
        expect(await store.listTaskRuns({ flowRunId: "f" })).toEqual([taskRun("t", { flowRunId: "f", upstream: ["u"] })]);
      });

      it("lists a flow run's task runs oldest first and orphans newest first", async () => {
        await write({
          taskRuns: [
            taskRun("b", { flowRunId: "f", createdAt: 2 }),
            taskRun("a", { flowRunId: "f", createdAt: 2 }),
            taskRun("c", { flowRunId: "f", createdAt: 1 }),
            taskRun("other", { flowRunId: "g", createdAt: 1 }),
            taskRun("o1", { createdAt: 5 }),
            taskRun("o3", { createdAt: 9 }),
            taskRun("o2", { createdAt: 9 }),
          ],
        });
        expect(ids(await store.listTaskRuns({ flowRunId: "f" }))).toEqual(["c", "a", "b"]);
        expect(ids(await store.listTaskRuns({ flowRunId: "f", limit: 2 }))).toEqual(["c", "a"]);
        expect(ids(await store.listTaskRuns({ orphansOnly: true }))).toEqual(["o3", "o2", "o1"]);
        expect(ids(await store.listTaskRuns({ orphansOnly: true, limit: 1 }))).toEqual(["o3"]);
        expect(ids(await store.listTaskRuns({ flowRunId: "nope" }))).toEqual([]);
        expect(await store.listTaskRuns({})).toHaveLength(7);
      });

      it("returns up to 10,000 by default", async () => {
        await write({ taskRuns: Array.from({ length: 10_001 }, (_, i) => taskRun(`t${i}`, { flowRunId: "f" })) });
        expect(await store.listTaskRuns({ flowRunId: "f" })).toHaveLength(10_000);
      });
    });

    describe("states", () => {
      it("appends and lists by timestamp, then insertion order", async () => {
        await write({ states: [state("a", 5, "third"), state("a", 1, "first"), state("b", 0, "other")] });
        await write({
          states: [
            state("a", 5, "fourth", { runKind: "task", type: "FAILED", message: "m", error: richError }),
            state("a", 2, "second"),
          ],
        });
        const states = await store.listStates("a");
        expect(states.map((s) => s.name)).toEqual(["first", "second", "third", "fourth"]);
        expect(states[3]).toEqual(state("a", 5, "fourth", { runKind: "task", type: "FAILED", message: "m", error: richError }));
        expect(await store.listStates("none")).toEqual([]);
      });
    });

    describe("results and cache", () => {
      it("keeps the last result per run", async () => {
        await write({ results: [{ runId: "r", value: "1" }] });
        await write({ results: [{ runId: "r", value: "2" }, { runId: "s", value: "3" }] });
        expect(await store.getResult("r")).toBe("2");
        expect(await store.getResult("s")).toBe("3");
        expect(await store.getResult("missing")).toBeUndefined();
      });

      it("keeps the last entry per key and hides expired ones", async () => {
        const entry = (key: string, expiresAt: number | null, value = "v"): CacheEntry => ({
          key,
          value,
          createdAt: 100,
          expiresAt,
          taskRunId: "t",
        });
        await write({ cache: [entry("forever", null), entry("soon", 200), entry("k", 200, "old")] });
        await write({ cache: [{ ...entry("k", null, "new"), taskRunId: null }] });
        expect(await store.getCacheEntry("forever", 1e15)).toEqual(entry("forever", null));
        expect(await store.getCacheEntry("soon", 199)).toEqual(entry("soon", 200));
        expect(await store.getCacheEntry("soon", 200)).toBeUndefined();
        expect(await store.getCacheEntry("soon", 201)).toBeUndefined();
        expect(await store.getCacheEntry("k", 1e15)).toEqual({ ...entry("k", null, "new"), taskRunId: null });
        expect(await store.getCacheEntry("missing", 0)).toBeUndefined();
      });
    });

    describe("logs", () => {
      it("appends with increasing ids and returns them in order", async () => {
        await write({ logs: [log("one", { flowRunId: "f", level: 10, timestamp: 5 }), log("two")] });
        await write({ logs: [log("three", { taskRunId: "t" })] });
        const { items, nextCursor } = await store.listLogs({});
        expect(items.map((l) => l.message)).toEqual(["one", "two", "three"]);
        expect(items[0]).toEqual({ ...log("one", { flowRunId: "f", level: 10, timestamp: 5 }), id: items[0]!.id });
        expect(items[0]!.id).toBeLessThan(items[1]!.id);
        expect(items[1]!.id).toBeLessThan(items[2]!.id);
        expect(nextCursor).toBeNull();
      });

      it("filters on flow run, task run, level and text", async () => {
        await write({
          logs: [
            log("Starting ETL", { flowRunId: "f", level: 20 }),
            log("fetching rows", { flowRunId: "f", taskRunId: "t1", level: 10 }),
            log("ROWS fetched: 10", { flowRunId: "f", taskRunId: "t1", level: 20 }),
            log("disk almost full", { flowRunId: "g", level: 30 }),
            log("task crashed", { taskRunId: "t2", level: 40 }),
          ],
        });
        const list = async (query: Parameters<RunStore["listLogs"]>[0]) =>
          (await store.listLogs(query)).items.map((l) => l.message);
        expect(await list({ flowRunId: "f" })).toEqual(["Starting ETL", "fetching rows", "ROWS fetched: 10"]);
        expect(await list({ taskRunId: "t1" })).toEqual(["fetching rows", "ROWS fetched: 10"]);
        expect(await list({ taskRunId: "t2" })).toEqual(["task crashed"]);
        expect(await list({ minLevel: 30 })).toEqual(["disk almost full", "task crashed"]);
        expect(await list({ text: "rows" })).toEqual(["fetching rows", "ROWS fetched: 10"]);
        expect(await list({ text: "Etl" })).toEqual(["Starting ETL"]);
        expect(await list({ flowRunId: "f", minLevel: 20, text: "rows" })).toEqual(["ROWS fetched: 10"]);
        expect(await list({ flowRunId: "f", taskRunId: "t1", minLevel: 15 })).toEqual(["ROWS fetched: 10"]);
        expect(await list({ text: "" })).toHaveLength(5);
      });

      it("treats %, _ and \\ in the search text literally", async () => {
        await write({
          logs: [
            log("progress 100% done"),
            log("progress 1000 done"),
            log("my_var set"),
            log("myXvar set"),
            log("path C:\\temp"),
            log("path C:temp"),
          ],
        });
        const find = async (text: string) => (await store.listLogs({ text })).items.map((l) => l.message);
        expect(await find("100%")).toEqual(["progress 100% done"]);
        expect(await find("%")).toEqual(["progress 100% done"]);
        expect(await find("my_var")).toEqual(["my_var set"]);
        expect(await find("_")).toEqual(["my_var set"]);
        expect(await find("C:\\t")).toEqual(["path C:\\temp"]);
        expect(await find("\\")).toEqual(["path C:\\temp"]);
      });

      it("pages by id, giving a cursor only when the page is full", async () => {
        await write({ logs: Array.from({ length: 25 }, (_, i) => log(`m${i}`, { flowRunId: i % 2 ? "odd" : "even" })) });
        const first = await store.listLogs({ limit: 10 });
        expect(first.items.map((l) => l.message)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`));
        expect(first.nextCursor).toBe(String(first.items[9]!.id));
        const second = await store.listLogs({ limit: 10, cursor: first.nextCursor });
        expect(second.items[0]!.message).toBe("m10");
        const third = await store.listLogs({ limit: 10, cursor: second.nextCursor });
        expect(third.items).toHaveLength(5);
        expect(third.nextCursor).toBeNull();

        const odd = await store.listLogs({ flowRunId: "odd", limit: 12 });
        expect(odd.items).toHaveLength(12);
        const rest = await store.listLogs({ flowRunId: "odd", limit: 12, cursor: odd.nextCursor });
        expect(rest.items.map((l) => l.message)).toEqual([]);
        expect(rest.nextCursor).toBeNull();
      });

      it("follows new logs from the last id seen", async () => {
        await write({ logs: [log("a"), log("b")] });
        const first = await store.listLogs({});
        const lastId = String(first.items.at(-1)!.id);
        expect((await store.listLogs({ cursor: lastId })).items).toEqual([]);
        await write({ logs: [log("c")] });
        expect((await store.listLogs({ cursor: lastId })).items.map((l) => l.message)).toEqual(["c"]);
      });

      it("defaults to 1000 per page and caps at 10,000", async () => {
        await write({ logs: Array.from({ length: 10_001 }, (_, i) => log(`m${i}`)) });
        expect((await store.listLogs({})).items).toHaveLength(1000);
        const capped = await store.listLogs({ limit: 50_000 });
        expect(capped.items).toHaveLength(10_000);
        expect(capped.nextCursor).not.toBeNull();
      });

      it("rejects a cursor it did not make", async () => {
        await expect(store.listLogs({ cursor: "abc" })).rejects.toThrow(/cursor/);
      });

      it("treats null filters like absent ones", async () => {
        await write({ logs: [log("a", { flowRunId: "f", level: 10 }), log("b", { taskRunId: "t" })] });
        const nulls = { flowRunId: null, taskRunId: null, minLevel: null, text: null, cursor: null } as unknown as LogQuery;
        expect((await store.listLogs(nulls)).items.map((l) => l.message)).toEqual(["a", "b"]);
        expect(await store.listTaskRuns({ flowRunId: null } as unknown as TaskRunQuery)).toEqual([]);
      });
    });

    describe("copying", () => {
      it("keeps no reference to any record it was given", async () => {
        const flow: FlowRecord = { name: "f", description: null, version: "1", source: null, updatedAt: 1 };
        const st = state("r", 1, "Running", { error: { name: "E", message: "m" } });
        const entry: CacheEntry = { key: "k", value: "v", createdAt: 1, expiresAt: null, taskRunId: null };
        const line = log("hello");
        await write({ flows: [flow], states: [st], cache: [entry], logs: [line] });
        flow.version = "2";
        st.name = "Changed";
        st.error!.message = "changed";
        entry.value = "changed";
        line.message = "changed";
        expect((await store.listFlows())[0]!.version).toBe("1");
        expect(await store.listStates("r")).toEqual([state("r", 1, "Running", { error: { name: "E", message: "m" } })]);
        expect((await store.getCacheEntry("k", 0))!.value).toBe("v");
        expect((await store.listLogs({})).items[0]!.message).toBe("hello");
      });
    });

    describe("writeSync", () => {
      it("applies a batch like write", async () => {
        expect(store.writeSync).toBeTypeOf("function");
        store.writeSync!(batch({ flowRuns: [flowRun("a")], logs: [log("x")] }));
        expect(await store.getFlowRun("a")).toEqual(flowRun("a"));
        expect((await store.listLogs({})).items).toHaveLength(1);
      });
    });

    describe("markOrphansCrashed", () => {
      const dead: ProcessOwner = { pid: 1001, host: "box", startedAt: 50 };
      const live: ProcessOwner = { pid: 1002, host: "box", startedAt: 60 };
      const running = { stateType: "RUNNING", stateName: "Running" } as const;
      const isAlive = (owner: ProcessOwner) => owner.pid === live.pid;

      async function seed(): Promise<void> {
        await write({
          flowRuns: [
            flowRun("A", { ...running, owner: dead }),
            flowRun("B", { ...running, parentFlowRunId: "A" }),
            flowRun("C", { stateType: "SCHEDULED", stateName: "Scheduled", parentFlowRunId: "B" }),
            flowRun("Bdone", { parentFlowRunId: "A" }),
            flowRun("E", { ...running, parentFlowRunId: "A", owner: live }),
            flowRun("F", { owner: dead }),
            flowRun("G", { ...running, owner: live }),
            flowRun("H", { stateType: "PAUSED", stateName: "Paused", owner: dead }),
            flowRun("I", { stateType: "CANCELLING", stateName: "Cancelling", owner: dead }),
            flowRun("N", { ...running }),
          ],
          taskRuns: [
            taskRun("a1", { ...running, flowRunId: "A" }),
            taskRun("a2", { flowRunId: "A" }),
            taskRun("a3", { stateType: "PENDING", stateName: "Pending", flowRunId: "A" }),
            taskRun("b1", { ...running, flowRunId: "B" }),
            taskRun("c1", { stateType: "PENDING", stateName: "Pending", flowRunId: "C" }),
            taskRun("e1", { ...running, flowRunId: "E" }),
            taskRun("g1", { ...running, flowRunId: "G" }),
            taskRun("T1", { ...running, owner: dead }),
            taskRun("T2", { ...running, owner: live }),
            taskRun("T3", { owner: dead }),
          ],
        });
      }

      it("crashes the dead owner's runs, their task runs and subflows, and nothing else", async () => {
        await seed();
        const asked: number[] = [];
        const before = Date.now();
        const changed = await store.markOrphansCrashed((owner) => (asked.push(owner.pid), isAlive(owner)));
        // A, I, B, C (flows) + a1, a3, b1, c1 (their task runs) + T1 (an orphan task run).
        expect(changed).toBe(9);
        expect([...new Set(asked)].sort()).toEqual([1001, 1002]);
        expect(asked).toHaveLength(2);

        const message = "The process running it (pid 1001 on box) is gone";
        for (const id of ["A", "B", "C", "I"]) {
          const run = (await store.getFlowRun(id))!;
          expect(run, id).toMatchObject({ stateType: "CRASHED", stateName: "Crashed", stateMessage: message });
          expect(run.endTime).toBeGreaterThanOrEqual(before);
          const states = await store.listStates(id);
          expect(states).toEqual([
            { runId: id, runKind: "flow", type: "CRASHED", name: "Crashed", timestamp: run.endTime, message, error: null },
          ]);
        }
        const flows = Object.fromEntries((await store.listFlowRuns({})).items.map((r) => [r.id, r.stateType]));
        expect(flows).toMatchObject({ Bdone: "COMPLETED", E: "RUNNING", F: "COMPLETED", G: "RUNNING", H: "PAUSED", N: "RUNNING" });

        const tasks = Object.fromEntries((await store.listTaskRuns({})).map((t) => [t.id, t]));
        for (const id of ["a1", "a3", "b1", "c1", "T1"]) {
          expect(tasks[id], id).toMatchObject({ stateType: "CRASHED", stateName: "Crashed", stateMessage: message });
          expect(await store.listStates(id)).toMatchObject([{ runKind: "task", type: "CRASHED", message }]);
        }
        expect(tasks["a2"]!.stateType).toBe("COMPLETED");
        expect(tasks["e1"]!.stateType).toBe("RUNNING");
        expect(tasks["g1"]!.stateType).toBe("RUNNING");
        expect(tasks["T2"]!.stateType).toBe("RUNNING");
        expect(tasks["T3"]!.stateType).toBe("COMPLETED");
        expect(await store.listStates("E")).toEqual([]);

        expect(await store.markOrphansCrashed(isAlive)).toBe(0);
      });

      it("leaves everything alone while every owner lives", async () => {
        await seed();
        expect(await store.markOrphansCrashed(() => true)).toBe(0);
        expect((await store.getFlowRun("A"))!.stateType).toBe("RUNNING");
        expect(await store.listStates("A")).toEqual([]);
      });

      it("crashes a subflow owned by another dead process under that process's name", async () => {
        const other: ProcessOwner = { pid: 1003, host: "box", startedAt: 70 };
        await write({
          flowRuns: [flowRun("A", { ...running, owner: dead }), flowRun("S", { ...running, parentFlowRunId: "A", owner: other })],
          taskRuns: [taskRun("s1", { ...running, flowRunId: "S" })],
        });
        expect(await store.markOrphansCrashed((o) => o.pid === live.pid)).toBe(3);
        const messageS = "The process running it (pid 1003 on box) is gone";
        expect((await store.getFlowRun("S"))!.stateMessage).toBe(messageS);
        expect((await store.listTaskRuns({ flowRunId: "S" }))[0]!.stateMessage).toBe(messageS);
      });

      it("returns 0 on an empty store without asking", async () => {
        expect(await store.markOrphansCrashed(() => expect.unreachable())).toBe(0);
      });
    });
  });
}
