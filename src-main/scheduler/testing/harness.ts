/**
 * A scheduler on a real SQLite file with a fake clock and a launcher that records
 * what it starts, for tests. Runs it starts are RUNNING until finished (or finish at once).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ScheduleSpec } from "../../../shared/schedule/spec.ts";
import type { AutomationStore, DueSlot } from "../../../shared/store/automation-types.ts";
import { emptyBatch, type FlowRunRecord } from "../../../shared/store/types.ts";
import { openSqliteStore } from "../../store/sqlite/index.ts";
import type { SqliteStore } from "../../store/sqlite/store.ts";
import { buildSchedule } from "../definitions.ts";
import { Scheduler, type SchedulerOptions } from "../scheduler.ts";
import { FakeClock } from "./fake-clock.ts";

export interface Launch {
  scheduleId: string;
  slotTime: number;
  runId: string;
  at: number;
}

export interface Harness {
  dir: string;
  store: SqliteStore;
  automations: AutomationStore;
  clock: FakeClock;
  launches: Launch[];
  errors: unknown[];
  /** Finish each started run at once (true) or leave it RUNNING until finish() (false). */
  autoComplete: boolean;
  scheduler: Scheduler;
  /** A new scheduler on the same store, as after a restart; the old one is dropped, not stopped, like a crash. */
  restart(options?: Partial<SchedulerOptions>): Scheduler;
  addSchedule(spec: ScheduleSpec, flowName?: string): Promise<string>;
  finish(runId: string, at?: number): Promise<void>;
  run(runId: string): Promise<FlowRunRecord | undefined>;
  close(): void;
}

export async function createHarness(start: number, options: Partial<SchedulerOptions> = {}, dir = mkdtempSync(join(tmpdir(), "fb-sched-"))): Promise<Harness> {
  const store = openSqliteStore(join(dir, "flowbench.db"));
  const automations = store.automations();
  const clock = new FakeClock(start);
  const launches: Launch[] = [];
  const errors: unknown[] = [];

  const launch = async (slot: DueSlot): Promise<void> => {
    launches.push({ scheduleId: slot.scheduleId, slotTime: slot.slotTime, runId: slot.runId, at: clock.now() });
    const run = (await store.getFlowRun(slot.runId))!;
    const started: FlowRunRecord = { ...run, stateType: "RUNNING", stateName: "Running", stateMessage: null, startTime: clock.now(), runCount: 1 };
    store.write({ ...emptyBatch(), flowRuns: [started] });
    if (h.autoComplete) await h.finish(slot.runId);
  };

  const make = (extra: Partial<SchedulerOptions>): Scheduler => {
    // A fake clock never sleeps through anything, so waking every 15 s to notice a sleeping machine is wasted work here.
    const scheduler = new Scheduler({ store: automations, runner: "host", clock, launch, onError: (e) => errors.push(e), maxSleepMs: 6 * 3_600_000, ...options, ...extra });
    clock.settle = () => scheduler.settled();
    scheduler.start();
    return scheduler;
  };

  const h: Harness = {
    dir,
    store,
    automations,
    clock,
    launches,
    errors,
    autoComplete: true,
    scheduler: make({}),
    restart(extra = {}) {
      clock.dropAll();
      h.scheduler = make(extra);
      return h.scheduler;
    },
    async addSchedule(spec, flowName = "f") {
      const record = buildSchedule(spec, { flowName, flowId: flowName, file: null, runner: "host", params: null }, clock.now());
      await automations.putSchedule(record, clock.now());
      h.scheduler.poke();
      return record.id;
    },
    async finish(runId, at = clock.now()) {
      const run = (await store.getFlowRun(runId))!;
      store.write({ ...emptyBatch(), flowRuns: [{ ...run, stateType: "COMPLETED", stateName: "Completed", endTime: at }] });
      h.scheduler.pokeIfQueued();
    },
    run: (runId) => store.getFlowRun(runId),
    close: () => store.close(),
  };
  return h;
}
