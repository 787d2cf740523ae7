import type { CaseResult, Figure, MachineInfo } from "./result.ts";

export function formatFigure(f: Figure): string {
  const value = Number.isInteger(f.value) ? f.value.toLocaleString("en-US") : String(f.value);
  return `${value} ${f.unit}`;
}

export function verdict(r: CaseResult): string {
  if (r.error) return "FAIL";
  return r.goal.pass ? "pass" : "MISS";
}

export function machineLine(m: MachineInfo): string {
  return `Machine: ${m.cpu}, ${m.cores} cores, ${m.totalMemMB.toLocaleString("en-US")} MB RAM, ${m.os}, Node ${m.node}`;
}

/** A plain-text table: one row per case, the figure, its same-run baseline, the derived figure, the goal and the verdict. */
export function renderTable(results: readonly CaseResult[], seconds: ReadonlyMap<string, number>): string {
  const header = ["case", "measured", "baseline (same run)", "ratio / derived", "goal", "result", "wall"];
  const rows = results.map((r) => [
    r.case,
    formatFigure(r.measured),
    formatFigure(r.baseline),
    `${r.derived.label}: ${formatFigure(r.derived)}`,
    r.goal.text,
    verdict(r),
    `${(seconds.get(r.case) ?? 0).toFixed(1)} s`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("-|-");
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** What each row's measured and baseline figures are, since the table has room only for the numbers. */
export function renderLegend(results: readonly CaseResult[]): string {
  return results.map((r) => `  ${r.case}: measured = ${r.measured.label}; baseline = ${r.baseline.label}`).join("\n");
}
