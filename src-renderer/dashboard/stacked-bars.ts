/** uPlot options and data for runs over time as bars stacked by state. */
import uPlot from "uplot";
import type { StateType } from "../../shared/sdk/states.ts";
import type { MethodOutput } from "../../shared/api/contract.ts";

export type RunStats = MethodOutput<"runs.stats">;

/** Bottom to top; the colours are StateBadge's hues at their 500 shade. */
export const STACK: ReadonlyArray<{ type: StateType; label: string; light: string; dark: string }> = [
  { type: "COMPLETED", label: "Completed", light: "#10b981", dark: "#34d399" },
  { type: "FAILED", label: "Failed", light: "#ef4444", dark: "#f87171" },
  { type: "CRASHED", label: "Crashed", light: "#f97316", dark: "#fb923c" },
  { type: "CANCELLED", label: "Cancelled", light: "#a1a1aa", dark: "#71717a" },
  { type: "CANCELLING", label: "Cancelling", light: "#71717a", dark: "#a1a1aa" },
  { type: "RUNNING", label: "Running", light: "#0ea5e9", dark: "#38bdf8" },
  { type: "PENDING", label: "Pending", light: "#d4d4d8", dark: "#52525b" },
  { type: "SCHEDULED", label: "Scheduled", light: "#8b5cf6", dark: "#a78bfa" },
  { type: "PAUSED", label: "Paused", light: "#f59e0b", dark: "#fbbf24" },
];

/**
 * Columns for uPlot: bucket starts in seconds, then each state's running total, top of
 * the stack first. Series draw in order, so each lower (shorter) bar paints over the one above.
 */
export function stackedData(stats: RunStats): uPlot.AlignedData {
  const xs = stats.series.map((s) => s.start / 1000);
  const sums = stats.series.map(() => 0);
  const layers = STACK.map(({ type }) => stats.series.map((s, i) => (sums[i]! += s.counts[type])));
  return [xs, ...layers.reverse()];
}

export function chartOptions(width: number, height: number, dark: boolean, bucketMs: number): uPlot.Options {
  const axis = dark ? "#a1a1aa" : "#52525b";
  const grid = dark ? "#27272a" : "#f4f4f5";
  const bars = uPlot.paths.bars!({ size: [0.8, 40], align: 1 });
  return {
    width,
    height,
    legend: { show: false },
    cursor: { points: { show: false }, drag: { x: false, y: false } },
    scales: { x: { time: true, range: (_u, min, max) => [min, max + bucketMs / 1000] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
    axes: [
      { stroke: axis, grid: { stroke: grid }, ticks: { stroke: grid } },
      { stroke: axis, grid: { stroke: grid }, ticks: { stroke: grid }, size: 40, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] },
    ],
    series: [{}, ...[...STACK].reverse().map((s) => ({ label: s.label, fill: dark ? s.dark : s.light, stroke: dark ? s.dark : s.light, width: 0, paths: bars, points: { show: false } }))],
  };
}
