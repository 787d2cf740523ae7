import { pathToFileURL } from "node:url";
import { serializeError } from "../../shared/errors.ts";
import type { WorkerMessage } from "./protocol.ts";

type LoadError = Extract<WorkerMessage, { type: "failed-to-start" }>["error"];

/**
 * Why a flow file would not load, for the run's message. Node reports a TypeScript
 * syntax error as just "Expression expected", with the place only in the stack's
 * first line (`/path/flow.ts:2`, or the file's URL): the place goes into the
 * message, which is all the run list shows.
 */
export function describeLoadError(error: unknown, file: string): LoadError {
  const { name, message, stack } = serializeError(error);
  const at = [file, pathToFileURL(file).href].find((prefix) => stack?.startsWith(`${prefix}:`));
  const line = at === undefined ? undefined : /^:(\d+)\n/.exec(stack!.slice(at.length))?.[1];
  return { name, message: line === undefined ? message : `${message} (${file}:${line})`, ...(stack === undefined ? {} : { stack }) };
}
