/** What one benchmark case reports: its figure, the same-run baseline it is judged against, and its goal. */

/** A number with its unit, as printed in the table. */
export interface Figure {
  label: string;
  value: number;
  unit: string;
}

export interface Goal {
  /** Human-readable goal, e.g. "≤ 20 µs/task". */
  text: string;
  pass: boolean;
}

export interface CaseResult {
  /** The case's file name without extension, e.g. "task-overhead". */
  case: string;
  /** What the SDK did, measured. */
  measured: Figure;
  /** The same work without the SDK (or the process before the work), measured in the same run. */
  baseline: Figure;
  /** The figure the goal is about, derived from measured and baseline (or the ratio of the two). */
  derived: Figure;
  goal: Goal;
  /** Correctness checks on the history written, e.g. rows counted in the DB. */
  checks: Record<string, number | string | boolean>;
  /** Raw timings and anything else worth keeping. */
  details: Record<string, unknown>;
  /** Set when the case itself failed (a check failed or it threw). */
  error?: string;
}

/** The machine the figures were measured on: they only compare with figures from the same one. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  node: string;
  os: string;
  totalMemMB: number;
}

export interface RunSummary {
  startedAt: string;
  machine: MachineInfo;
  /** 1-minute load average before and after the run: other work on the machine skews every figure. */
  loadAverage: { before: number; after?: number };
  results: CaseResult[];
}

/** A child prints its result as the last line of its stdout; run.ts parses it. */
export function emitResult(result: CaseResult): void {
  process.stdout.write(JSON.stringify(result) + "\n");
}

export function isCaseResult(value: unknown): value is CaseResult {
  if (value === null || typeof value !== "object") return false;
  const r = value as Partial<CaseResult>;
  return typeof r.case === "string" && typeof r.measured === "object" && typeof r.baseline === "object" && typeof r.goal === "object";
}
