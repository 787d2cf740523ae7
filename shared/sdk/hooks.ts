import { serializeError } from "../errors.ts";
import { LOG_LEVELS } from "../store/types.ts";
import type { Frame } from "./context.ts";
import { writeLog } from "./logger.ts";
import { asList, type Hook, type MaybeArray } from "./options.ts";

/**
 * Runs every hook in order; a failing hook is logged and never changes the run's state.
 * Undefined when there are none, so the common case costs no promise and no await.
 */
export function runHooks<I>(frame: Frame | undefined, kind: string, hooks: MaybeArray<Hook<I>> | undefined, info: () => I): Promise<void> | undefined {
  const list = asList(hooks);
  return list.length === 0 ? undefined : runEach(frame, kind, list, info());
}

async function runEach<I>(frame: Frame | undefined, kind: string, hooks: readonly Hook<I>[], info: I): Promise<void> {
  for (const hook of hooks) {
    try {
      await hook(info);
    } catch (error) {
      const e = serializeError(error);
      writeLog(frame, LOG_LEVELS.error, `${kind} hook '${hook.name || "anonymous"}' failed: ${e.name}: ${e.message}`);
    }
  }
}
