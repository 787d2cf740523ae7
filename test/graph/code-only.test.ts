/**
 * A flow written as code the graph cannot show still runs, and its run graph
 * comes from the task runs it recorded.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { buildRunGraph, compileGraph, parseFlowSource, taskRunsByNode } from "../../shared/graph/index.ts";
import { openSqliteStore } from "../../src-main/sdk.ts";
import { childEnv, useTempHistory } from "../helpers/history.ts";
import { cli, ROOT } from "../helpers/spawn.ts";

const history = useTempHistory();
afterAll(() => history[Symbol.asyncDispose]());

const script = `import { flow, task } from "flowbench";

const fetchRows = task(async function fetchRows(n: number) {
  return Array.from({ length: n }, (_, i) => i + 1);
});
const double = task(async function double(x: number) {
  return x * 2;
});
const total = task(async function total(values: number[]) {
  return values.reduce((a, b) => a + b, 0);
});

export default flow({ name: "loop-flow" }, async function loopFlow(params: { n: number }) {
  const rows = await fetchRows.submit(params.n);
  const doubled = [];
  for (const row of rows) if (row % 2 === 1) doubled.push(double.submit(row));
  return total(doubled);
});
`;

it("runs a code-only flow and rebuilds its run graph from the recorded task runs", async () => {
  const parsed = parseFlowSource(script);
  expect(parsed.ok).toBe(false);
  expect(!parsed.ok && parsed.reason).toBe("code-only");
  expect(!parsed.ok && parsed.problems.map((p) => p.line)).toEqual([13, 14, 15, 16, 17]);

  const file = join(history.dir, "loop.ts");
  writeFileSync(file, script);
  const r = await cli(["run", file, "--params", '{"n":5}'], childEnv(history.dir));
  expect(r.code, r.stderr).toBe(0);

  const store = openSqliteStore(history.dbPath, { readonly: true });
  const run = (await store.listFlowRuns({ flowName: "loop-flow", limit: 1 })).items[0]!;
  const taskRuns = await store.listTaskRuns({ flowRunId: run.id });
  await store.close();
  const graph = buildRunGraph(taskRuns);
  const label = (id: string) => graph.nodes.find((n) => n.id === id)!.label;
  // Runs made in the same millisecond have no set order; the links say what came from what.
  expect(graph.nodes.map((n) => n.label).sort()).toEqual(["double", "double", "double", "fetchRows", "total"]);
  expect(graph.edges.map((e) => `${label(e.source)}→${label(e.target)}`).sort()).toEqual(["double→total", "double→total", "double→total"]);
  expect(graph.nodes.every((n) => n.stateType === "COMPLETED")).toBe(true);
});

it("matches task runs to the canvas nodes of a graph flow by title", async () => {
  const json = JSON.parse(readFileSync(join(ROOT, "test/fixtures/graphs/fan-out.json"), "utf8"));
  const parsed = parseFlowSource(compileGraph(json).code);
  expect(parsed.ok).toBe(true);
  const record = (taskName: string, id: string) => ({ id, taskName }) as never;
  const byNode = taskRunsByNode(json, [record("Square", "1"), record("Square", "2"), record("sum", "3"), record("elsewhere", "4")]);
  expect(Object.fromEntries([...byNode].map(([k, v]) => [k, v.map((t) => (t as { id: string }).id)]))).toEqual({ square: ["1", "2"], sum: ["3"] });
});
