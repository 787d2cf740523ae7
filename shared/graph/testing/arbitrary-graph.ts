/**
 * Random VALID flow graphs for property tests. Only tests import this module.
 *
 * fast-check draws a plan (plain records of choices); `buildGraph` turns it
 * into a graph that satisfies validateGraph by construction: each node gets a
 * target path (scope), reads only nodes on that path or an enclosing one, and
 * gets a control edge from the path's branch when none of its inputs lies on
 * the path itself. Choices are small numbers taken modulo what is available,
 * so shrinking a plan shrinks the graph.
 */
import fc from "fast-check";
import { TEMPLATE_IDS, isIdentifier, type FlowGraph, type FlowParam, type GraphEdge, type GraphNode, type Port } from "../model.ts";
import { identFromTitle, isKeyword, resultVar } from "../names.ts";
import { arrayOf, assignable } from "../validate/types.ts";
import { nodeCode } from "./arbitrary-code.ts";
import { CATCH_UP_POLICIES, OVERLAP_POLICIES } from "../../schedule/spec.ts";
import { CRONS, DURATIONS, FLOW_PATHS, HEADERS, HEADER_NAMES, INSTANTS, NAMES, OUTPUT_NAMES, PARAM_DESCRIPTIONS, PORT_TYPES, TIMEZONES, TITLES } from "./graph-samples.ts";

// ---- Leaves -------------------------------------------------------------

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("", "ETL", "Café prix", "line\nbreak", "quote \" ' `", "back\\slash\ttab", "\u2028sep\u2029", "🚀", "${x}") },
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.string({ unit: "binary", maxLength: 4 }), // lone surrogates too
);
const ms = fc.oneof(fc.nat({ max: 100_000 }), fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constant(-0));
const positive = fc.oneof(fc.integer({ min: 1, max: 10_000_000 }), fc.double({ min: 1e-3, max: 1e12, noNaN: true }));
const delays = fc.oneof(ms, fc.array(ms, { maxLength: 4 }));
const coordinate = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: -5000, max: 5000 }) }, fc.constant(-0));
const position = fc.record({ x: coordinate, y: coordinate }, { noNullPrototype: true });
const nodeId = fc.oneof(
  fc.constantFrom("n1", "node 2", "ñ/é", "a\u2028b", "\"quoted\"", "return", "params.x", "fetchOrders", "x".repeat(40)),
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 4 }),
);
const maybeIdentifier = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z_$][\w$]{0,7}$/) },
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 3 }),
);
/**
 * A name for a parameter or a task input: an identifier that is not a keyword. Names with letters
 * TypeScript does not know (NAMES has one) are filtered out here because validateGraph rejects them.
 */
export const identifier = maybeIdentifier.filter((n) => isIdentifier(n) && !isKeyword(n));
/** Subflow and output inputs may be any identifier, keywords included. */
const inputName = fc.oneof(identifier, fc.constantFrom(...OUTPUT_NAMES));
const title = fc
  .oneof({ weight: 4, arbitrary: fc.constantFrom(...TITLES) }, fc.string({ minLength: 1, maxLength: 10 }), fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }), fc.string({ unit: "binary", minLength: 1, maxLength: 4 }))
  .filter((t) => t.trim() !== "");
const typeText = fc.option(fc.constantFrom(...PORT_TYPES), { nil: undefined, freq: 2 });

// ---- Options ------------------------------------------------------------

const taskOptions = fc.oneof(
  fc.constant({}),
  fc.record(
    {
      description: text,
      tags: fc.array(text, { maxLength: 3 }),
      retries: fc.nat({ max: 10 }),
      retryDelayMs: delays,
      retryJitter: fc.double({ min: 0, max: 1, noNaN: true }),
      timeoutMs: positive,
      cacheKey: fc.constantFrom("inputs" as const, "source+inputs" as const),
      cacheExpiresInMs: positive,
      refreshCache: fc.boolean(),
      persistResult: fc.boolean(),
      logPrints: fc.boolean(),
      runName: text.filter((s) => s.length > 0),
    },
    { requiredKeys: [], noNullPrototype: true },
  ),
);
const flowOptions = fc.record(
  { version: text, retries: fc.nat({ max: 10 }), retryDelayMs: delays, timeoutMs: positive, logPrints: fc.boolean(), taskConcurrency: fc.integer({ min: 1, max: 64 }) },
  { requiredKeys: [], noNullPrototype: true },
);

// ---- Parameters: JSON defaults that fit the declared type ----------------

const jsonKey = fc.oneof(fc.constantFrom("a", "b c", "__proto__", "constructor", "delete", "1", "01", "é", "", "k\u{10D4A}"), fc.string({ maxLength: 4 }));
type Json = Exclude<FlowParam["default"], undefined>;
const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    text,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.array(fc.tuple(jsonKey, tie("value")), { maxLength: 3 }).map((entries) => {
      const out: { [key: string]: Json } = {};
      for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return out;
    }),
  ),
})).value;
const DEFAULTS: Record<string, fc.Arbitrary<Json>> = {
  string: text,
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  boolean: fc.boolean(),
  "string[]": fc.array(text, { maxLength: 3 }),
  unknown: json,
  // A type written over several lines, as a person might type one in.
  "{\n  id: string;\n  tags?: string[];\n}": fc.record({ id: text, tags: fc.array(text, { maxLength: 2 }) }, { requiredKeys: ["id"], noNullPrototype: true }),
};
const param = fc.constantFrom(...Object.keys(DEFAULTS)).chain((type) =>
  fc.record(
    {
      name: identifier,
      type: fc.constant(type),
      default: DEFAULTS[type]!,
      description: fc.oneof(fc.constantFrom(...PARAM_DESCRIPTIONS), text.filter((s) => !s.includes("*/"))),
      node: fc.record({ id: nodeId, title: fc.option(title, { nil: undefined }), position }, { requiredKeys: ["id", "position"], noNullPrototype: true }),
    },
    { requiredKeys: ["name", "type"], noNullPrototype: true },
  ),
);

// ---- Serve options: schedules valid by scheduleSpecSchema, in the form it gives back ----

const nonEmpty = fc.oneof(text, fc.string({ maxLength: 8 })).filter((s) => s.length > 0);
const scheduleParams = fc
  // scheduleSpecSchema's record drops a "__proto__" key, so the generator leaves it out there.
  .array(fc.tuple(jsonKey.filter((k) => k !== "__proto__"), json), { maxLength: 3 })
  .map((entries) => Object.fromEntries(entries) as { [key: string]: Json });
const scheduleCommon = {
  name: text.filter((s) => s.trim() === s && s.length > 0 && s.length <= 200),
  active: fc.boolean(),
  params: scheduleParams,
  catchUp: fc.constantFrom(...CATCH_UP_POLICIES),
  maxCatchUp: fc.integer({ min: 1, max: 1000 }),
};
const instant = fc.oneof(fc.constantFrom(...INSTANTS), fc.nat({ max: 4_102_444_800_000 }), nonEmpty);
const schedule = fc.oneof(
  fc.record({ ...scheduleCommon, cron: fc.oneof(fc.constantFrom(...CRONS), nonEmpty), timezone: fc.oneof(fc.constantFrom(...TIMEZONES), nonEmpty) }, { requiredKeys: ["cron"], noNullPrototype: true }),
  fc.record({ ...scheduleCommon, every: fc.oneof(fc.constantFrom(...DURATIONS), fc.integer({ min: 1, max: 1e9 }), nonEmpty), anchor: instant }, { requiredKeys: ["every"], noNullPrototype: true }),
  fc.record({ ...scheduleCommon, at: instant }, { requiredKeys: ["at"], noNullPrototype: true }),
);
const policy = fc.record({ overlap: fc.constantFrom(...OVERLAP_POLICIES), maxConcurrentRuns: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }) }, { noNullPrototype: true });
const serve = fc.record({ schedules: fc.array(schedule, { maxLength: 3 }), policy }, { requiredKeys: ["schedules"], noNullPrototype: true });

// ---- Nodes --------------------------------------------------------------

const port = fc.record({ name: identifier, type: typeText, optional: fc.constantFrom(undefined, undefined, true, false), source: fc.nat(), connect: fc.boolean() });
const nodePlan = fc.record({
  kind: fc.constantFrom("task", "task", "map", "branch", "branch", "subflow"),
  title,
  id: nodeId,
  position,
  /** Which open path the node goes on, counted back from the last one a branch opened (0: the newest). */
  scope: fc.nat(),
  ports: fc.uniqueArray(port, { selector: (p) => p.name, maxLength: 3 }),
  output: typeText,
  code: nodeCode,
  options: taskOptions,
  template: fc.option(fc.constantFrom(...TEMPLATE_IDS), { nil: undefined, freq: 3 }),
  flow: fc.oneof(fc.constantFrom(...FLOW_PATHS), fc.stringMatching(/^(\.\.\/){0,2}[\w-][\w.-]{0,5}(\/[\w-][\w.-]{0,5}){0,2}$/).filter((f) => !f.endsWith(".ts"))),
  named: fc.uniqueArray(fc.record({ name: inputName, source: fc.nat() }), { selector: (n) => n.name, maxLength: 3 }),
  /** 1: a control edge the data inputs make redundant; 2: one from an enclosing branch; 3: the needed one twice. */
  extraControl: fc.constantFrom(0, 0, 0, 1, 2, 3),
});

export const graphPlan = fc.record(
  {
    name: fc.oneof(fc.constantFrom("etl-orders", "Weekly report", "flow", "main", "Café", "delete", "ɤ flow", "serve options"), fc.string({ minLength: 1, maxLength: 10 })).filter((s) => s.trim() === s && s !== ""),
    description: text,
    params: fc.uniqueArray(param, { selector: (p) => p.name, maxLength: 4 }),
    options: fc.oneof(fc.constant({}), flowOptions),
    serve,
    header: fc.oneof(
      fc.constantFrom(...HEADERS),
      // A few of them together, in any order.
      fc.uniqueArray(fc.constantFrom(...HEADERS.filter(Boolean)), { minLength: 2, maxLength: 3 }).chain((parts) => fc.constantFrom("\n", "\n\n").map((gap) => parts.join(gap))),
    ),
    nodes: fc.array(nodePlan, { maxLength: 10 }),
    output: fc.option(fc.record({ id: nodeId, title: fc.option(title, { nil: undefined }), position, shape: fc.constantFrom("none", "result", "named"), named: fc.uniqueArray(fc.record({ name: inputName, source: fc.nat() }), { selector: (n) => n.name, minLength: 1, maxLength: 3 }), source: fc.nat() }), { nil: undefined }),
    nodeOrder: fc.nat(),
    edgeOrder: fc.nat(),
  },
  { requiredKeys: ["name", "params", "options", "header", "nodes", "nodeOrder", "edgeOrder"], noNullPrototype: true },
);

export type GraphPlan = typeof graphPlan extends fc.Arbitrary<infer T> ? T : never;

/** Random valid graphs, in the form the schema gives back (trimmed names and types, defaults filled in). */
export const arbitraryGraph: fc.Arbitrary<FlowGraph> = graphPlan.map((plan) => buildGraph(plan));

// ---- Building -------------------------------------------------------------

type Step = { branch: string; when: "then" | "else" };
interface Source {
  id: string;
  scope: Step[];
  type: string | undefined;
}

export function buildGraph(plan: GraphPlan): FlowGraph {
  const ids = new Set<string>();
  const uniqueId = (id: string) => {
    let out = id;
    for (let k = 2; ids.has(out); k++) out = `${id}-${k}`;
    ids.add(out);
    return out;
  };
  const paramNames = new Set(plan.params.map((p) => p.name));
  // Identifiers taken by the flow, by nodes (and their result variables) or declared by the header.
  const taken = new Set<string>([...HEADER_NAMES, identFromTitle(plan.name)]);
  const uniqueTitle = (t: string) => {
    for (let k = 1; ; k++) {
      const candidate = k === 1 ? t : `${t} ${k}`;
      const ident = identFromTitle(candidate);
      const names = [ident, resultVar(ident)];
      if (names.some((n) => taken.has(n) || paramNames.has(n))) continue;
      for (const n of names) taken.add(n);
      return candidate;
    }
  };

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const sources: Source[] = [];
  const params: FlowParam[] = plan.params.map(({ node, ...p }) => {
    if (node) {
      const id = uniqueId(node.id);
      nodes.push({ id, kind: "input", title: node.title ?? p.name, position: node.position, param: p.name });
      sources.push({ id, scope: [], type: p.type });
    }
    return p;
  });
  const scopes: Step[][] = [[]];

  for (const n of plan.nodes) {
    const scope = scopes[scopes.length - 1 - (n.scope % scopes.length)]!;
    const available = sources.filter((s) => s.scope.length <= scope.length && s.scope.every((st, i) => st.branch === scope[i]!.branch && st.when === scope[i]!.when));
    const id = uniqueId(n.id);
    let onPath = scope.length === 0;
    const connect = (s: Source, input: string) => {
      edges.push({ source: s.id, target: id, input });
      if (s.scope.length === scope.length) onPath = true;
    };
    if (n.kind === "subflow") {
      for (const x of n.named) if (available.length > 0) connect(available[x.source % available.length]!, x.name);
      nodes.push({ id, kind: "subflow", title: uniqueTitle(n.title), position: n.position, flow: n.flow });
      sources.push({ id, scope, type: undefined });
    } else {
      const kind = n.kind === "map" && available.length === 0 ? "task" : n.kind;
      const plans = kind === "map" && n.ports.length === 0 ? [{ name: "item", type: undefined, optional: undefined, source: 0, connect: true }] : n.ports;
      const inputs: Port[] = plans.map((p, i) => {
        const first = kind === "map" && i === 0;
        const fits = (type: string | undefined) => available.filter((s) => assignable(s.type, type === undefined ? undefined : first ? arrayOf(type) : type));
        let type = p.type;
        let candidates = fits(type);
        let optional = p.optional;
        const required = !optional || first;
        if (required && candidates.length === 0) {
          type = undefined;
          candidates = available;
          if (candidates.length === 0) optional = true; // never a map's first port: maps need a source
        }
        if ((required || p.connect) && candidates.length > 0) connect(candidates[p.source % candidates.length]!, p.name);
        return { name: p.name, ...(type !== undefined ? { type } : {}), ...(optional !== undefined ? { optional } : {}) };
      });
      const common = { id, title: uniqueTitle(n.title), position: n.position, inputs, code: n.code, options: n.options };
      if (kind === "branch") {
        nodes.push({ ...common, kind });
        scopes.push([...scope, { branch: id, when: "then" }], [...scope, { branch: id, when: "else" }]);
      } else {
        const output = n.output === undefined ? {} : { output: n.output };
        nodes.push(kind === "map" ? { ...common, kind, ...output } : { ...common, kind, ...output, ...(n.template ? { template: n.template } : {}) });
        sources.push({ id, scope, type: kind === "map" ? (n.output === undefined ? undefined : arrayOf(n.output)) : n.output });
      }
    }
    const last = scope[scope.length - 1];
    if (last) {
      const control = { source: last.branch, target: id, when: last.when };
      if (!onPath || n.extraControl === 1) edges.push(control);
      if (!onPath && n.extraControl === 3) edges.push({ ...control });
      if (n.extraControl === 2 && scope.length > 1) edges.push({ source: scope[0]!.branch, target: id, when: scope[0]!.when });
    }
  }

  const out = plan.output;
  if (out) {
    const id = uniqueId(out.id);
    nodes.push({ id, kind: "output", title: out.title ?? "Output", position: out.position });
    const main = sources.filter((s) => s.scope.length === 0);
    if (main.length > 0 && out.shape === "result") edges.push({ source: main[out.source % main.length]!.id, target: id, input: "result" });
    if (main.length > 0 && out.shape === "named") for (const x of out.named) edges.push({ source: main[x.source % main.length]!.id, target: id, input: x.name });
  }

  const graph: FlowGraph = { name: plan.name, params, options: plan.options, header: plan.header, nodes: shuffle(nodes, plan.nodeOrder), edges: shuffle(edges, plan.edgeOrder) };
  if (plan.description !== undefined) graph.description = plan.description;
  if (plan.serve !== undefined) graph.serve = plan.serve;
  return graph;
}

/** A permutation picked by `seed`; 0 keeps the order. */
function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0 && s > 0; i--) {
    const j = s % (i + 1);
    s = Math.floor(s / (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
