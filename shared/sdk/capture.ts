import { LOG_LEVELS } from "../store/types.ts";
import { currentFrame } from "./context.ts";
import { writeLog } from "./logger.ts";
import { getPlatform } from "./platform.ts";

const METHODS = { log: LOG_LEVELS.info, info: LOG_LEVELS.info, debug: LOG_LEVELS.debug, warn: LOG_LEVELS.warning, error: LOG_LEVELS.error } as const;
let installed = false;

/**
 * Routes console.* to the run's log when the run asked for logPrints. The patch is
 * installed once, on the first such run, and passes everything else through untouched.
 */
export function installConsoleCapture(): void {
  if (installed) return;
  installed = true;
  for (const [method, level] of Object.entries(METHODS) as Array<[keyof typeof METHODS, number]>) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      const frame = currentFrame();
      if (!frame?.logPrints) return original(...args);
      writeLog(frame, level, getPlatform().formatArgs(args));
    };
  }
}
