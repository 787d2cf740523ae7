/**
 * `flow.serve({ schedules, policy })` on Node, like Prefect's: registers the flow's
 * schedules in the run history (runner "serve", this script's path) so the app and
 * `flowbench schedule ls` show them, then runs the flow in this process when they
 * fall due, until Ctrl-C or SIGTERM, which cancel runs in progress and exit 0.
 */
import { createHash } from "node:crypto";
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { ApiError, describeIssues } from "../../shared/api/errors.ts";
import { formatInZone } from "../../shared/schedule/describe.ts";
import type { ScheduleRecord } from "../../shared/schedule/records.ts";
import { DEFAULT_FLOW_POLICY, flowPolicySchema, scheduleSpecSchema, type FlowPolicy, type ScheduleSpec } from "../../shared/schedule/spec.ts";
import { defaultTimezone } from "../../shared/schedule/timing.ts";
import type { Flow } from "../../shared/sdk/flow.ts";
import { flushHistory, getStore } from "../../shared/sdk/runtime.ts";
import type { ServeOptions } from "../../shared/sdk/serve-options.ts";
import type { State } from "../../shared/sdk/states.ts";
import type { AutomationStore } from "../../shared/store/automation-types.ts";
import { buildSchedule, scheduleView } from "../scheduler/definitions.ts";
import { Scheduler } from "../scheduler/scheduler.ts";
import { takeOverSignals } from "./process-exit.ts";

/** How long cancelled runs get to end Cancelled before the process exits anyway (they are then marked Crashed). */
const STOP_GRACE_MS = 5000;

/** A problem in what serve() was given: one line, exit 2, nothing saved. */
class ServeInputError extends Error {}

export async function serveFlow(target: Flow<never[], unknown>, options: ServeOptions): Promise<void> {
  const flowName = target.flowName;
  const file = scriptPath();
  let automations: AutomationStore;
  let records: ScheduleRecord[];
  let policy: FlowPolicy | undefined;
  try {
    const store = getStore();
    const found = store.automations?.();
    if (!found) throw new ServeInputError(`the ${store.kind} run history keeps no schedules; serve() needs the SQLite history (the default)`);
    automations = found;
    const previous = await automations.listSchedules({ runner: "serve", file });
    ({ records, policy } = prepare(target, options, file, previous, Date.now()));
    // Everything checked: now save, replacing what this script registered before.
    const now = Date.now();
    for (const record of records) await automations.putSchedule(record, now);
    const kept = new Set(records.map((r) => r.id));
    for (const old of previous) if (old.flowName === flowName && !kept.has(old.id)) await automations.deleteSchedule(old.id);
    if (policy) await automations.setFlowPolicy({ flowName, ...policy }, now);
  } catch (error) {
    const message = error instanceof ServeInputError || error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
    process.stderr.write(`flowbench serve: ${message.split("\n")[0]}\n`);
    process.exit(error instanceof ServeInputError || error instanceof ApiError ? 2 : 1);
  }
  const served = await automations.listSchedules({ runner: "serve", file, flowName });

  const runs = new Map<string, { controller: AbortController; done: Promise<unknown> }>();
  const scheduler: Scheduler = new Scheduler({
    store: automations,
    runner: "serve",
    file,
    launch: async (slot) => {
      const controller = new AbortController();
      const started = target.run([slot.schedule.params] as never[], { id: slot.runId, signal: controller.signal, returnState: true }) as Promise<State<unknown>>;
      const done = started.catch(() => undefined).finally(() => {
        runs.delete(slot.runId);
        // A run ended: slots queued behind it (overlap "queue") may go now.
        scheduler.pokeIfQueued();
      });
      runs.set(slot.runId, { controller, done });
      // The scheduler marks the slot started once this resolves: the run should be on record by then.
      await flushHistory();
    },
    onError: (error) => process.stderr.write(`flowbench serve: scheduler: ${error instanceof Error ? error.message : String(error)}\n`),
  });

  // The scheduler's timers do not hold the process open; serving does until a signal.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  let stopping = false;
  await new Promise<void>((resolveServe) => {
    const release = takeOverSignals((signal) => {
      if (stopping) {
        if (signal === "SIGINT") process.exit(130); // a second Ctrl-C: stop now; the exit handler marks runs Crashed
        return;
      }
      stopping = true;
      process.stdout.write(`Stopping: ${runs.size ? `cancelling ${runs.size} run(s) of '${flowName}'` : "no runs in progress"}\n`);
      void (async () => {
        await scheduler.stop();
        for (const run of runs.values()) run.controller.abort(new Error(`serve() stopped by ${signal}`));
        await Promise.race([Promise.all([...runs.values()].map((r) => r.done)), delay(STOP_GRACE_MS)]);
        await flushHistory();
        release();
        clearInterval(keepAlive);
        resolveServe();
      })();
    });
    // Printed once Ctrl-C is ours: whoever reads "Ctrl-C to stop" may press it at once.
    printServing(flowName, file, served);
    scheduler.start();
  });
  process.exit(0);
}

/** Checks every schedule and the policy, building the records to save; throws one line on the first problem. */
function prepare(target: Flow<never[], unknown>, options: ServeOptions, file: string, previous: readonly ScheduleRecord[], now: number): { records: ScheduleRecord[]; policy: FlowPolicy | undefined } {
  const flowName = target.flowName;
  if (options === null || typeof options !== "object") throw new ServeInputError(`serve() takes { schedules, policy }, not ${String(options)}`);
  const specs: unknown[] = options.schedules ?? [];
  if (!Array.isArray(specs)) throw new ServeInputError("schedules must be a list of schedules");
  const records: ScheduleRecord[] = [];
  const names = new Set<string>();
  specs.forEach((raw, index) => {
    const label = `schedule ${typeof (raw as { name?: unknown })?.name === "string" ? `'${(raw as { name: string }).name}'` : `#${index + 1}`} of flow '${flowName}'`;
    const parsed = scheduleSpecSchema.safeParse(raw);
    if (!parsed.success) throw new ServeInputError(`Invalid ${label}: ${describeIssues(parsed.error.issues)}`);
    const spec: ScheduleSpec = parsed.data;
    if (spec.name !== undefined) {
      if (names.has(spec.name)) throw new ServeInputError(`Invalid ${label}: two schedules are named '${spec.name}'; names must be unique`);
      names.add(spec.name);
    }
    const id = stableId(file, flowName, spec.name ?? index);
    const existing = previous.find((r) => r.id === id);
    let record: ScheduleRecord;
    try {
      record = buildSchedule(spec, { flowName, flowId: null, file, runner: "serve", params: null }, now, existing);
    } catch (error) {
      throw new ServeInputError(`${label}: ${(error as Error).message}`);
    }
    const schema = target.options.params;
    if (schema) {
      const checked = schema.safeParse(spec.params ?? {});
      if (!checked.success) throw new ServeInputError(`Invalid ${label}: params: ${describeIssues(checked.error.issues)}`);
    }
    records.push({ ...record, id });
  });
  let policy: FlowPolicy | undefined;
  if (options.policy !== undefined) {
    const parsed = flowPolicySchema.safeParse({ ...DEFAULT_FLOW_POLICY, ...options.policy });
    if (!parsed.success) throw new ServeInputError(`Invalid policy for flow '${flowName}': ${describeIssues(parsed.error.issues)}`);
    policy = parsed.data;
  }
  return { records, policy };
}

/** The same script, flow and schedule name (or position) give the same id, so serving again updates instead of duplicating. */
export function stableId(file: string, flowName: string, key: string | number): string {
  const h = createHash("sha256").update(`serve\0${file}\0${flowName}\0${typeof key === "number" ? `#${key}` : `name:${key}`}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The script node was started with: the schedules belong to it. */
function scriptPath(): string {
  const given = resolve(process.argv[1] ?? "<stdin>");
  try {
    return realpathSync(given);
  } catch {
    return given;
  }
}

function printServing(flowName: string, file: string, schedules: readonly ScheduleRecord[]): void {
  const now = Date.now();
  const lines = [`Serving flow '${flowName}' from ${file} with ${schedules.length} schedule${schedules.length === 1 ? "" : "s"}; Ctrl-C to stop.`];
  for (const schedule of schedules) {
    const view = scheduleView(schedule, now);
    const zone = schedule.timing.kind === "cron" ? schedule.timing.timezone : defaultTimezone();
    const next = view.nextTimes[0];
    const when = !schedule.active ? "paused" : next === undefined ? "no more fire times" : `next ${formatInZone(next, zone)} (${zone})`;
    lines.push(`  ${schedule.name}: ${view.description}; ${when}`);
  }
  process.stdout.write(lines.join("\n") + "\n");
}

function delay(ms: number): Promise<void> {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms).unref());
}
