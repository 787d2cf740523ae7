/**
 * A deterministic 500-node flow graph for the graph-compile case: parameters with their
 * input nodes, ~60% tasks with 1–3 typed inputs wired to earlier nodes, maps over lists,
 * branches with then/else paths, two subflows and one output. A seeded generator makes
 * the same graph every run; each code node has a few lines of body, with template literals.
 */
import type { FlowGraph, FlowParam, GraphEdge, GraphNode, TaskGraphOptions } from "../../shared/graph/index.ts";
import { random } from "./random.ts";

/** How many nodes of each kind; they add up to 500. */
export const BIG_GRAPH_MIX = { input: 12, task: 300, map: 160, branch: 25, subflow: 2, output: 1 } as const;

const PARAMS: FlowParam[] = [
  { name: "since", type: "string", description: "First day to read, as an ISO date" },
  { name: "limit", type: "number", default: 500 },
  { name: "region", type: "string", default: "eu-west" },
  { name: "ids", type: "number[]", description: "Order ids to reprocess" },
  { name: "names", type: "string[]", default: ["ada", "grace"] },
  { name: "dryRun", type: "boolean", default: false },
  { name: "orders", type: "Order[]" },
  { name: "threshold", type: "number", default: 0.75 },
  { name: "tags", type: "string[]", default: [] },
  { name: "owner", type: "string", default: "ops" },
  { name: "weights", type: "number[]", default: [1, 2, 3] },
  { name: "mode", type: "string", default: "full", description: "full or incremental" },
];
const HEADER = `import { createHash } from "node:crypto";

interface Order {
  id: number;
  total: number;
  region: string;
}

const BASE_URL = "https://api.example.com/v2";`;

const VERBS = ["fetch", "parse", "enrich", "score", "merge", "check", "summarize", "load", "clean", "rank"];
const NOUNS = ["orders", "users", "invoices", "events", "prices", "stock", "reviews", "refunds"];
/** Element types; every list is one of these with `[]`. */
const TYPES = ["string", "number", "boolean", "Order"];
const PORT_NAMES: Record<string, string> = { string: "text", number: "amount", boolean: "flag", Order: "order", unknown: "value" };

interface Source {
  id: string;
  type: string;
}

export function bigGraph(): FlowGraph {
  const rnd = random(500);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const main: Source[] = [];
  const position = () => ({ x: (nodes.length % 20) * 280, y: Math.floor(nodes.length / 20) * 140 });
  const add = (node: GraphNode, into: Source[]): void => {
    nodes.push(node);
    const output = "output" in node ? node.output : undefined;
    into.push({ id: node.id, type: node.kind === "map" ? `${output}[]` : (output ?? "unknown") });
  };

  for (const p of PARAMS) {
    const title = p.name === "since" ? "Since (ISO date)" : p.name;
    nodes.push({ id: `in-${p.name}`, kind: "input", title, position: position(), param: p.name });
    main.push({ id: `in-${p.name}`, type: p.type });
  }

  /** A code node wired to 1–3 earlier nodes (on the main path, or on its own branch path); a map's first input takes a list. */
  const codeNode = (kind: "task" | "map" | "branch", sources: Source[], path?: Source[]): GraphNode => {
    const i = nodes.length;
    const id = `n${i}`;
    const from = path && path.length > 0 && rnd() < 0.6 ? [...sources, ...path, ...path] : sources;
    const chosen: Source[] = [];
    if (kind === "map") chosen.push(pick(from.filter((s) => s.type.endsWith("[]"))));
    for (let k = 1 + Math.floor(rnd() * (kind === "task" ? 3 : 2)); k > 0; k--) chosen.push(pick(from.slice(-40)));
    const inputs = chosen.map((s, j) => {
      const type = kind === "map" && j === 0 ? s.type.slice(0, -2) : s.type;
      const base = PORT_NAMES[type.replace(/\[\]$/, "")] ?? "value";
      return { name: `${base}${type.endsWith("[]") ? "List" : ""}${j}`, type };
    });
    chosen.forEach((s, j) => edges.push({ source: s.id, target: id, input: inputs[j]!.name }));
    const ports = inputs.map((p) => p.name);
    const title = `${pick(VERBS)} ${pick(NOUNS)} ${i}`;
    const common = { id, position: position(), inputs, options: options(i) };
    if (kind === "branch") return { ...common, kind, title: `is ${title}`, code: condition(i, ports) };
    const output = rnd() < 0.3 ? `${pick(TYPES)}[]` : pick(TYPES);
    const code = body(i, ports, output);
    if (kind === "map") return { ...common, kind, title, output, code };
    return { ...common, kind, title, output, code, ...(i % 37 === 0 ? { template: "http-request" as const } : {}) };
  };

  const kinds: ("task" | "map")[] = [...Array<"task">(BIG_GRAPH_MIX.task).fill("task"), ...Array<"map">(BIG_GRAPH_MIX.map).fill("map")];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  const branchEvery = Math.floor(kinds.length / BIG_GRAPH_MIX.branch);
  let k = 0;
  let branches = 0;
  let subflows = 0;
  while (k < kinds.length) {
    if (subflows < BIG_GRAPH_MIX.subflow && nodes.length >= 150 * (subflows + 1)) add(subflow(subflows++, position(), main.slice(-20), edges, pick), main);
    if (k >= branchEvery * (branches + 1) && branches < BIG_GRAPH_MIX.branch) {
      branches++;
      const branch = codeNode("branch", main);
      nodes.push(branch);
      for (const when of ["then", "else"] as const) {
        const path: Source[] = [];
        for (let n = when === "then" ? 2 + (branches % 3) : 1 + (branches % 2); n > 0 && k < kinds.length; n--) {
          const node = codeNode(kinds[k++]!, main, path);
          edges.push({ source: branch.id, target: node.id, when });
          add(node, path);
        }
      }
      continue;
    }
    add(codeNode(kinds[k++]!, main), main);
  }
  const out: GraphNode = { id: "out", kind: "output", title: "Output", position: position() };
  nodes.push(out);
  for (const [j, s] of main.slice(-5).entries()) edges.push({ source: s.id, target: out.id, input: `result${j}` });

  return {
    name: "nightly-orders",
    description: "Reads, enriches and reports the day's orders",
    params: PARAMS,
    options: { retries: 1, taskConcurrency: 8 },
    header: HEADER,
    nodes,
    edges,
  };
}

/** A subflow call with its parameters object: `await weeklyReport({ rows, since })`. */
function subflow(n: number, position: { x: number; y: number }, sources: Source[], edges: GraphEdge[], pick: (list: Source[]) => Source): GraphNode {
  const id = `sub${n}`;
  edges.push({ source: pick(sources).id, target: id, input: "rows" }, { source: "in-since", target: id, input: "since" });
  return { id, kind: "subflow", title: n === 0 ? "Weekly report" : "Archive orders", position, flow: n === 0 ? "reports/weekly" : "../shared/archive" };
}

function condition(i: number, ports: string[]): string {
  return `const ratio = ${(i % 9) / 10};\nreturn String(${ports[0]}).length * ratio > 1;`;
}

function body(i: number, ports: string[], output: string): string {
  const lines = [`const label = \`step ${i}: \${String(${ports[0]})} (\${${ports.length}} inputs)\`;`, "getLogger().info(label);"];
  if (i % 5 === 0) lines.push(`const summary = \`${i} from \${BASE_URL}:`, `  ${ports.map((p) => `\${JSON.stringify(${p})}`).join(" ")}`, "done`;", "console.log(summary);");
  const value: Record<string, string> = { string: "label", number: `label.length + ${i}`, boolean: `label.length > ${i % 40}`, Order: `{ id: ${i}, total: label.length, region: "eu" }` };
  const item = value[output.replace(/\[\]$/, "")]!;
  lines.push(`return ${output.endsWith("[]") ? `[${item}]` : item};`);
  return lines.join("\n");
}

function options(i: number): TaskGraphOptions {
  if (i % 7 === 0) return { description: `Step ${i}, retried on network errors`, retries: 3, retryDelayMs: [500, 2000, 8000], tags: ["etl", "nightly"] };
  if (i % 4 === 0) return { retries: 1, timeoutMs: 30_000 };
  if (i % 11 === 0) return { cacheKey: "inputs", cacheExpiresInMs: 3_600_000 };
  return {};
}
