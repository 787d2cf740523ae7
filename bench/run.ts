/**
 * Runs each benchmark case in its own child process (so one case's memory does
 * not pollute another's), collects the JSON result each prints as its last stdout
 * line, writes bench/results/, and prints a table. Usage:
 *   npm run bench                      all cases
 *   node bench/run.ts map-throughput   some cases
 *   node bench/run.ts --strict         exit 1 when a goal is missed, too
 */
import { spawn } from "node:child_process";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { machineInfo } from "./lib/machine.ts";
import { isCaseResult, type CaseResult, type RunSummary } from "./lib/result.ts";
import { machineLine, renderLegend, renderTable, verdict } from "./lib/table.ts";

const CASES = ["task-overhead", "map-throughput", "log-throughput", "peak-rss", "peak-rss-map", "graph-compile", "graph-parse", "api-latency", "event-latency", "scheduler", "editor-render", "runs-view"] as const;
/** Cases that are one file run with an argument. */
const CASE_FILES: Record<string, [file: string, ...args: string[]]> = {
  "peak-rss": ["peak-rss", "sequential"],
  "peak-rss-map": ["peak-rss", "map"],
  "graph-compile": ["graph-compile", "compile"],
  "graph-parse": ["graph-compile", "parse"],
};
const CHILD_FLAGS = ["--conditions=flowbench-source", "--expose-gc"];

const benchDir = dirname(fileURLToPath(import.meta.url));
const resultsDir = join(benchDir, "results");

interface ChildOutcome {
  result?: CaseResult;
  failure?: string;
  seconds: number;
}

function runChild(name: string): Promise<ChildOutcome> {
  const started = performance.now();
  const [file, ...args] = CASE_FILES[name] ?? [name];
  const child = spawn(process.execPath, [...CHILD_FLAGS, join(benchDir, "cases", `${file}.ts`), ...args], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, FLOWBENCH_LOG_LEVEL: "off" },
  });
  let stdout = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => (stdout += chunk));
  return new Promise((resolve) => {
    child.on("error", (error) => resolve({ failure: error.message, seconds: 0 }));
    child.on("close", (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      const last = stdout.trimEnd().split("\n").at(-1) ?? "";
      let parsed: unknown;
      try {
        parsed = JSON.parse(last);
      } catch {
        parsed = undefined;
      }
      if (isCaseResult(parsed)) resolve({ result: parsed, seconds });
      else resolve({ failure: `exited with ${signal ?? `code ${code}`} and no result line${last ? `; last line: ${last.slice(0, 200)}` : ""}`, seconds });
    });
  });
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(value, null, 2) + "\n");
  renameSync(`${path}.tmp`, path);
}

const args = process.argv.slice(2);
const strict = args.includes("--strict");
const wanted = args.filter((a) => !a.startsWith("--"));
const unknown = wanted.filter((w) => !(CASES as readonly string[]).includes(w));
if (unknown.length > 0) {
  console.error(`Unknown case(s): ${unknown.join(", ")}. Cases: ${CASES.join(", ")}`);
  process.exit(2);
}
const selected = wanted.length > 0 ? CASES.filter((c) => wanted.includes(c)) : [...CASES];

const load1m = (): number => Math.round(loadavg()[0]! * 100) / 100;
const summary: RunSummary = { startedAt: new Date().toISOString(), machine: machineInfo(), loadAverage: { before: load1m() }, results: [] };
const seconds = new Map<string, number>();
const failures: string[] = [];
mkdirSync(resultsDir, { recursive: true });
console.log(machineLine(summary.machine));

for (const name of selected) {
  console.log(`running ${name} ...`);
  const outcome = await runChild(name);
  seconds.set(name, outcome.seconds);
  if (!outcome.result) {
    failures.push(`${name}: ${outcome.failure}`);
    continue;
  }
  summary.results.push(outcome.result);
  writeJson(join(resultsDir, `${name}.json`), { machine: summary.machine, startedAt: summary.startedAt, ...outcome.result });
  if (outcome.result.error) failures.push(`${name}: ${outcome.result.error}`);
}
summary.loadAverage.after = load1m();
writeJson(join(resultsDir, "latest.json"), summary);

console.log("");
console.log(machineLine(summary.machine));
console.log(`Load average (1 min): ${summary.loadAverage.before} before, ${summary.loadAverage.after} after; on ${summary.machine.cores} cores, anything near or above that skews the figures.`);
console.log("Each figure is compared with a baseline measured in the same run, on this machine.");
console.log("");
console.log(renderTable(summary.results, seconds));
console.log("");
console.log(renderLegend(summary.results));
for (const failure of failures) console.log(`FAILED ${failure}`);
const met = summary.results.filter((r) => verdict(r) === "pass").length;
const missed = summary.results.filter((r) => verdict(r) === "MISS").length;
console.log(`\n${met} of ${selected.length} cases met their goal; results in ${resultsDir}`);
if (failures.length > 0 || (strict && missed > 0)) process.exitCode = 1;
