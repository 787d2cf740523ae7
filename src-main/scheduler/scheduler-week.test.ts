/**
 * 1,000 schedules over a simulated week with three host restarts: an immediate one, a crash
 * between claiming a slot and recording its run, and two hours of downtime. Every slot must
 * start exactly once, checked against slots computed here without croner.
 */
import { afterEach, expect, it } from "vitest";
import type { ScheduleSpec } from "../../shared/schedule/spec.ts";
import { createHarness, type Harness } from "./testing/harness.ts";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 5, 1); // a week without DST changes in these zones
const END = T0 + 7 * DAY;
const COUNT = Number(process.env.FLOWBENCH_WEEK_SCHEDULES ?? 1000);
const ZONES = ["UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo", "Asia/Kolkata"];

let h: Harness | undefined;
afterEach(async () => {
  await h?.scheduler.stop();
  h?.close();
});

/** Small deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

/** The UTC offset of a zone at an instant, read from Intl's wall-clock parts. */
function offsetMs(zone: string, at: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!) - Math.floor(at / MIN) * MIN;
}

interface Case {
  spec: ScheduleSpec;
  expected: number[];
}

function makeCases(): Case[] {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const inWeek = (t: number) => t > T0 && t <= END;
  const cases: Case[] = [];
  for (let i = 0; i < COUNT; i++) {
    const kind = i % 20;
    if (kind < 1) {
      const m = Math.floor(rnd() * 60);
      const expected = Array.from({ length: 7 * 24 + 1 }, (_, k) => T0 + k * HOUR + m * MIN).filter(inWeek);
      cases.push({ spec: { cron: `${m} * * * *`, timezone: "UTC", catchUp: "all", maxCatchUp: 10 }, expected });
    } else if (kind < 8) {
      const [m, hr, zone] = [Math.floor(rnd() * 60), Math.floor(rnd() * 24), pick(ZONES)];
      const expected: number[] = [];
      for (let d = -1; d <= 7; d++) {
        const wall = T0 + d * DAY + hr * HOUR + m * MIN;
        expected.push(wall - offsetMs(zone, wall));
      }
      cases.push({ spec: { cron: `${m} ${hr} * * *`, timezone: zone, catchUp: "all", maxCatchUp: 10 }, expected: expected.filter(inWeek) });
    } else if (kind < 16) {
      const every = pick([180, 360, 720, 1440]) * MIN;
      const anchor = T0 - Math.floor(rnd() * 1440) * MIN;
      const expected: number[] = [];
      for (let t = anchor; t <= END; t += every) if (inWeek(t)) expected.push(t);
      cases.push({ spec: { every, anchor, catchUp: "all", maxCatchUp: 10 }, expected });
    } else {
      const at = T0 + 1 + Math.floor(rnd() * (7 * DAY - 1) / MIN) * MIN;
      cases.push({ spec: { at, catchUp: "all" }, expected: [at] });
    }
  }
  return cases;
}

it("1,000 schedules over a week with restarts: every slot starts exactly once", { timeout: 600_000 }, async () => {
  const began = performance.now();
  const cases = makeCases();
  h = await createHarness(T0, { graceMs: MIN });
  await h.automations.setFlowPolicy({ flowName: "f", overlap: "parallel", maxConcurrentRuns: null }, T0);
  const ids: string[] = [];
  for (const c of cases) ids.push(await h.addSchedule(c.spec));

  // Day 2, 10:00: restart at once, as after a quick crash.
  await h.clock.runUntil(T0 + DAY + 10 * HOUR);
  h.restart();

  // Day 3: the host dies after claiming a slot, before its run is recorded.
  await h.clock.runUntil(T0 + 2 * DAY + 7 * HOUR);
  let hung = false;
  let markHung!: () => void;
  const hangs = new Promise<void>((resolve) => (markHung = resolve));
  const dying = h.restart({
    launch: async () => {
      hung = true;
      markHung();
      await new Promise(() => undefined);
    },
  });
  // Its pass never ends: stop waiting for it once it is stuck, as a dead process would be.
  h.clock.settle = () => Promise.race([dying.settled(), hangs]);
  await h.clock.runUntil(T0 + 2 * DAY + 9 * HOUR);
  expect(hung).toBe(true);
  h.restart();

  // Day 5: the machine is off from 03:00 to 05:00; catch-up "all" runs what it missed.
  await h.clock.runUntil(T0 + 4 * DAY + 3 * HOUR);
  await h.scheduler.stop();
  h.clock.dropAll();
  h.clock.time = T0 + 4 * DAY + 5 * HOUR;
  h.restart();
  await h.clock.runUntil(END);
  await h.scheduler.stop();

  expect(h.errors).toEqual([]);
  const started = new Map<string, number[]>();
  for (const l of h.launches) started.set(l.scheduleId, [...(started.get(l.scheduleId) ?? []), l.slotTime]);
  let total = 0;
  cases.forEach((c, i) => {
    const got = (started.get(ids[i]!) ?? []).sort((a, b) => a - b);
    total += c.expected.length;
    expect({ spec: c.spec, slots: got.map((t) => new Date(t).toISOString()) }).toEqual({ spec: c.spec, slots: c.expected.map((t) => new Date(t).toISOString()) });
  });
  expect(h.launches).toHaveLength(total);
  console.log(`${COUNT} schedules, ${total} slots started exactly once in ${Math.round(performance.now() - began)} ms`);
  // Slots that fell in the downtime started late, after the machine came back.
  const lateStarts = h.launches.filter((l) => l.at > l.slotTime + MIN);
  expect(lateStarts.length).toBeGreaterThan(0);
  // Only slots that fell due while the host was stuck (day 3, 07:00–09:00) or off (day 5, 03:00–05:00) started late.
  const down = (t: number) => (t > T0 + 2 * DAY + 7 * HOUR && t <= T0 + 2 * DAY + 9 * HOUR) || (t > T0 + 4 * DAY + 3 * HOUR && t <= T0 + 4 * DAY + 5 * HOUR);
  expect(lateStarts.filter((l) => !down(l.slotTime))).toEqual([]);
});
