/**
 * From what a user wrote (a ScheduleSpec) to a stored schedule, checked whole:
 * a bad cron, time zone, duration or parameter throws one line naming it, and nothing is saved.
 */
import { ApiError } from "../../shared/api/errors.ts";
import type { ScheduleView } from "../../shared/api/automation-contract.ts";
import type { FlowParam } from "../../shared/graph/model.ts";
import { newId } from "../../shared/sdk/names.ts";
import { describeTiming } from "../../shared/schedule/describe.ts";
import { checkParams } from "../../shared/schedule/params.ts";
import type { ScheduleRecord, ScheduleRunner } from "../../shared/schedule/records.ts";
import type { ScheduleSpec } from "../../shared/schedule/spec.ts";
import { nextSlots, normaliseTiming } from "../../shared/schedule/timing.ts";

export interface ScheduleTarget {
  flowName: string;
  flowId: string | null;
  file: string | null;
  runner: ScheduleRunner;
  /** The flow's declared parameters when known (graph flows); null skips the check. */
  params: readonly FlowParam[] | null;
}

/** Throws ApiError invalid-input with the problem in one line. */
export function buildSchedule(spec: ScheduleSpec, target: ScheduleTarget, now: number, existing?: ScheduleRecord): ScheduleRecord {
  let timing;
  try {
    timing = normaliseTiming(spec, now);
  } catch (error) {
    throw new ApiError("invalid-input", (error as Error).message);
  }
  const params = spec.params ?? {};
  if (target.params) {
    const check = checkParams(target.params, params);
    if (!check.ok) throw new ApiError("invalid-input", `Invalid schedule: params for flow '${target.flowName}': ${check.problems.join("; ")}`);
  }
  const catchUp = spec.catchUp ?? "latest";
  return {
    id: existing?.id ?? newId(),
    name: spec.name ?? existing?.name ?? defaultName(spec),
    flowName: target.flowName,
    flowId: target.flowId,
    file: target.file,
    runner: target.runner,
    active: spec.active ?? existing?.active ?? true,
    timing,
    spec,
    params,
    catchUp,
    maxCatchUp: spec.maxCatchUp ?? (catchUp === "all" ? 10 : 1),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    plannedUntil: existing?.plannedUntil ?? now,
  };
}

export function scheduleView(record: ScheduleRecord, now: number): ScheduleView {
  return { ...record, description: describeTiming(record.timing), nextTimes: nextSlots(record.timing, now, 5) };
}

function defaultName(spec: ScheduleSpec): string {
  if ("cron" in spec) return `cron ${spec.cron}`;
  if ("every" in spec) return `every ${spec.every}`;
  return `once at ${String(spec.at)}`;
}
