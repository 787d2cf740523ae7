import { LOG_LEVELS, type LogLevelName, type LogRecord } from "../store/types.ts";
import { currentFrame, type Frame } from "./context.ts";
import { emit, hasListeners } from "./events.ts";
import { getPlatform } from "./platform.ts";
import { getRecorder } from "./runtime.ts";

export interface Logger {
  debug(message: unknown, ...args: unknown[]): void;
  info(message: unknown, ...args: unknown[]): void;
  warning(message: unknown, ...args: unknown[]): void;
  warn(message: unknown, ...args: unknown[]): void;
  error(message: unknown, ...args: unknown[]): void;
}

/**
 * A logger for the run it is called in. It looks the run up at each call, so one
 * made at module level still files lines under whichever run is executing.
 * Outside any run, lines only go to the terminal.
 */
export function getLogger(): Logger {
  const at =
    (level: number) =>
    (message: unknown, ...args: unknown[]): void => {
      const text = args.length === 0 && typeof message === "string" ? message : getPlatform().formatArgs([message, ...args]);
      writeLog(currentFrame(), level, text);
    };
  const warning = at(LOG_LEVELS.warning);
  return { debug: at(LOG_LEVELS.debug), info: at(LOG_LEVELS.info), warning, warn: warning, error: at(LOG_LEVELS.error) };
}

export function writeLog(frame: Frame | undefined, level: number, message: string): void {
  const record: LogRecord = {
    flowRunId: frame?.flow?.record.id ?? frame?.task?.flowRunId ?? null,
    taskRunId: frame?.task?.id ?? null,
    level,
    timestamp: Date.now(),
    message,
  };
  if (frame) getRecorder().log(record);
  if (hasListeners()) emit({ kind: "log", log: record });
}

export function levelName(level: number): LogLevelName {
  if (level >= LOG_LEVELS.error) return "error";
  if (level >= LOG_LEVELS.warning) return "warning";
  if (level >= LOG_LEVELS.info) return "info";
  return "debug";
}
