/** Flows the run e2e tests start: a retried task, a failing one, a long one, and a script run outside the app. */
import type { FlowGraph } from "../../shared/graph/model.ts";

const at = (x: number) => ({ x, y: 0 });

export const RETRIED: FlowGraph = {
  name: "retry until ok",
  params: [],
  options: {},
  header: 'import { getLogger } from "flowbench";\n\nlet attempts = 0;',
  nodes: [
    {
      id: "flaky", kind: "task", title: "Flaky fetch", position: at(0), inputs: [], output: "number",
      code: "attempts++;\ngetLogger().info(`attempt ${attempts}`);\nawait new Promise((r) => setTimeout(r, 900));\nif (attempts < 3) throw new Error(`attempt ${attempts} failed`);\nreturn attempts;",
      options: { retries: 2, retryDelayMs: 400 },
    },
    { id: "out", kind: "output", title: "Output", position: at(300) },
  ],
  edges: [{ source: "flaky", target: "out", input: "result" }],
};

export const FAILING: FlowGraph = {
  name: "import orders",
  params: [{ name: "region", type: "string", default: "eu" }],
  options: {},
  header: 'import { getLogger } from "flowbench";',
  nodes: [
    { id: "region", kind: "input", title: "region", position: at(0), param: "region" },
    {
      id: "download", kind: "task", title: "Download orders", position: at(300), inputs: [{ name: "region", type: "string" }], output: "string[]",
      code: "getLogger().info(`downloading orders for ${region}`);\nreturn [\"a\", \"b\"];", options: {},
    },
    {
      id: "parse", kind: "task", title: "Parse orders", position: at(600), inputs: [{ name: "rows", type: "string[]" }], output: "number",
      code: "getLogger().error(`row 2 of ${rows.length} has no amount`);\nthrow new Error(\"Order b has no amount\");", options: {},
    },
    { id: "out", kind: "output", title: "Output", position: at(900) },
  ],
  edges: [
    { source: "region", target: "download", input: "region" },
    { source: "download", target: "parse", input: "rows" },
    { source: "parse", target: "out", input: "result" },
  ],
};

export const LONG: FlowGraph = {
  name: "long export",
  params: [],
  options: {},
  header: "",
  nodes: [{ id: "export", kind: "task", title: "Export everything", position: at(0), inputs: [], code: "await new Promise((r) => setTimeout(r, 120_000));\nreturn null;", options: {} }],
  edges: [],
};

/** A plain SDK script, run with `node` outside the app, into the same history. */
export const SCRIPT = `import { flow, getLogger, task } from "flowbench";

const fetchRows = task(async function fetchRows(day: string) {
  getLogger().info(\`fetching rows for \${day}\`);
  return [1, 2, 3];
});
const total = task(async function total(rows: number[]) {
  getLogger().info(\`adding \${rows.length} rows\`);
  return rows.reduce((a, b) => a + b, 0);
});

const nightly = flow({ name: "nightly import" }, async function nightly() {
  const rows = fetchRows.submit("2026-11-28");
  return total(await rows);
});

console.log(await nightly());
`;
