/**
 * graph-compile: the graph ↔ TypeScript round trip on a 500-node flow graph. One file,
 * two cases, each in its own process (argv[2]): `compile` times compileGraph(graph),
 * `parse` times parseFlowSource(code) of the compiled file. Both are judged against
 * ts.createSourceFile of the same compiled text, the TypeScript parse parseFlowSource
 * does itself. Median of 21 after 10 warm-ups; the graph must validate and round-trip.
 * Each repetition starts with empty code-text caches, so it measures a cold compile or parse.
 * No gc() between repetitions: a forced full GC shrinks the heap, and the next call then
 * runs about 3× slower while it grows back; each figure includes the GC its garbage causes.
 */
import { isDeepStrictEqual } from "node:util";
import ts from "typescript";
import { clearCodeTextCache } from "../../shared/graph/code-text.ts";
import { compileGraph, normalizeGraph, parseFlowSource, validateGraph, type FlowGraph, type ParseResult } from "../../shared/graph/index.ts";
import { bigGraph } from "../lib/big-graph.ts";
import { Checks, runCase } from "../lib/case.ts";
import { median, round, timeSync } from "../lib/timing.ts";

const WARMUP = 10;
const REPS = 21;
const GOAL_MS = 100;

const WHAT = process.argv[2] === "parse" ? "parse" : "compile";
const CASE = WHAT === "parse" ? "graph-parse" : "graph-compile";

const tsParse = (code: string): ts.SourceFile => ts.createSourceFile("flow.ts", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);

await runCase(CASE, async () => {
  const checks = new Checks();
  const validation = validateGraph(bigGraph());
  checks.expect("validateGraph ok", validation.ok, true);
  checks.note("validation problems", validation.problems.length);
  if (!validation.graph) throw new Error(`the benchmark graph does not validate: ${JSON.stringify(validation.problems.slice(0, 3))}`);
  const graph: FlowGraph = validation.graph;
  const code = compileGraph(graph).code;
  const parsed = parseFlowSource(code);
  checks.expect("parse ok", parsed.ok, true);
  checks.expect("round trip equal", parsed.ok && isDeepStrictEqual(parsed.graph, normalizeGraph(graph)), true);
  if (!parsed.ok) checks.note("first parse problem", JSON.stringify(parsed.problems[0]));

  // The code-text caches would make every repetition after the first nearly free: time the cold work.
  const run = (): string | ParseResult => {
    clearCodeTextCache();
    return WHAT === "compile" ? compileGraph(graph).code : parseFlowSource(code);
  };
  for (let i = 0; i < WARMUP; i++) {
    run();
    tsParse(code);
  }
  const measuredMs: number[] = [];
  const baselineMs: number[] = [];
  let sameEveryTime = true;
  for (let rep = 0; rep < REPS; rep++) {
    baselineMs.push(timeSync(() => tsParse(code))[0]);
    const [ms, value] = timeSync(run);
    measuredMs.push(ms);
    sameEveryTime &&= typeof value === "string" ? value === code : value.ok;
  }
  checks.expect(WHAT === "compile" ? "same text every rep" : "parse ok every rep", sameEveryTime, true);

  const measured = median(measuredMs);
  const baseline = median(baselineMs);
  const kinds: Record<string, number> = {};
  for (const node of graph.nodes) kinds[node.kind] = (kinds[node.kind] ?? 0) + 1;
  return {
    case: CASE,
    measured: { label: `${WHAT === "compile" ? "compileGraph(graph)" : "parseFlowSource(code)"}, 500-node graph (median of ${REPS})`, value: round(measured, 2), unit: "ms" },
    baseline: { label: `ts.createSourceFile of the compiled file (median of ${REPS})`, value: round(baseline, 2), unit: "ms" },
    derived: { label: "÷ TS parse", value: round(measured / baseline, 2), unit: "×" },
    goal: { text: `< ${GOAL_MS} ms`, pass: measured < GOAL_MS },
    checks: checks.values,
    details: {
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      nodesByKind: kinds,
      compiledLines: code.split("\n").length - 1,
      compiledBytes: Buffer.byteLength(code, "utf8"),
      warmups: WARMUP,
      measuredMs: measuredMs.map((v) => round(v, 2)),
      baselineMs: baselineMs.map((v) => round(v, 2)),
    },
    ...(checks.error ? { error: checks.error } : {}),
  };
});
