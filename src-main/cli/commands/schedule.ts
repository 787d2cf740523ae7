/**
 * `flowbench schedule ls | add | pause | resume | rm`: the schedules in the run history,
 * both the app's (runner "host", workspace flows) and scripts' serve() ones.
 */
import { ApiError, describeIssues } from "../../../shared/api/errors.ts";
import { formatInZone } from "../../../shared/schedule/describe.ts";
import type { ScheduleRecord } from "../../../shared/schedule/records.ts";
import { CATCH_UP_POLICIES, scheduleSpecSchema, type CatchUpPolicy } from "../../../shared/schedule/spec.ts";
import { defaultTimezone } from "../../../shared/schedule/timing.ts";
import type { AutomationStore } from "../../../shared/store/automation-types.ts";
import type { RunStore } from "../../../shared/store/types.ts";
import { flowsDir } from "../../platform/paths.ts";
import { buildSchedule, scheduleView } from "../../scheduler/definitions.ts";
import { CliError, parseJsonOption } from "../errors.ts";
import { table } from "../format.ts";

export function automationsOf(store: RunStore): AutomationStore {
  const automations = store.automations?.();
  if (!automations) throw new CliError(`The ${store.kind} history store keeps no schedules`);
  return automations;
}

/** A schedule's next fire time in its own zone (cron) or UTC, and in this machine's. */
interface NextFire {
  at: number;
  timezone: string;
  inTimezone: string;
  localTimezone: string;
  local: string;
}

function nextFire(record: ScheduleRecord, next: number | undefined): NextFire | null {
  if (!record.active || next === undefined) return null;
  const timezone = record.timing.kind === "cron" ? record.timing.timezone : "UTC";
  const localTimezone = defaultTimezone();
  return { at: next, timezone, inTimezone: formatInZone(next, timezone), localTimezone, local: formatInZone(next, localTimezone) };
}

export async function scheduleList(store: RunStore, options: { json?: boolean }): Promise<void> {
  const now = Date.now();
  const schedules = (await automationsOf(store).listSchedules()).map((record) => {
    const view = scheduleView(record, now);
    return { ...view, next: nextFire(record, view.nextTimes[0]) };
  });
  if (options.json) {
    process.stdout.write(JSON.stringify(schedules) + "\n");
    return;
  }
  if (schedules.length === 0) {
    process.stdout.write("No schedules. Add one with: flowbench schedule add <flow> --cron '0 9 * * 1-5' --tz Europe/Paris\n");
    return;
  }
  const rows = schedules.map((s) => [
    s.id,
    s.flowName,
    s.name,
    s.active ? "yes" : "paused",
    s.runner === "serve" ? "serve()" : "app",
    s.description,
    s.next ? `${s.next.inTimezone} ${s.next.timezone}` : "-",
    s.next ? s.next.local : "-",
    s.catchUp,
  ]);
  process.stdout.write(table(["ID", "FLOW", "NAME", "ACTIVE", "RUN BY", "WHEN", "NEXT", `NEXT (${defaultTimezone()})`, "CATCH-UP"], rows) + "\n");
}

export interface ScheduleAddOptions {
  cron?: string;
  tz?: string;
  every?: string;
  anchor?: string;
  at?: string;
  params?: string;
  name?: string;
  catchUp?: string;
  flowsDir?: string;
  json?: boolean;
}

/** A schedule of a workspace flow, run by the app's (or `flowbench server`'s) scheduler. Checked whole before anything is saved. */
export async function scheduleAdd(store: RunStore, flowId: string, options: ScheduleAddOptions): Promise<void> {
  const timings = (["cron", "every", "at"] as const).filter((k) => options[k] !== undefined);
  if (timings.length !== 1) throw new CliError(`Give exactly one of --cron, --every or --at${timings.length ? ` (not ${timings.map((t) => `--${t}`).join(" and ")})` : ""}`, 2);
  if (options.tz !== undefined && options.cron === undefined) throw new CliError("--tz goes with --cron (intervals and one-off times are absolute)", 2);
  if (options.anchor !== undefined && options.every === undefined) throw new CliError("--anchor goes with --every", 2);
  if (options.catchUp !== undefined && !CATCH_UP_POLICIES.includes(options.catchUp as CatchUpPolicy)) {
    throw new CliError(`--catch-up must be one of ${CATCH_UP_POLICIES.join(", ")}, not '${options.catchUp}'`, 2);
  }
  const params = options.params === undefined ? undefined : parseJsonOption("--params", options.params);
  if (params !== undefined && (params === null || typeof params !== "object" || Array.isArray(params))) throw new CliError("--params must be a JSON object, e.g. '{\"name\":\"Ada\"}'", 2);

  const timing =
    options.cron !== undefined
      ? { cron: options.cron, ...(options.tz === undefined ? {} : { timezone: options.tz }) }
      : options.every !== undefined
        ? { every: options.every, ...(options.anchor === undefined ? {} : { anchor: options.anchor }) }
        : { at: options.at! };
  const parsed = scheduleSpecSchema.safeParse({
    ...timing,
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(params === undefined ? {} : { params }),
    ...(options.catchUp === undefined ? {} : { catchUp: options.catchUp }),
  });
  if (!parsed.success) throw new CliError(`Invalid schedule: ${describeIssues(parsed.error.issues)}`, 2);

  // Loaded here: reading flow files brings in the graph parser, which ls/pause/rm never need.
  const { FlowFiles } = await import("../../host/flow-files.ts");
  const flows = new FlowFiles(options.flowsDir ?? flowsDir());
  const now = Date.now();
  let record: ScheduleRecord;
  try {
    const flow = flows.get(flowId);
    record = buildSchedule(parsed.data, { flowName: flow.name, flowId, file: null, runner: "host", params: flow.parsed.ok ? flow.parsed.graph.params : null }, now);
  } catch (error) {
    if (error instanceof ApiError) throw new CliError(error.message, 2);
    throw error;
  }
  // The app runs it from the flows folder, where `import "flowbench"` must resolve (as for flows the app saves).
  const { ensureWorkspace } = await import("../../graph/workspace.ts");
  ensureWorkspace(flows.dir);
  const automations = automationsOf(store);
  await automations.putSchedule(record, now);
  const view = scheduleView((await automations.getSchedule(record.id)) ?? record, now);
  if (options.json) {
    process.stdout.write(JSON.stringify({ ...view, next: nextFire(record, view.nextTimes[0]) }) + "\n");
    return;
  }
  const next = nextFire(record, view.nextTimes[0]);
  process.stdout.write(
    `Added schedule ${record.id} '${record.name}' for flow '${record.flowName}': ${view.description}` +
      `${next ? `; next ${next.inTimezone} ${next.timezone}` : ""}\n` +
      "It runs while the app or `flowbench server` is running.\n",
  );
}

export async function scheduleSetActive(store: RunStore, idOrPrefix: string, active: boolean): Promise<void> {
  const automations = automationsOf(store);
  const schedule = await findSchedule(automations, idOrPrefix);
  await automations.setScheduleActive(schedule.id, active, Date.now());
  process.stdout.write(`${active ? "Resumed" : "Paused"} schedule ${schedule.id} '${schedule.name}' of flow '${schedule.flowName}'\n`);
}

export async function scheduleRemove(store: RunStore, idOrPrefix: string): Promise<void> {
  const automations = automationsOf(store);
  const schedule = await findSchedule(automations, idOrPrefix);
  await automations.deleteSchedule(schedule.id);
  const note = schedule.runner === "serve" ? ` (its script registers it again when it next serves)` : "";
  process.stdout.write(`Removed schedule ${schedule.id} '${schedule.name}' of flow '${schedule.flowName}'${note}\n`);
}

/** By id, or by a prefix of one that matches only it. */
async function findSchedule(automations: AutomationStore, idOrPrefix: string): Promise<ScheduleRecord> {
  const wanted = idOrPrefix.trim();
  if (wanted === "") throw new CliError("The schedule id must not be empty", 2);
  const exact = await automations.getSchedule(wanted);
  if (exact) return exact;
  const matches = (await automations.listSchedules()).filter((s) => s.id.startsWith(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new CliError(`No schedule '${wanted}' (list them with: flowbench schedule ls)`);
  throw new CliError(`'${wanted}' matches ${matches.length} schedules (${matches.map((s) => s.id).join(", ")}); give more of the id`, 2);
}
