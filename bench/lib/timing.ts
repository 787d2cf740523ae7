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

/** The nearest-rank percentile (p in 0–100) of some values: p50 is the median's lower neighbour for even counts. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** p50, p95, max and mean, rounded, for the details of a latency case (the mean shows sub-ms shifts that whole-ms p50s hide). */
export function latencySummary(values: readonly number[], digits = 3): { n: number; p50: number; p95: number; max: number; mean: number } {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return { n: values.length, p50: round(percentile(values, 50), digits), p95: round(percentile(values, 95), digits), max: round(Math.max(...values), digits), mean: round(mean, Math.max(digits, 2)) };
}
