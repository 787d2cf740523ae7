/**
 * The graph ⇄ TypeScript round trip, on random valid graphs: for every graph
 * validateGraph accepts, parsing its compiled file gives back normalizeGraph
 * of it, and compiling that graph again gives the same file byte for byte.
 */
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { compileGraph } from "./compile/index.ts";
import type { FlowGraph } from "./model.ts";
import { normalizeGraph } from "./normalize.ts";
import { parseFlowSource } from "./parse/index.ts";
import { arbitraryGraph } from "./testing/arbitrary-graph.ts";
import { REQUIRED_FEATURES, graphFeatures } from "./testing/graph-features.ts";
import { validateGraph } from "./validate/index.ts";

const NUM_RUNS = 400;

/**
 * Deep equality that tells -0 from 0 and looks at prototypes, not at a
 * `constructor` key (which JSON data may have, and which trips toStrictEqual).
 */
function expectSame(actual: unknown, expected: unknown, what: string): void {
  if (isDeepStrictEqual(actual, expected)) return;
  expect(actual, what).toEqual(expected); // for the diff
  throw new Error(`${what}: equal, but not strictly (-0 against 0, a field set to undefined, or a prototype)`);
}

function roundTrip(graph: FlowGraph): void {
  const validation = validateGraph(graph);
  const errors = validation.problems.filter((p) => p.severity === "error");
  expect(errors, "the generator must only make valid graphs").toEqual([]);
  expect(validation.ok).toBe(true);
  // The generator gives graphs in the schema's own form, so `graph` is what the app would hold.
  expectSame(validation.graph, graph, "validation changed the graph");

  const compiled = compileGraph(graph).code;
  const parsed = parseFlowSource(compiled);
  if (!parsed.ok) {
    const where = parsed.problems.map((p) => `  ${p.line}:${p.column} ${p.message}`).join("\n");
    throw new Error(`The compiled file did not parse back (${parsed.reason}):\n${where}\n--- file ---\n${compiled}`);
  }
  expectSame(parsed.graph, normalizeGraph(graph), "the parsed graph");
  expect(compileGraph(parsed.graph).code).toBe(compiled);
}

describe("graph → TypeScript → graph", () => {
  it(`gives back the normalized graph and the same file (${NUM_RUNS} random valid graphs)`, () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arbitraryGraph, (graph) => {
        for (const feature of graphFeatures(graph)) seen.add(feature);
        roundTrip(graph);
      }),
      { numRuns: NUM_RUNS },
    );
    // The generator reached every case it is meant to cover.
    expect(REQUIRED_FEATURES.filter((f) => !seen.has(f))).toEqual([]);
  });
});
