/**
 * runGraph as the host uses it: in its own process, writing the compiled file
 * into a workspace and running it through the SDK into the SQLite history.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src-main/sdk.ts";
import { childEnv } from "../helpers/history.ts";
import { nodeArgs, ROOT, run } from "../helpers/spawn.ts";

const home = mkdtempSync(join(tmpdir(), "flowbench-rungraph-"));
const workspace = join(home, "flows");
afterAll(() => rmSync(home, { recursive: true, force: true }));

const at = { x: 0, y: 0 };
const greet = (code: string, nameType = "string") => ({
  name: "greeter",
  params: [{ name: "name", type: nameType }],
  nodes: [
    { id: "name", kind: "input", title: "name", position: at, param: "name" },
    { id: "greet", kind: "task", title: "Greet", position: at, inputs: [{ name: "name", type: "string" }], output: "string", code },
    { id: "out", kind: "output", title: "Output", position: at },
  ],
  edges: [
    { source: "name", target: "greet", input: "name" },
    { source: "greet", target: "out", input: "result" },
  ] as Array<Record<string, string>>,
});

interface ChildResult {
  state?: { type: string; result: unknown };
  error?: { code: string; message: string; details: Array<Record<string, unknown>> };
}

async function runGraphChild(graph: unknown, fileName: string, params?: unknown): Promise<ChildResult> {
  const graphPath = join(home, `${fileName}.graph.json`);
  writeFileSync(graphPath, JSON.stringify(graph));
  const args = nodeArgs(join(ROOT, "test/helpers/run-graph-child.ts"), graphPath, join(workspace, `${fileName}.ts`), ...(params === undefined ? [] : [JSON.stringify(params)]));
  const r = await run(args, { env: childEnv(home) });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as ChildResult;
}

async function flowRuns() {
  const store = openSqliteStore(join(home, "flowbench.db"), { readonly: true });
  try {
    const runs = (await store.listFlowRuns({ flowName: "greeter", limit: 100 })).items;
    const latest = runs[0];
    const tasks = latest ? await store.listTaskRuns({ flowRunId: latest.id }) : [];
    const logs = latest ? (await store.listLogs({ flowRunId: latest.id, limit: 100 })).items.map((l) => l.message) : [];
    return { count: runs.length, tasks, logs };
  } finally {
    await store.close();
  }
}

describe("runGraph", () => {
  it("compiles into a fresh workspace and runs through the SDK, with the same states and logs as a script", async () => {
    const r = await runGraphChild(greet('getLogger().info(`greeting ${name}`);\nreturn `Hello, ${name}!`;'), "greeter", { name: "Ada" });
    expect(r.state).toEqual({ type: "COMPLETED", result: "Hello, Ada!" });
    expect(readFileSync(join(workspace, "greeter.ts"), "utf8")).toContain("export const greet = task({ name: \"Greet\" }");
    const { tasks, logs } = await flowRuns();
    expect(tasks.map((t) => [t.taskName, t.stateType])).toEqual([["Greet", "COMPLETED"]]);
    expect(logs).toContain("greeting Ada");

    // The file it wrote is an ordinary script too.
    const script = await run(nodeArgs(join(workspace, "greeter.ts"), "--params", '{"name":"Bo"}'), { env: childEnv(home) });
    expect(script.stdout.trim()).toBe('"Hello, Bo!"');
    expect((await flowRuns()).logs).toContain("greeting Bo");
  });

  it("runs the new code after the graph changes", async () => {
    const r = await runGraphChild(greet("return `Bonjour, ${name} !`;"), "greeter", { name: "Ada" });
    expect(r.state?.result).toBe("Bonjour, Ada !");
  });

  it("refuses a graph with a type error, naming the node and line, and runs nothing", async () => {
    const before = (await flowRuns()).count;
    const r = await runGraphChild(greet("const n: number = name;\nreturn `${n}`;"), "typo", { name: "Ada" });
    expect(r.error?.code).toBe("graph-invalid");
    expect(r.error?.message).toBe("Flow 'greeter' was not run: it has 1 problem. 'Greet', line 1: Type 'string' is not assignable to type 'number'.");
    expect(r.error?.details).toEqual([expect.objectContaining({ code: "type-error", nodeId: "greet", line: 1, column: 7 })]);
    expect(existsSync(join(workspace, "typo.ts"))).toBe(false);
    expect((await flowRuns()).count).toBe(before);
  });

  it("refuses an invalid graph with all of its problems", async () => {
    const graph = greet("return name;", "number");
    graph.edges.push({ source: "greet", target: "greet", input: "name" });
    const r = await runGraphChild(graph, "loop");
    expect(r.error?.details.map((p) => p.code)).toEqual(["type-mismatch", "double-connection", "cycle"]);
    expect(existsSync(join(workspace, "loop.ts"))).toBe(false);
  });
});
