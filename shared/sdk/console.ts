import { LOG_LEVELS, type LogLevelName } from "../store/types.ts";
import type { RunEvent } from "./events.ts";
import { levelName } from "./logger.ts";
import { describeState } from "./states.ts";

export interface LineStyle {
  level(name: LogLevelName, text: string): string;
  state(type: string, text: string): string;
  dim(text: string): string;
}

const PLAIN: LineStyle = { level: (_n, t) => t, state: (_t, t2) => t2, dim: (t) => t };

/**
 * Turns engine events into terminal lines, Prefect style. Task completions are
 * debug so a 10,000-task flow does not flood the terminal; failures and retries show.
 */
export function formatEvent(event: RunEvent, minLevel: number, style: LineStyle = PLAIN, names?: RunNames): string | undefined {
  switch (event.kind) {
    case "log": {
      if (event.log.level < minLevel) return undefined;
      const name = levelName(event.log.level);
      const where = names?.describe(event.log.taskRunId, event.log.flowRunId);
      return `${style.dim(clock(event.log.timestamp))} | ${style.level(name, name.toUpperCase().padEnd(7))} | ${where ? `${where} - ` : ""}${event.log.message}`;
    }
    case "flow-run-state": {
      const { run, state } = event;
      if (LOG_LEVELS.info < minLevel) return undefined;
      const text =
        state.type === "PENDING" ? `Created flow run '${run.name}' for flow '${run.flowName}'` : `Flow run '${run.name}' - ${verb(state.type)} ${style.state(state.type, describeState(state))}`;
      return `${style.dim(clock(state.timestamp))} | ${style.level("info", "INFO   ")} | ${text}`;
    }
    case "task-run-state": {
      const { run, state } = event;
      const level = state.type === "FAILED" || state.type === "CRASHED" ? LOG_LEVELS.error : state.name === "AwaitingRetry" ? LOG_LEVELS.warning : LOG_LEVELS.debug;
      if (level < minLevel) return undefined;
      const name = levelName(level);
      return `${style.dim(clock(state.timestamp))} | ${style.level(name, name.toUpperCase().padEnd(7))} | Task run '${run.name}' - ${verb(state.type)} ${style.state(state.type, describeState(state))}`;
    }
  }
}

function verb(type: string): string {
  return type === "COMPLETED" || type === "FAILED" || type === "CRASHED" || type === "CANCELLED" ? "Finished in state" : "entered state";
}

function clock(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

export function minLevelOf(name: LogLevelName | "off"): number {
  return name === "off" ? Number.POSITIVE_INFINITY : LOG_LEVELS[name];
}

/** Remembers the names of runs in progress so log lines can say whose they are. */
export class RunNames {
  private readonly tasks = new Map<string, string>();
  private readonly flows = new Map<string, string>();

  observe(event: RunEvent): void {
    if (event.kind === "log") return;
    const map = event.kind === "task-run-state" ? this.tasks : this.flows;
    if (TERMINAL.has(event.state.type)) map.delete(event.run.id);
    else map.set(event.run.id, event.run.name);
  }

  describe(taskRunId: string | null, flowRunId: string | null): string | undefined {
    const task = taskRunId === null ? undefined : this.tasks.get(taskRunId);
    if (task !== undefined) return `Task run '${task}'`;
    const flow = flowRunId === null ? undefined : this.flows.get(flowRunId);
    return flow === undefined ? undefined : `Flow run '${flow}'`;
  }
}

const TERMINAL = new Set(["COMPLETED", "FAILED", "CRASHED", "CANCELLED"]);
