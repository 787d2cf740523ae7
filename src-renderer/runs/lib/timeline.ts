/** The Gantt's time scale: time → x, and tick marks at round intervals. */
const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000];

export interface TimeScale {
  start: number;
  end: number;
  x(t: number): number;
  t(x: number): number;
  /** Tick times (ms since start) and their labels. */
  ticks: Array<{ offset: number; x: number; label: string }>;
}

export function timeScale(start: number, end: number, width: number, minTickPx = 80): TimeScale {
  const span = Math.max(1, end - start);
  const px = Math.max(1, width) / span;
  const step = STEPS.find((s) => s * px >= minTickPx) ?? STEPS.at(-1)!;
  const ticks: TimeScale["ticks"] = [];
  for (let offset = 0; offset <= span; offset += step) ticks.push({ offset, x: offset * px, label: tickLabel(offset, step) });
  return { start, end, x: (t) => (t - start) * px, t: (x) => start + x / px, ticks };
}

export function tickLabel(offset: number, step: number): string {
  if (offset >= 3_600_000) {
    const m = Math.round((offset % 3_600_000) / 60_000);
    return `${Math.floor(offset / 3_600_000)}h${m ? ` ${m}m` : ""}`;
  }
  if (offset >= 60_000) {
    const s = Math.round((offset % 60_000) / 1000);
    return `${Math.floor(offset / 60_000)}m${s ? ` ${s}s` : ""}`;
  }
  if (offset === 0) return "0";
  if (offset < 1000) return `${offset} ms`;
  return `${(offset / 1000).toFixed(step < 100 ? 2 : step < 1000 ? 1 : 0)} s`;
}

/** The span the chart covers: first start to last end (or now, while anything runs). */
export function timelineSpan(rows: ReadonlyArray<{ startTime: number | null; endTime: number | null }>, now: number): { start: number; end: number } | null {
  let start = Infinity;
  let end = -Infinity;
  for (const r of rows) {
    if (r.startTime === null) continue;
    start = Math.min(start, r.startTime);
    end = Math.max(end, r.endTime ?? now);
  }
  return start === Infinity ? null : { start, end: Math.max(end, start + 1) };
}
