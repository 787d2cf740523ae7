/** How long to wait before retry number `retry` (1 for the first retry). */
export type RetryDelay = number | readonly number[] | ((retry: number) => number);

export function baseDelayMs(delay: RetryDelay | undefined, retry: number): number {
  if (delay === undefined) return 0;
  if (typeof delay === "number") return delay;
  if (typeof delay === "function") return Math.max(0, Number(delay(retry)) || 0);
  if (delay.length === 0) return 0;
  // Past the end of the list, the last delay repeats.
  return delay[Math.min(retry, delay.length) - 1] ?? 0;
}

/**
 * Jitter spreads retries of many runs apart: the delay is stretched by a random
 * factor in [1, 1 + jitter], so it is never shorter than configured.
 */
export function retryDelayMs(delay: RetryDelay | undefined, jitter: number | undefined, retry: number, random = Math.random): number {
  const base = baseDelayMs(delay, retry);
  if (!jitter || base === 0) return base;
  return base * (1 + jitter * random());
}
