import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { compileGraph, parseFlowSource } from "../../shared/graph/index.ts";
import { ROOT } from "../helpers/spawn.ts";

const dir = join(ROOT, "resources/flows");

it.each(readdirSync(dir).filter((f) => f.endsWith(".ts")))("sample flow %s opens as a graph and is in canonical form", (file) => {
  const text = readFileSync(join(dir, file), "utf8");
  const parsed = parseFlowSource(text, file);
  expect(parsed.ok ? "graph" : parsed.problems).toBe("graph");
  expect(parsed.ok && compileGraph(parsed.graph).code).toBe(text);
});
