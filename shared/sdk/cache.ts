import type { CacheKeyContext, CacheKeyOption } from "./options.ts";
import { getPlatform } from "./platform.ts";
import { stableKey } from "./serialize.ts";

/**
 * The cache key of one call. Built-in policies include the task's name so two
 * tasks never share entries by accident; a custom function's key is used as is.
 */
export function computeCacheKey<A extends unknown[]>(
  option: CacheKeyOption<A>,
  taskName: string,
  source: () => string,
  ctx: CacheKeyContext,
  args: A,
): string | null {
  if (typeof option === "function") {
    const key = option(ctx, args);
    return typeof key === "string" && key !== "" ? key : null;
  }
  const { hash } = getPlatform();
  const inputs = hash(stableKey(args));
  if (option === "inputs") return `${taskName}:inputs:${inputs}`;
  return `${taskName}:source+inputs:${hash(source())}:${inputs}`;
}
