import { levelName } from "../../../shared/sdk/logger.ts";
import { isTerminal } from "../../../shared/sdk/states.ts";
import { LOG_LEVELS, type LogLevelName, type RunStore, type StoredLog } from "../../../shared/store/types.ts";
import { CliError } from "../errors.ts";
import { LEVEL_COLORS, makeOut, timestamp, type Out } from "../format.ts";

export interface LogsOptions {
  level?: string;
  follow?: boolean;
  json?: boolean;
}

const FOLLOW_POLL_MS = 250;

export async function logsCommand(store: RunStore, runId: string, options: LogsOptions, stop: AbortSignal): Promise<void> {
  const level = options.level?.toLowerCase();
  if (level !== undefined && !(level in LOG_LEVELS)) throw new CliError(`Unknown level '${options.level}': use one of ${Object.keys(LOG_LEVELS).join(", ")}`, 2);
  const run = await store.getFlowRun(runId);
  if (!run) throw new CliError(`No flow run with id '${runId}' (list them with: flowbench runs ls)`);
  const taskNames = new Map((await store.listTaskRuns({ flowRunId: runId })).map((t) => [t.id, t.name]));
  const out = makeOut(options.json === true);
  const query = { flowRunId: runId, limit: 5000, ...(level ? { minLevel: LOG_LEVELS[level as LogLevelName] } : {}) };
  let cursor: string | null = null;

  // Pages by cursor so a million-line run never sits in memory at once.
  for (;;) {
    const page = await store.listLogs({ ...query, cursor });
    for (const log of page.items) process.stdout.write(render(out, log, taskNames, options.json === true) + "\n");
    if (page.items.length > 0) cursor = String(page.items[page.items.length - 1]!.id);
    if (page.nextCursor !== null) continue;
    if (!options.follow || stop.aborted) return;
    const current = await store.getFlowRun(runId);
    if (current && isTerminal(current.stateType)) {
      const rest = await store.listLogs({ ...query, cursor });
      if (rest.items.length === 0) return;
      continue;
    }
    await sleep(FOLLOW_POLL_MS, stop);
    if (page.items.length === 0) for (const t of await store.listTaskRuns({ flowRunId: runId })) taskNames.set(t.id, t.name);
  }
}

function render(out: Out, log: StoredLog, taskNames: Map<string, string>, json: boolean): string {
  if (json) return JSON.stringify(log);
  const name = levelName(log.level);
  const where = log.taskRunId ? (taskNames.get(log.taskRunId) ?? log.taskRunId.slice(0, 8)) : "flow";
  return `${out.paint("dim", timestamp(log.timestamp))} ${out.paint(LEVEL_COLORS[name] ?? "white", name.toUpperCase().padEnd(7))} ${out.paint("dim", where)}  ${log.message}`;
}

function sleep(ms: number, stop: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    stop.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
