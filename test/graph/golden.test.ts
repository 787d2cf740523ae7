/**
 * Golden files: each graph in test/fixtures/graphs compiles to its committed
 * .ts file, that file parses back to the same graph, type-checks strictly, and
 * (in golden-runs.test.ts) runs with node. UPDATE_GOLDEN=1 rewrites the .ts files.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileGraph, normalizeGraph, parseFlowSource, validateGraph } from "../../shared/graph/index.ts";
import { checkGraph } from "../../src-main/graph/run.ts";
import { ROOT } from "../helpers/spawn.ts";

export const GOLDEN_DIR = join(ROOT, "test/fixtures/graphs");
const names = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -".json".length)).sort();
const update = process.env.UPDATE_GOLDEN === "1";

it("has at least 10 golden graphs covering every node kind, option and template", () => {
  expect(names.length).toBeGreaterThanOrEqual(10);
  const graphs = names.map((n) => JSON.parse(readFileSync(join(GOLDEN_DIR, `${n}.json`), "utf8")) as { nodes: Array<{ kind: string; options?: object; template?: string }>; options: object });
  const nodes = graphs.flatMap((g) => g.nodes);
  expect(new Set(nodes.map((n) => n.kind))).toEqual(new Set(["task", "map", "branch", "input", "output", "subflow"]));
  expect(new Set(nodes.flatMap((n) => Object.keys(n.options ?? {})))).toEqual(
    new Set(["description", "tags", "retries", "retryDelayMs", "retryJitter", "timeoutMs", "cacheKey", "cacheExpiresInMs", "refreshCache", "persistResult", "logPrints", "runName"]),
  );
  expect(new Set(graphs.flatMap((g) => Object.keys(g.options)))).toEqual(new Set(["version", "retries", "retryDelayMs", "timeoutMs", "logPrints", "taskConcurrency"]));
  expect(new Set(nodes.map((n) => n.template).filter(Boolean))).toEqual(new Set(["http-request", "shell-command", "read-file", "write-file", "json-transform", "delay", "log"]));
});

describe.each(names)("golden graph %s", (name) => {
  const json = JSON.parse(readFileSync(join(GOLDEN_DIR, `${name}.json`), "utf8")) as unknown;
  const tsPath = join(GOLDEN_DIR, `${name}.ts`);

  it("is valid and already in canonical form", () => {
    const validation = validateGraph(json);
    expect(validation.problems).toEqual([]);
    expect(validation.graph).toEqual(json);
    expect(normalizeGraph(validation.graph!)).toEqual(json);
  });

  it("compiles to its golden .ts file", () => {
    const code = compileGraph(validateGraph(json).graph!).code;
    if (update) writeFileSync(tsPath, code);
    expect(code).toBe(readFileSync(tsPath, "utf8"));
  });

  it("parses back from the golden file to the same graph", () => {
    const parsed = parseFlowSource(readFileSync(tsPath, "utf8"), tsPath);
    expect(parsed.ok ? "ok" : parsed.problems).toBe("ok");
    expect(parsed.ok && parsed.graph).toEqual(json);
  });

  it("type-checks strictly against the flowbench types", () => {
    const check = checkGraph(json, tsPath);
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
  });
});
