/**
 * The open flow's schedules and triggers, shared by the canvas badge and the
 * settings panel so a change in one shows in the other. One flow is open at a
 * time, so one store; it is keyed by the flow id and reset when that changes.
 */
import { create } from "zustand";
import type { ScheduleView } from "../../shared/api/automation-contract.ts";
import type { ApiClient } from "../../shared/api/client.ts";
import type { TriggerRecord } from "../../shared/schedule/records.ts";

export interface FlowAutomationState {
  flowId: string | null;
  schedules: ScheduleView[];
  triggers: TriggerRecord[];
  scheduleError: string | null;
  triggerError: string | null;
  loaded: boolean;
  /** Fetches both lists again (errors kept apart: triggers may be unavailable while schedules work). */
  load(client: ApiClient, flowId: string): Promise<void>;
  /** Replaces (or adds) one schedule as a mutation returned it. */
  putSchedule(schedule: ScheduleView): void;
  putTrigger(trigger: TriggerRecord): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const useFlowAutomation = create<FlowAutomationState>()((set, get) => ({
  flowId: null,
  schedules: [],
  triggers: [],
  scheduleError: null,
  triggerError: null,
  loaded: false,
  load: async (client, flowId) => {
    if (get().flowId !== flowId) set({ flowId, schedules: [], triggers: [], scheduleError: null, triggerError: null, loaded: false });
    // Listed by flow id, not name: a renamed flow keeps its schedules.
    const [schedules, triggers] = await Promise.allSettled([client.call("schedules.list", {}), client.call("triggers.list", {})]);
    if (get().flowId !== flowId) return;
    set({
      loaded: true,
      ...(schedules.status === "fulfilled"
        ? { schedules: schedules.value.schedules.filter((s) => s.flowId === flowId), scheduleError: null }
        : { scheduleError: message(schedules.reason) }),
      ...(triggers.status === "fulfilled" ? { triggers: triggers.value.triggers.filter((t) => t.flowId === flowId), triggerError: null } : { triggerError: message(triggers.reason) }),
    });
  },
  putSchedule: (schedule) =>
    set((s) => ({ schedules: s.schedules.some((x) => x.id === schedule.id) ? s.schedules.map((x) => (x.id === schedule.id ? schedule : x)) : [...s.schedules, schedule] })),
  putTrigger: (trigger) =>
    set((s) => ({ triggers: s.triggers.some((x) => x.id === trigger.id) ? s.triggers.map((x) => (x.id === trigger.id ? trigger : x)) : [...s.triggers, trigger] })),
}));

/** The settings panel's open state, so the toolbar, the flow panel and the badge can all open it. */
export type SettingsTab = "schedules" | "triggers" | "policy";
export const useFlowSettingsUi = create<{ open: boolean; tab: SettingsTab; show(tab?: SettingsTab): void; close(): void; setTab(tab: SettingsTab): void }>()((set) => ({
  open: false,
  tab: "schedules",
  show: (tab) => set((s) => ({ open: true, tab: tab ?? s.tab })),
  close: () => set({ open: false }),
  setTab: (tab) => set({ tab }),
}));

/** The soonest fire time among active schedules, after now. */
export function nextFireTime(schedules: readonly ScheduleView[], now: number): number | null {
  let next: number | null = null;
  for (const s of schedules) {
    if (!s.active) continue;
    const t = s.nextTimes.find((x) => x > now);
    if (t !== undefined && (next === null || t < next)) next = t;
  }
  return next;
}
