/**
 * The "Add schedule" form as data, and its way to a ScheduleSpec. Dates come
 * from datetime-local fields, read in the user's zone here and sent as ms, so
 * the server (maybe in another zone) cannot read them differently.
 */
import type { ScheduleView } from "../../shared/api/automation-contract.ts";
import type { FlowParam } from "../../shared/graph/model.ts";
import type { CatchUpPolicy, ScheduleSpec } from "../../shared/schedule/spec.ts";
import { initialText, parseParams } from "../editor/run/params-form.ts";

export type ScheduleKind = "cron" | "interval" | "once";

export interface ScheduleDraft {
  kind: ScheduleKind;
  name: string;
  cron: string;
  timezone: string;
  /** A duration as typed: "15m", "1h30m". */
  every: string;
  /** datetime-local text, or "" for "from now". */
  anchor: string;
  /** datetime-local text. */
  at: string;
  catchUp: CatchUpPolicy;
  /** The form's texts per parameter (see params-form.ts). */
  params: Record<string, string>;
}

export function emptyDraft(timezone: string, params: readonly FlowParam[]): ScheduleDraft {
  return {
    kind: "cron",
    name: "",
    cron: "",
    timezone,
    every: "1h",
    anchor: "",
    at: "",
    catchUp: "latest",
    params: Object.fromEntries(params.map((p) => [p.name, initialText(p, undefined)])),
  };
}

/** The draft an existing schedule is edited from. */
export function draftFromSchedule(schedule: ScheduleView, params: readonly FlowParam[], fallbackZone: string): ScheduleDraft {
  const draft = emptyDraft(fallbackZone, params);
  draft.name = schedule.name;
  draft.catchUp = schedule.catchUp;
  draft.params = Object.fromEntries(params.map((p) => [p.name, initialText(p, schedule.params[p.name])]));
  const t = schedule.timing;
  if (t.kind === "cron") return { ...draft, kind: "cron", cron: t.cron, timezone: t.timezone };
  if (t.kind === "interval") {
    const every = "every" in schedule.spec ? String(schedule.spec.every) : `${t.everyMs}ms`;
    return { ...draft, kind: "interval", every: /^\d+$/.test(every) ? `${every}ms` : every, anchor: msToLocalInput(t.anchor) };
  }
  return { ...draft, kind: "once", at: msToLocalInput(t.at) };
}

/** "2026-12-01T09:00" in the user's zone → ms; null when empty or not a date. */
export function localInputToMs(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return null;
  const ms = new Date(text).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** ms → "2026-12-01T09:00" in the user's zone, for a datetime-local field. */
export function msToLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  const secs = d.getSeconds() ? `:${pad(d.getSeconds())}` : "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}${secs}`;
}

export type TimingResult = { ok: true; spec: ScheduleSpec } | { ok: false; field: "cron" | "every" | "anchor" | "at"; error: string };

/** The timing part of the spec alone: what the live preview reads. */
export function draftTiming(draft: ScheduleDraft): TimingResult {
  switch (draft.kind) {
    case "cron":
      if (!draft.cron.trim()) return { ok: false, field: "cron", error: "Write a cron expression, e.g. 0 9 * * 1-5 (weekdays at 09:00)" };
      return { ok: true, spec: { cron: draft.cron.trim(), timezone: draft.timezone } };
    case "interval": {
      if (!draft.every.trim()) return { ok: false, field: "every", error: "Say how often, e.g. 15m, 1h or 2d" };
      if (!draft.anchor) return { ok: true, spec: { every: draft.every.trim() } };
      const anchor = localInputToMs(draft.anchor);
      if (anchor === null) return { ok: false, field: "anchor", error: "Pick a date and time, or leave it empty to start from now" };
      return { ok: true, spec: { every: draft.every.trim(), anchor } };
    }
    case "once": {
      const at = localInputToMs(draft.at);
      if (at === null) return { ok: false, field: "at", error: "Pick the date and time to run at" };
      return { ok: true, spec: { at } };
    }
  }
}

export type DraftResult = { ok: true; spec: ScheduleSpec } | { ok: false; errors: Record<string, string> };

/** The whole spec to save, or the errors to show next to each field (parameters by name, timing by field). */
export function draftToSpec(draft: ScheduleDraft, declared: readonly FlowParam[]): DraftResult {
  const errors: Record<string, string> = {};
  const timing = draftTiming(draft);
  if (!timing.ok) errors[timing.field] = timing.error;
  const parsed = parseParams(declared, draft.params);
  if (!parsed.ok) for (const [name, error] of Object.entries(parsed.errors)) errors[`param:${name}`] = error;
  if (!timing.ok || !parsed.ok) return { ok: false, errors };
  const name = draft.name.trim();
  const spec: ScheduleSpec = {
    ...timing.spec,
    ...(name ? { name } : {}),
    catchUp: draft.catchUp,
    ...(declared.length ? { params: parsed.params } : {}),
  } as ScheduleSpec;
  return { ok: true, spec };
}
