/** Small timing helpers; all times are milliseconds from performance.now(). */
import { performance } from "node:perf_hooks";

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Times a synchronous call; returns its milliseconds and its value. */
export function timeSync<T>(fn: () => T): [ms: number, value: T] {
  const start = performance.now();
  const value = fn();
  return [performance.now() - start, value];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Collects garbage when the process runs with --expose-gc, so one repetition's garbage is not billed to the next. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
}

/** Lets timers and I/O callbacks (the history recorder's) run. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
