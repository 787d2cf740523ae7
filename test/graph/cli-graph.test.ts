import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { childEnv } from "../helpers/history.ts";
import { cli, ROOT } from "../helpers/spawn.ts";

const home = mkdtempSync(join(tmpdir(), "flowbench-cli-graph-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const env = childEnv(home);
const golden = (name: string) => join(ROOT, "test/fixtures/graphs", name);

describe("flowbench graph", () => {
  it("compiles graph JSON to the same file the golden test expects", async () => {
    const out = join(home, "etl.ts");
    const r = await cli(["graph", "compile", golden("etl-orders.json"), "--out", out], env);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(readFileSync(golden("etl-orders.ts"), "utf8"));
  });

  it("parses a flow file back to graph JSON", async () => {
    const r = await cli(["graph", "parse", golden("branching.ts")], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(golden("branching.json"), "utf8")));
  });

  it("lists the lines of a flow file the graph cannot show, and fails", async () => {
    const file = join(home, "script.ts");
    writeFileSync(file, 'import { flow } from "flowbench";\nexport default flow(async function f() {\n  console.log("hi");\n});\n');
    const r = await cli(["graph", "parse", file], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:3:3: This is not a task call`);
    expect(r.stderr).toContain("it opens as code and still runs");
  });

  it("checks a graph with the compiler and names the node with the type error", async () => {
    const graph = JSON.parse(readFileSync(golden("hello.json"), "utf8")) as { nodes: Array<{ id: string; code?: string }> };
    graph.nodes.find((n) => n.id === "greet")!.code = "return name * 2;";
    const file = join(home, "bad-hello.json");
    writeFileSync(file, JSON.stringify(graph));
    const r = await cli(["graph", "check", file], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error: 'greet', line 1: The left-hand side of an arithmetic operation must be of type 'any', 'number', 'bigint' or an enum type.");
    expect((await cli(["graph", "check", golden("hello.ts")], env)).stdout).toContain("no problems");
  });

  it("explains broken JSON in one line, with where it broke", async () => {
    const file = join(home, "broken.json");
    writeFileSync(file, '{ "name": "x",\n  "nodes": [ }');
    const r = await cli(["graph", "compile", file], env);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/broken\.json: error: This is not valid JSON \(line 2, column 14\)/)]);
  });
});
