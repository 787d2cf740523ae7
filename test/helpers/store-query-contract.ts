import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FlowRunQuery, RunStore } from "../../shared/store/types.ts";
import { batch, flowRun, log, type StoreFixture } from "./store-contract.ts";

/** The runs view's and run page's queries (sorts, text, log paging back, totals) and the flow names; shared by every RunStore. */
export function defineQueryContract(name: string, make: () => Promise<StoreFixture>): void {
  describe(`RunStore queries: ${name}`, () => {
    let store: RunStore;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await make());
    });
    afterEach(async () => {
      await cleanup();
    });
    const ids = async (query: FlowRunQuery) => (await store.listFlowRuns(query)).items.map((r) => r.id);
    const all = async (query: FlowRunQuery) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await store.listFlowRuns({ ...query, cursor });
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return seen;
    };

    describe("listFlowRuns text and sort", () => {
      it("matches text in the name, flow name or parameters, ignoring ASCII case, literally", async () => {
        await store.write(
          batch({
            flowRuns: [
              flowRun("a", { name: "Brave-Otter", createdAt: 1 }),
              flowRun("b", { flowName: "OTTER-sync", createdAt: 2 }),
              flowRun("c", { parameters: '{"animal":"otter"}', createdAt: 3 }),
              flowRun("d", { name: "calm-heron", parameters: '{"pct":"100%"}', createdAt: 4 }),
              flowRun("e", { name: "my_run", createdAt: 5 }),
            ],
          }),
        );
        expect(await ids({ text: "otter" })).toEqual(["c", "b", "a"]);
        expect(await ids({ text: "OtTeR", sort: "oldest" })).toEqual(["a", "b", "c"]);
        expect(await ids({ text: '"animal"' })).toEqual(["c"]);
        expect(await ids({ text: "100%" })).toEqual(["d"]);
        expect(await ids({ text: "%" })).toEqual(["d"]);
        expect(await ids({ text: "_" })).toEqual(["e"]);
        expect(await ids({ text: "" })).toHaveLength(5);
        expect(await ids({ text: "otter", flowName: "etl" })).toEqual(["c", "a"]);
      });

      it("sorts oldest first and longest first, unfinished runs last, ties on id", async () => {
        await store.write(
          batch({
            flowRuns: [
              flowRun("quick", { createdAt: 5, startTime: 10, endTime: 20 }),
              flowRun("slow", { createdAt: 1, startTime: 10, endTime: 500 }),
              flowRun("mid-a", { createdAt: 3, startTime: 0, endTime: 100 }),
              flowRun("mid-b", { createdAt: 3, startTime: 50, endTime: 150 }),
              flowRun("running", { createdAt: 2, startTime: 10, endTime: null, stateType: "RUNNING" }),
              flowRun("never", { createdAt: 4, startTime: null, endTime: null, stateType: "PENDING" }),
            ],
          }),
        );
        expect(await ids({})).toEqual(["quick", "never", "mid-b", "mid-a", "running", "slow"]);
        expect(await ids({ sort: "newest" })).toEqual(["quick", "never", "mid-b", "mid-a", "running", "slow"]);
        expect(await ids({ sort: "oldest" })).toEqual(["slow", "running", "mid-a", "mid-b", "never", "quick"]);
        expect(await ids({ sort: "longest" })).toEqual(["slow", "mid-b", "mid-a", "quick", "running", "never"]);
        expect(await ids({ sort: "longest", states: ["COMPLETED"] })).toEqual(["slow", "mid-b", "mid-a", "quick"]);
      });

      it("pages every sort with keyset cursors, across ties and the unfinished runs", async () => {
        // Durations and creation times repeat, and a third of the runs are unfinished.
        const runs = Array.from({ length: 95 }, (_, i) =>
          flowRun(`r${String(i).padStart(3, "0")}`, {
            createdAt: Math.floor(i / 4),
            startTime: i % 3 === 0 ? null : 100,
            endTime: i % 3 === 0 ? null : 100 + (i % 7) * 10,
            flowName: i % 2 ? "odd" : "even",
            name: i % 5 ? "plain" : "special-run",
          }),
        );
        await store.write(batch({ flowRuns: runs }));
        const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
        const key = (id: string) => runs.find((r) => r.id === id)!;
        const dur = (id: string) => (key(id).endTime === null ? -Infinity : key(id).endTime! - key(id).startTime!);
        const expected = {
          newest: runs.map((r) => r.id).sort((a, b) => key(b).createdAt - key(a).createdAt || byId(b, a)),
          oldest: runs.map((r) => r.id).sort((a, b) => key(a).createdAt - key(b).createdAt || byId(a, b)),
          longest: runs.map((r) => r.id).sort((a, b) => (dur(b) === dur(a) ? byId(b, a) : dur(b) > dur(a) ? 1 : -1)),
        };
        for (const sort of ["newest", "oldest", "longest"] as const) {
          expect(await all({ sort, limit: 10 }), sort).toEqual(expected[sort]);
          expect(await all({ sort, limit: 7, flowName: "odd" }), sort).toEqual(expected[sort].filter((id) => key(id).flowName === "odd"));
          expect(await all({ sort, limit: 3, text: "SPECIAL" }), sort).toEqual(expected[sort].filter((id) => key(id).name === "special-run"));
        }
      });

      it("refuses a cursor made for another sort", async () => {
        await store.write(batch({ flowRuns: Array.from({ length: 3 }, (_, i) => flowRun(`r${i}`, { createdAt: i, startTime: 0, endTime: i })) }));
        const longest = await store.listFlowRuns({ sort: "longest", limit: 1 });
        const newest = await store.listFlowRuns({ limit: 1 });
        await expect(store.listFlowRuns({ cursor: longest.nextCursor })).rejects.toThrow(/cursor/);
        await expect(store.listFlowRuns({ sort: "longest", cursor: newest.nextCursor })).rejects.toThrow(/cursor/);
      });
    });

    describe("listRunFlowNames", () => {
      it("lists each flow name with runs once, sorted", async () => {
        expect(await store.listRunFlowNames()).toEqual([]);
        await store.write(
          batch({
            flowRuns: [flowRun("a", { flowName: "zeta" }), flowRun("b", { flowName: "alpha" }), flowRun("c", { flowName: "zeta" }), flowRun("d", { flowName: "mid", parentFlowRunId: "a" })],
          }),
        );
        expect(await store.listRunFlowNames()).toEqual(["alpha", "mid", "zeta"]);
      });
    });

    describe("listLogs paging back and totals", () => {
      const messages = (page: { items: { message: string }[] }) => page.items.map((l) => l.message);
      const seed = () => store.write(batch({ logs: Array.from({ length: 25 }, (_, i) => log(`m${i}`, { flowRunId: i % 2 ? "odd" : "even", level: i % 5 ? 20 : 40 })) }));

      it("gives the last lines with tail, ascending, and pages back with prevCursor", async () => {
        await seed();
        const tail = await store.listLogs({ tail: true, limit: 10 });
        expect(messages(tail)).toEqual(Array.from({ length: 10 }, (_, i) => `m${15 + i}`));
        expect(tail.nextCursor).toBeNull();
        expect(tail.prevCursor).toBe(String(tail.items[0]!.id));
        const older = await store.listLogs({ beforeId: Number(tail.prevCursor), limit: 10 });
        expect(messages(older)).toEqual(Array.from({ length: 10 }, (_, i) => `m${5 + i}`));
        expect(older.nextCursor).toBe(String(older.items.at(-1)!.id));
        const oldest = await store.listLogs({ beforeId: Number(older.prevCursor), limit: 10 });
        expect(messages(oldest)).toEqual(["m0", "m1", "m2", "m3", "m4"]);
        expect(oldest.prevCursor).toBeNull();
        // Forward again from a backward page's nextCursor.
        expect(messages(await store.listLogs({ cursor: older.nextCursor, limit: 3 }))).toEqual(["m15", "m16", "m17"]);
      });

      it("pages back within filters, and tail and beforeId agree", async () => {
        await seed();
        const tail = await store.listLogs({ flowRunId: "odd", minLevel: 20, tail: true, limit: 4 });
        expect(messages(tail)).toEqual(["m17", "m19", "m21", "m23"]);
        const back = await store.listLogs({ flowRunId: "odd", beforeId: Number(tail.prevCursor), tail: true, limit: 4 });
        expect(messages(back)).toEqual(["m9", "m11", "m13", "m15"]);
        const errors = await store.listLogs({ minLevel: 40, tail: true, limit: 2 });
        expect(messages(errors)).toEqual(["m15", "m20"]);
        expect(messages(await store.listLogs({ minLevel: 40, beforeId: Number(errors.prevCursor) }))).toEqual(["m0", "m5", "m10"]);
        expect(await store.listLogs({ flowRunId: "nobody", tail: true, withTotal: true })).toEqual({ items: [], nextCursor: null, prevCursor: null, total: 0 });
      });

      it("gives forward pages a prevCursor when older lines match, and keeps the old nextCursor rule", async () => {
        await seed();
        const first = await store.listLogs({ limit: 10 });
        expect(first.prevCursor).toBeNull();
        const second = await store.listLogs({ limit: 10, cursor: first.nextCursor });
        expect(second.prevCursor).toBe(String(second.items[0]!.id));
        expect(messages(await store.listLogs({ beforeId: Number(second.prevCursor), limit: 3 }))).toEqual(["m7", "m8", "m9"]);
        const last = await store.listLogs({ limit: 10, cursor: String(first.items[4]!.id) });
        expect(messages(last)[0]).toBe("m5");
        const caughtUp = await store.listLogs({ cursor: String(Number.MAX_SAFE_INTEGER - 1) });
        expect(caughtUp.items).toEqual([]);
        expect(caughtUp.prevCursor).toBe(String(Number.MAX_SAFE_INTEGER));
        // Lines between a cursor and beforeId.
        expect(messages(await store.listLogs({ cursor: String(first.items[1]!.id), beforeId: first.items[5]!.id }))).toEqual(["m2", "m3", "m4"]);
      });

      it("counts every line matching the filters, whatever the cursors, only when asked", async () => {
        await seed();
        expect((await store.listLogs({ limit: 5 })).total).toBeUndefined();
        expect((await store.listLogs({ limit: 5, withTotal: true })).total).toBe(25);
        const page = await store.listLogs({ flowRunId: "even", minLevel: 40, withTotal: true, tail: true, limit: 1 });
        expect(page).toMatchObject({ total: 3, items: [{ message: "m20" }] });
        expect((await store.listLogs({ text: "M1", cursor: String(page.items[0]!.id), withTotal: true })).total).toBe(11);
      });
    });
  });
}
