/** A realistic 10-node flow for screenshots: the ETL fixture plus formatting, counting and a notification. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FlowGraph } from "../../shared/graph/model.ts";
import { ROOT } from "../helpers/spawn.ts";

export function tenNodeFlow(): FlowGraph {
  const base = JSON.parse(readFileSync(join(ROOT, "test/fixtures/graphs/etl-orders.json"), "utf8")) as FlowGraph;
  const at = { x: 0, y: 0 };
  return {
    ...base,
    name: "orders report",
    nodes: [
      ...base.nodes,
      { id: "format", kind: "map", title: "format", position: at, inputs: [{ name: "item", type: "Total" }], output: "string", code: "return `${item.customer}: ${item.total}`;", options: {} },
      { id: "report", kind: "task", title: "report", position: at, inputs: [{ name: "lines", type: "string[]" }], output: "string", code: 'return lines.join("\\n");', options: { retries: 2 } },
      { id: "count", kind: "task", title: "count", position: at, inputs: [{ name: "totals", type: "Total[]" }], output: "number", code: "return totals.length;", options: {} },
      { id: "notify", kind: "task", title: "notify", position: at, inputs: [{ name: "text", type: "string" }, { name: "n", type: "number" }], code: "getLogger().info(`${n} customers\\n${text}`);\nreturn n;", options: { tags: ["notify"] } },
    ],
    edges: [
      ...base.edges,
      { source: "join", target: "format", input: "item" },
      { source: "format", target: "report", input: "lines" },
      { source: "join", target: "count", input: "totals" },
      { source: "report", target: "notify", input: "text" },
      { source: "count", target: "notify", input: "n" },
    ],
  };
}
