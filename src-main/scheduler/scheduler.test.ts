import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./testing/harness.ts";

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 5, 1, 0, 0, 0); // Monday 2026-06-01 00:00Z

let h: Harness | undefined;
afterEach(async () => {
  await h?.scheduler.stop();
  h?.close();
  h = undefined;
});

const iso = (ms: number) => new Date(ms).toISOString();
const slotsOf = (harness: Harness, id?: string) => harness.launches.filter((l) => id === undefined || l.scheduleId === id).map((l) => iso(l.slotTime));

describe("scheduler with an injected clock", () => {
  it("plans the next slots ahead as SCHEDULED runs and starts each on time", async () => {
    h = await createHarness(T0);
    const id = await h.addSchedule({ every: "15m", anchor: T0 });
    await h.clock.runUntil(T0 + 1);
    const upcoming = await h.store.listFlowRuns({ states: ["SCHEDULED"], sort: "oldest" });
    expect(upcoming.items.map((r) => iso(r.createdAt))).toEqual([iso(T0 + 15 * MIN), iso(T0 + 30 * MIN), iso(T0 + 45 * MIN)]);
    expect(upcoming.items[0]!.stateName).toBe("Scheduled");
    await h.clock.runUntil(T0 + HOUR);
    expect(slotsOf(h, id)).toEqual([iso(T0 + 15 * MIN), iso(T0 + 30 * MIN), iso(T0 + 45 * MIN), iso(T0 + HOUR)]);
    expect(h.launches.every((l) => l.at === l.slotTime)).toBe(true);
    expect((await h.run(h.launches[0]!.runId))?.stateType).toBe("COMPLETED");
    expect(h.errors).toEqual([]);
  });

  it("runs a one-off date once and then has nothing left to plan", async () => {
    h = await createHarness(T0);
    await h.addSchedule({ at: T0 + 90 * MIN });
    await h.clock.runUntil(T0 + 48 * HOUR);
    expect(slotsOf(h)).toEqual([iso(T0 + 90 * MIN)]);
    expect(await h.automations.schedulesToPlan("host", h.clock.now(), 10)).toEqual([]);
  });

  it("follows a cron in its time zone", async () => {
    h = await createHarness(T0);
    await h.addSchedule({ cron: "0 9 * * 1-5", timezone: "Europe/Paris" });
    await h.clock.runUntil(T0 + 7 * 24 * HOUR);
    // June: Paris is UTC+2, so 09:00 is 07:00Z on Monday to Friday.
    expect(slotsOf(h)).toEqual(["2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04", "2026-06-05"].map((d) => `${d}T07:00:00.000Z`));
  });

  it("marks a slot Late once the grace period passes without a start, and still runs it (overlap: queue)", async () => {
    h = await createHarness(T0, { graceMs: 5 * MIN });
    h.autoComplete = false;
    await h.automations.setFlowPolicy({ flowName: "f", overlap: "queue", maxConcurrentRuns: null }, T0);
    await h.addSchedule({ every: "10m", anchor: T0 });
    await h.clock.runUntil(T0 + 10 * MIN);
    const first = h.launches[0]!;
    await h.clock.runUntil(T0 + 26 * MIN);
    // The 20-minute slot waits behind the first run and is Late after 5 minutes.
    expect(h.launches).toHaveLength(1);
    const waiting = (await h.store.listFlowRuns({ states: ["SCHEDULED"], sort: "oldest" })).items[0]!;
    expect([iso(waiting.createdAt), waiting.stateName]).toEqual([iso(T0 + 20 * MIN), "Late"]);
    expect((await h.store.listStates(waiting.id)).map((s) => s.name)).toEqual(["Scheduled", "Late"]);
    await h.finish(first.runId);
    await h.clock.runUntil(T0 + 27 * MIN);
    expect(h.launches.map((l) => iso(l.slotTime))).toEqual([iso(T0 + 10 * MIN), iso(T0 + 20 * MIN)]);
  });
});

describe("overlap policies", () => {
  it("skip: a slot due while the flow still runs is recorded as Skipped", async () => {
    h = await createHarness(T0);
    h.autoComplete = false;
    await h.addSchedule({ every: "10m", anchor: T0 });
    await h.clock.runUntil(T0 + 21 * MIN);
    expect(h.launches).toHaveLength(1);
    const skipped = (await h.store.listFlowRuns({ states: ["CANCELLED"] })).items;
    expect(skipped.map((r) => [iso(r.createdAt), r.stateName])).toEqual([[iso(T0 + 20 * MIN), "Skipped"]]);
    expect(skipped[0]!.stateMessage).toContain("overlap: skip");
  });

  it("queue: slots wait their turn, one run at a time, and none is lost", async () => {
    h = await createHarness(T0, { graceMs: HOUR });
    h.autoComplete = false;
    await h.automations.setFlowPolicy({ flowName: "f", overlap: "queue", maxConcurrentRuns: null }, T0);
    await h.addSchedule({ every: "10m", anchor: T0 });
    await h.clock.runUntil(T0 + 35 * MIN);
    expect(h.launches).toHaveLength(1);
    for (let i = 0; i < 3; i++) {
      await h.finish(h.launches.at(-1)!.runId);
      await h.clock.runUntil(h.clock.now() + 1000);
    }
    expect(slotsOf(h)).toEqual([10, 20, 30].map((m) => iso(T0 + m * MIN)));
    await h.finish(h.launches.at(-1)!.runId);
    await h.clock.runUntil(T0 + 40 * MIN);
    expect(slotsOf(h)).toEqual([10, 20, 30, 40].map((m) => iso(T0 + m * MIN)));
  });

  it("parallel with maxConcurrentRuns 2: two run at once, the third waits", async () => {
    h = await createHarness(T0, { graceMs: HOUR });
    h.autoComplete = false;
    await h.automations.setFlowPolicy({ flowName: "f", overlap: "parallel", maxConcurrentRuns: 2 }, T0);
    await h.addSchedule({ every: "10m", anchor: T0 });
    await h.clock.runUntil(T0 + 30 * MIN);
    expect(slotsOf(h)).toEqual([iso(T0 + 10 * MIN), iso(T0 + 20 * MIN)]);
    await h.finish(h.launches[0]!.runId);
    await h.clock.runUntil(T0 + 30 * MIN + 1000);
    expect(slotsOf(h)).toEqual([10, 20, 30].map((m) => iso(T0 + m * MIN)));
  });

  it("parallel without a cap runs every slot", async () => {
    h = await createHarness(T0);
    h.autoComplete = false;
    await h.automations.setFlowPolicy({ flowName: "f", overlap: "parallel", maxConcurrentRuns: null }, T0);
    await h.addSchedule({ every: "10m", anchor: T0 });
    await h.clock.runUntil(T0 + 50 * MIN);
    expect(h.launches).toHaveLength(5);
  });
});

describe("catch-up after downtime", () => {
  async function downFiveHours(catchUp: "skip" | "latest" | "all", maxCatchUp?: number) {
    h = await createHarness(T0);
    const id = await h.addSchedule({ cron: "0 * * * *", timezone: "UTC", catchUp, ...(maxCatchUp ? { maxCatchUp } : {}) });
    await h.clock.runUntil(T0 + HOUR + MIN);
    expect(slotsOf(h, id)).toEqual([iso(T0 + HOUR)]);
    // The app is closed from 01:01 to 06:30: slots 02:00 to 06:00 were missed (3 of them already planned).
    await h.scheduler.stop();
    h.clock.dropAll();
    h.clock.time = T0 + 6.5 * HOUR;
    h.restart();
    await h.clock.runUntil(T0 + 6.5 * HOUR + 1000);
    return id;
  }

  it("skip runs none of the missed slots and records the planned ones as Skipped", async () => {
    const id = await downFiveHours("skip");
    expect(slotsOf(h!, id)).toEqual([iso(T0 + HOUR)]);
    const skipped = (await h!.store.listFlowRuns({ states: ["CANCELLED"], sort: "oldest" })).items;
    expect(skipped.map((r) => [iso(r.createdAt), r.stateName])).toEqual([2, 3, 4].map((n) => [iso(T0 + n * HOUR), "Skipped"]));
    await h!.clock.runUntil(T0 + 7 * HOUR);
    expect(slotsOf(h!, id)).toEqual([iso(T0 + HOUR), iso(T0 + 7 * HOUR)]);
  });

  it("latest runs the newest missed slot once, at once", async () => {
    const id = await downFiveHours("latest");
    expect(slotsOf(h!, id)).toEqual([iso(T0 + HOUR), iso(T0 + 6 * HOUR)]);
    const late = await h!.run(h!.launches[1]!.runId);
    expect((await h!.store.listStates(late!.id)).map((s) => s.name)).toContain("Late");
  });

  it("all runs every missed slot, oldest first, bounded by maxCatchUp", async () => {
    const id = await downFiveHours("all", 3);
    expect(slotsOf(h!, id)).toEqual([1, 4, 5, 6].map((n) => iso(T0 + n * HOUR)));
    const all = await downFiveHours("all", 10);
    expect(slotsOf(h!, all)).toEqual([1, 2, 3, 4, 5, 6].map((n) => iso(T0 + n * HOUR)));
  });
});

describe("pausing and editing", () => {
  it("pausing drops the upcoming SCHEDULED runs and resuming plans from now, without the paused slots", async () => {
    h = await createHarness(T0);
    const id = await h.addSchedule({ every: "10m", anchor: T0 });
    await h.clock.runUntil(T0 + MIN);
    expect((await h.store.listFlowRuns({ states: ["SCHEDULED"] })).items).toHaveLength(3);
    await h.automations.setScheduleActive(id, false, h.clock.now());
    expect((await h.store.listFlowRuns({ states: ["SCHEDULED"] })).items).toHaveLength(0);
    await h.clock.runUntil(T0 + HOUR);
    expect(h.launches).toHaveLength(0);
    await h.automations.setScheduleActive(id, true, h.clock.now());
    h.scheduler.poke();
    await h.clock.runUntil(T0 + 80 * MIN);
    expect(slotsOf(h, id)).toEqual([70, 80].map((m) => iso(T0 + m * MIN)));
  });

  it("a crash between claiming a slot and recording its run leaves the slot to run once after restart", async () => {
    h = await createHarness(T0, { staleClaimMs: 30_000 });
    const id = await h.addSchedule({ every: "10m", anchor: T0 });
    await h.clock.runUntil(T0 + 9 * MIN);
    // Claim the 10-minute slot as a scheduler would, then "die" before launching it.
    const [slot] = await h.automations.listSlots({ runner: "host", statuses: ["scheduled"], limit: 1 });
    expect(await h.automations.transitionSlot(slot!, ["scheduled"], "starting", null, T0 + 10 * MIN)).toBe(true);
    await h.scheduler.stop();
    h.clock.time = T0 + 10 * MIN + 5000;
    h.restart();
    await h.clock.runUntil(T0 + 10 * MIN + 20_000);
    expect(slotsOf(h, id)).toEqual([]);
    await h.clock.runUntil(T0 + 11 * MIN);
    expect(slotsOf(h, id)).toEqual([iso(T0 + 10 * MIN)]);
  });

  it("a crash after the run was recorded does not start the slot again", async () => {
    h = await createHarness(T0, { staleClaimMs: 30_000 });
    const id = await h.addSchedule({ every: "10m", anchor: T0 });
    await h.clock.runUntil(T0 + 9 * MIN);
    const [slot] = await h.automations.listSlots({ runner: "host", statuses: ["scheduled"], limit: 1 });
    await h.automations.transitionSlot(slot!, ["scheduled"], "starting", null, T0 + 10 * MIN);
    const run = (await h.run(slot!.runId))!;
    h.store.write({ flows: [], taskRuns: [], states: [], logs: [], results: [], cache: [], flowRuns: [{ ...run, stateType: "PENDING", stateName: "Pending" }] });
    await h.scheduler.stop();
    h.restart();
    await h.clock.runUntil(T0 + 15 * MIN);
    expect(slotsOf(h, id)).toEqual([]);
    const [after] = await h.automations.listSlots({ runner: "host", statuses: ["started"], limit: 5 });
    expect(after?.slotTime).toBe(T0 + 10 * MIN);
  });
});
