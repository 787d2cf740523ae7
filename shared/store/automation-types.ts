/**
 * What the scheduler, triggers and automations keep, behind an interface like
 * RunStore's, so SQLite stays an implementation detail (PostgreSQL later).
 */
import type {
  AutomationRecord,
  FiringRecord,
  FlowPolicyRecord,
  ScheduleRecord,
  ScheduleRunner,
  SlotRecord,
  SlotStatus,
  TriggerRecord,
} from "../schedule/records.ts";
import type { StateType } from "../sdk/states.ts";
import type { FlowRunRecord, WriteBatch } from "./types.ts";

export interface SlotKey {
  scheduleId: string;
  slotTime: number;
}

/** A due slot with what starting it needs. */
export interface DueSlot extends SlotRecord {
  schedule: ScheduleRecord;
}

export interface ScheduleFilter {
  flowName?: string;
  runner?: ScheduleRunner;
  /** serve() schedules of one script. */
  file?: string;
}

export interface AutomationStore {
  listSchedules(filter?: ScheduleFilter): Promise<ScheduleRecord[]>;
  getSchedule(id: string): Promise<ScheduleRecord | undefined>;
  /**
   * Inserts or replaces a schedule. When its timing or parameters changed, its
   * unstarted slots and their SCHEDULED runs go, and planning restarts from `now`.
   */
  putSchedule(record: ScheduleRecord, now: number): Promise<void>;
  /** The schedule, its unstarted slots and their SCHEDULED runs; started runs stay in history. */
  deleteSchedule(id: string): Promise<boolean>;
  /** Pausing drops unstarted slots (and their runs); resuming plans again from `now`. */
  setScheduleActive(id: string, active: boolean, now: number): Promise<ScheduleRecord | undefined>;

  /** Active schedules of a runner whose next planning time has come. */
  schedulesToPlan(runner: ScheduleRunner, now: number, limit: number, file?: string): Promise<ScheduleRecord[]>;
  /**
   * Records slots with their SCHEDULED flow runs, ignoring any that already exist,
   * and moves the schedule's planning marks, all in one transaction. Returns how many were new.
   */
  planSlots(scheduleId: string, slots: ReadonlyArray<{ slotTime: number; status: "scheduled" | "late"; run: FlowRunRecord }>, plannedUntil: number, nextPlanAt: number | null): Promise<number>;
  /** Slots of a runner's active schedules in these statuses with slotTime <= until, oldest first. */
  listSlots(query: { runner: ScheduleRunner; statuses: readonly SlotStatus[]; until?: number; scheduleId?: string; file?: string; limit: number }): Promise<DueSlot[]>;
  /** The earliest unstarted slot after `after` of a runner's active schedules, for the timer. */
  nextSlotTime(runner: ScheduleRunner, file: string | undefined, after: number): Promise<number | null>;
  /** A flow run's state type, if it exists. */
  runStateOf(runId: string): Promise<StateType | undefined>;
  /**
   * Moves a slot from one of `from` to `to`, and applies `batch` (its run's new state) in the
   * same transaction. False, changing nothing, when the slot was not in `from`: someone else moved it.
   */
  transitionSlot(key: SlotKey, from: readonly SlotStatus[], to: SlotStatus, batch: WriteBatch | null, now: number): Promise<boolean>;
  /** Top-level runs of a flow that are PENDING, RUNNING, CANCELLING or PAUSED. */
  countActiveRuns(flowName: string): Promise<number>;

  getFlowPolicy(flowName: string): Promise<FlowPolicyRecord>;
  setFlowPolicy(policy: FlowPolicyRecord, now: number): Promise<void>;

  listTriggers(filter?: { flowName?: string }): Promise<TriggerRecord[]>;
  getTrigger(id: string): Promise<TriggerRecord | undefined>;
  putTrigger(record: TriggerRecord): Promise<void>;
  deleteTrigger(id: string): Promise<boolean>;

  listAutomations(): Promise<AutomationRecord[]>;
  getAutomation(id: string): Promise<AutomationRecord | undefined>;
  putAutomation(record: AutomationRecord): Promise<void>;
  deleteAutomation(id: string): Promise<boolean>;
  /**
   * Records that an automation fired for a run reaching a state. False when it already
   * had (the key is automation + run + state), so every change fires at most once.
   */
  claimFiring(firing: FiringRecord): Promise<boolean>;
  /** Updates a claimed firing's outcome. */
  finishFiring(id: string, status: FiringRecord["status"], detail: string): Promise<void>;
  listFirings(query: { automationId?: string; limit: number }): Promise<FiringRecord[]>;

  /** A named cursor (the automations' position in the change feed), 0 when unset. */
  getCursor(name: string): Promise<number>;
  setCursor(name: string, value: number): Promise<void>;
}
