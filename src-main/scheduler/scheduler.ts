/**
 * The scheduler: plans each active schedule's next slots ahead as SCHEDULED runs,
 * marks late ones, applies catch-up after downtime and overlap policies, and
 * starts each slot when due. Every step is a compare-and-set on the slot in the
 * store, so a slot fires at most once even with two schedulers on one history
 * or a restart in the middle of anything.
 */
import { newId } from "../../shared/sdk/names.ts";
import type { FlowPolicyRecord, ScheduleRecord, ScheduleRunner, SlotStatus } from "../../shared/schedule/records.ts";
import { concurrencyCap } from "../../shared/schedule/spec.ts";
import { nextSlots, slotsBetween } from "../../shared/schedule/timing.ts";
import type { AutomationStore, DueSlot } from "../../shared/store/automation-types.ts";
import { slotsToCatchUp } from "./catch-up.ts";
import { realClock, type Clock } from "./clock.ts";
import { slotRun, slotRunChange } from "./slot-run.ts";

export interface SchedulerOptions {
  store: AutomationStore;
  runner: ScheduleRunner;
  /** serve(): only this script's schedules. */
  file?: string;
  /** Starts a slot's run with the slot's run id; resolves once the run is recorded. */
  launch(slot: DueSlot): Promise<void>;
  clock?: Clock;
  /** A slot not started this long after its time is Late. Default 60 s. */
  graceMs?: number;
  /** How many upcoming slots each schedule keeps planned. Default 3. */
  ahead?: number;
  /** The longest the scheduler sleeps, so it notices a machine that slept. Default 15 s. */
  maxSleepMs?: number;
  /** A 'starting' slot older than this whose run never got recorded was claimed by a process that died. Default 30 s. */
  staleClaimMs?: number;
  onError?(error: unknown): void;
  /** Called when a slot is due within a few seconds, to get ready to start it (a warm worker). */
  prepare?(): void;
}

const UNSTARTED: readonly SlotStatus[] = ["scheduled", "late"];
const BATCH = 1000;
/**
 * The store answers synchronously, so a pass over thousands of schedules would never let
 * the host's HTTP server or IPC run; it steps aside to the event loop this often.
 */
const YIELD_EVERY = 50;
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** How long before a slot the launcher is asked to get ready: a worker starts in well under this. */
const PREPARE_MS = 5000;

export class Scheduler {
  readonly #o: Required<Omit<SchedulerOptions, "file" | "onError" | "prepare">> & Pick<SchedulerOptions, "file" | "onError" | "prepare">;
  #timer: { cancel(): void } | undefined;
  #ticking: Promise<void> | undefined;
  #again = false;
  #stopped = true;
  /** Slots due before this minus grace were missed while no scheduler ran: catch-up decides them. */
  #awakeSince = 0;
  #lastTick = 0;
  #queued = false;
  #claimCheckAt: number | null = null;

  constructor(options: SchedulerOptions) {
    this.#o = { clock: realClock, graceMs: 60_000, ahead: 3, maxSleepMs: 15_000, staleClaimMs: 30_000, ...options };
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#awakeSince = this.#o.clock.now();
    this.poke();
  }

  /** Stops timers and waits for a tick in progress; a slot mid-start finishes starting. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#timer?.cancel();
    this.#timer = undefined;
    await this.#ticking;
  }

  /** Something changed (a schedule, a policy, a run ended): tick soon. */
  poke(): void {
    if (this.#stopped) return;
    if (this.#ticking) {
      this.#again = true;
      return;
    }
    this.#arm(0);
  }

  /** A run ended, maybe: only worth a pass when slots are waiting for one. */
  pokeIfQueued(): void {
    if (this.#queued) this.poke();
  }

  /** Resolves when no pass is in progress (tests wait on it after firing a timer). */
  async settled(): Promise<void> {
    while (this.#ticking) await this.#ticking;
  }

  /** One pass; exposed so tests drive the scheduler with their own clock. */
  async tick(): Promise<void> {
    if (this.#ticking) {
      this.#again = true;
      return this.#ticking;
    }
    this.#ticking = this.#pass().finally(() => {
      this.#ticking = undefined;
    });
    return this.#ticking;
  }

  async #pass(): Promise<void> {
    do {
      this.#again = false;
      const now = this.#o.clock.now();
      // A gap longer than we ever sleep means the machine slept: what fell due meanwhile was missed.
      if (this.#lastTick !== 0 && now - this.#lastTick > this.#o.maxSleepMs + this.#o.graceMs) this.#awakeSince = now;
      this.#lastTick = now;
      let queued = false;
      try {
        await this.#recoverClaims(now);
        await this.#plan(now);
        await this.#catchUp(now);
        await this.#markLate(now);
        queued = await this.#startDue(now);
      } catch (error) {
        this.#o.onError?.(error);
      }
      this.#queued = queued;
      if (!this.#again && !this.#stopped) await this.#armNext(queued);
    } while (this.#again && !this.#stopped);
  }

  async #armNext(queued: boolean): Promise<void> {
    const now = this.#o.clock.now();
    let wait = this.#o.maxSleepMs;
    try {
      const next = await this.#o.store.nextSlotTime(this.#o.runner, this.#o.file, now);
      if (next !== null) {
        wait = Math.min(wait, Math.max(0, next - now));
        // Wake a little early to get the launcher ready, then again on time.
        if (next - now > PREPARE_MS) wait = Math.min(wait, next - now - PREPARE_MS);
        else this.#o.prepare?.();
      }
    } catch (error) {
      this.#o.onError?.(error);
    }
    // Queued slots wait for a run to end (poke), with a slow retry as a backstop.
    if (queued) wait = Math.min(wait, 1000);
    if (this.#claimCheckAt !== null) wait = Math.min(wait, Math.max(0, this.#claimCheckAt - now));
    this.#arm(wait);
  }

  #arm(ms: number): void {
    this.#timer?.cancel();
    this.#timer = this.#o.clock.setTimer(() => {
      this.#timer = undefined;
      void this.tick();
    }, ms);
  }

  /** A claim whose run never got recorded, by a process that is gone: the slot never fired, so it is due again. */
  async #recoverClaims(now: number): Promise<void> {
    const { store, runner, file } = this.#o;
    const claimed = await store.listSlots({ runner, statuses: ["starting"], limit: BATCH, ...(file === undefined ? {} : { file }) });
    this.#claimCheckAt = null;
    for (const slot of claimed) {
      const staleAt = slot.updatedAt + this.#o.staleClaimMs;
      if (now < staleAt) {
        // Maybe its process died: look again once the claim is stale.
        this.#claimCheckAt = Math.min(this.#claimCheckAt ?? staleAt, staleAt);
        continue;
      }
      const recorded = await store.runStateOf(slot.runId);
      if (recorded === "SCHEDULED") await store.transitionSlot(slot, ["starting"], "scheduled", null, now);
      else await store.transitionSlot(slot, ["starting"], "started", null, now);
    }
  }

  async #plan(now: number): Promise<void> {
    const { store, runner, file } = this.#o;
    for (;;) {
      const due = await store.schedulesToPlan(runner, now, BATCH, file);
      for (const [i, schedule] of due.entries()) {
        await this.#planOne(schedule, now);
        if (i % YIELD_EVERY === YIELD_EVERY - 1) await breathe();
      }
      if (due.length < BATCH) return;
    }
  }

  async #planOne(schedule: ScheduleRecord, now: number): Promise<void> {
    const { ahead, graceMs } = this.#o;
    const lateLine = now - graceMs;
    const slots: Array<{ slotTime: number; status: "scheduled" | "late"; run: ReturnType<typeof slotRun> }> = [];
    // Slots between the last planned one and the grace line were never planned: nothing ran while they fell due.
    if (schedule.plannedUntil < lateLine) {
      const keep = slotsToCatchUp(newestSlots(schedule, schedule.plannedUntil, lateLine, keepCount(schedule)), schedule.catchUp, schedule.maxCatchUp);
      for (const t of keep) slots.push({ slotTime: t, status: "late", run: slotRun(schedule, t, newId(), "Late", missedMessage(schedule, t)) });
    }
    const from = Math.max(schedule.plannedUntil, lateLine);
    // Slots already planned ahead; croner in a named zone costs ~0.1 ms a call, so they are computed once.
    const planned = schedule.plannedUntil > now ? slotsBetween(schedule.timing, now, schedule.plannedUntil, ahead) : [];
    const fresh = planned.length < ahead ? nextSlots(schedule.timing, from, ahead - planned.length) : [];
    for (const t of fresh) slots.push({ slotTime: t, status: "scheduled", run: slotRun(schedule, t, newId(), "Scheduled", null) });
    const upcoming = [...planned.slice(0, 1), ...fresh.filter((t) => t > now)];
    const plannedUntil = Math.max(lateLine, schedule.plannedUntil, ...fresh);
    await this.#o.store.planSlots(schedule.id, slots, plannedUntil, upcoming.length ? Math.min(...upcoming) : null);
  }

  /** Planned slots that fell due while no scheduler was awake: the schedule's catch-up policy decides. */
  async #catchUp(now: number): Promise<void> {
    const { store, runner, file, graceMs } = this.#o;
    const missedBefore = this.#awakeSince - graceMs;
    const missed = await store.listSlots({ runner, statuses: UNSTARTED, until: missedBefore - 1, limit: 100_000, ...(file === undefined ? {} : { file }) });
    const bySchedule = new Map<string, DueSlot[]>();
    for (const slot of missed) bySchedule.set(slot.scheduleId, [...(bySchedule.get(slot.scheduleId) ?? []), slot]);
    for (const slots of bySchedule.values()) {
      const schedule = slots[0]!.schedule;
      const keep = new Set(slotsToCatchUp(slots.map((s) => s.slotTime), schedule.catchUp, schedule.maxCatchUp));
      for (const slot of slots) {
        if (keep.has(slot.slotTime)) continue;
        const run = slotRun(schedule, slot.slotTime, slot.runId, slot.status === "late" ? "Late" : "Scheduled", null);
        const message = `Skipped: missed at ${iso(slot.slotTime)} while no scheduler was running (catch-up: ${schedule.catchUp})`;
        await store.transitionSlot(slot, UNSTARTED, "skipped", slotRunChange(run, "CANCELLED", "Skipped", message, now), now);
      }
    }
  }

  async #markLate(now: number): Promise<void> {
    const { store, runner, file, graceMs } = this.#o;
    const overdue = await store.listSlots({ runner, statuses: ["scheduled"], until: now - graceMs - 1, limit: BATCH, ...(file === undefined ? {} : { file }) });
    for (const [i, slot] of overdue.entries()) {
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await breathe();
      const run = slotRun(slot.schedule, slot.slotTime, slot.runId, "Scheduled", null);
      const message = `Late: due at ${iso(slot.slotTime)}, not started within ${Math.round(graceMs / 1000)} s`;
      await store.transitionSlot(slot, ["scheduled"], "late", slotRunChange(run, "SCHEDULED", "Late", message, now), now);
    }
  }

  /** Starts due slots, oldest first, as each flow's overlap policy allows. True when some wait their turn. */
  async #startDue(now: number): Promise<boolean> {
    const { store, runner, file } = this.#o;
    const due = await store.listSlots({ runner, statuses: UNSTARTED, until: now, limit: BATCH, ...(file === undefined ? {} : { file }) });
    const active = new Map<string, number>();
    const policies = new Map<string, FlowPolicyRecord>();
    let queued = false;
    for (const [i, slot] of due.entries()) {
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await breathe();
      const flowName = slot.schedule.flowName;
      const policy = policies.get(flowName) ?? (await store.getFlowPolicy(flowName));
      policies.set(flowName, policy);
      const running = active.get(flowName) ?? (await store.countActiveRuns(flowName));
      if (running >= concurrencyCap(policy)) {
        // Late slots kept by catch-up wait their turn: "run all missed" must not turn into "skip all but one".
        if (policy.overlap === "skip" && slot.status !== "late") {
          const run = slotRun(slot.schedule, slot.slotTime, slot.runId, "Scheduled", null);
          const message = `Skipped: flow '${flowName}' still had ${running} run(s) going (overlap: skip)`;
          await store.transitionSlot(slot, UNSTARTED, "skipped", slotRunChange(run, "CANCELLED", "Skipped", message, now), now);
        } else queued = true;
        active.set(flowName, running);
        continue;
      }
      if (!(await store.transitionSlot(slot, UNSTARTED, "starting", null, now))) continue;
      active.set(flowName, running + 1);
      await this.#launch(slot);
    }
    return queued;
  }

  async #launch(slot: DueSlot): Promise<void> {
    const { store, clock } = this.#o;
    try {
      await this.#o.launch(slot);
      await store.transitionSlot(slot, ["starting"], "started", null, clock.now());
    } catch (error) {
      const at = clock.now();
      const run = slotRun(slot.schedule, slot.slotTime, slot.runId, "Scheduled", null);
      const message = `Could not start: ${error instanceof Error ? error.message : String(error)}`;
      await store.transitionSlot(slot, ["starting"], "failed", slotRunChange(run, "FAILED", "Failed", message, at), at);
      this.#o.onError?.(error);
    }
  }
}

function keepCount(schedule: ScheduleRecord): number {
  return schedule.catchUp === "skip" ? 0 : schedule.catchUp === "latest" ? 1 : Math.max(1, schedule.maxCatchUp);
}

/** The newest `count` slots in (after, until], without listing every slot of a long gap at once. */
function newestSlots(schedule: ScheduleRecord, after: number, until: number, count: number): number[] {
  if (count === 0) return [];
  const timing = schedule.timing;
  if (timing.kind === "interval") {
    const last = timing.anchor + Math.floor((until - timing.anchor) / timing.everyMs) * timing.everyMs;
    const out: number[] = [];
    for (let t = last; t > after && out.length < count; t -= timing.everyMs) if (t >= timing.anchor) out.unshift(t);
    return out;
  }
  let tail: number[] = [];
  let from = after;
  for (;;) {
    const chunk = slotsBetween(timing, from, until, BATCH);
    tail = [...tail, ...chunk].slice(-count);
    if (chunk.length < BATCH) return tail;
    from = chunk.at(-1)!;
  }
}

function missedMessage(schedule: ScheduleRecord, t: number): string {
  return `Late: missed at ${iso(t)} while no scheduler was running; catch-up '${schedule.catchUp}' runs it now`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
