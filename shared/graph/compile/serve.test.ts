import { describe, expect, it } from "vitest";
import { flowGraphSchema, type FlowGraphInput } from "../model.ts";
import { compileGraph } from "./index.ts";

const at = { x: 0, y: 0 };
const graph = (input: Partial<FlowGraphInput>) => flowGraphSchema.parse({ name: "report", ...input });
const lines = (input: Partial<FlowGraphInput>) => compileGraph(graph(input)).code.split("\n");
const serveBlock = (input: Partial<FlowGraphInput>) => {
  const code = compileGraph(graph(input)).code;
  return code.slice(code.indexOf("export default"), code.indexOf("\n// flowbench:canvas") >= 0 ? code.indexOf("\n// flowbench:canvas") : undefined);
};

describe("compiling serve options", () => {
  it("writes nothing for them when the graph has none, as before", () => {
    const code = compileGraph(graph({})).code;
    expect(code).toBe('import { flow, runFromCommandLine } from "flowbench";\n\nconst report = flow(async function report() {});\nexport default report;\n\nif (import.meta.main) await runFromCommandLine(report);\n');
  });

  it("declares them after the flow, one schedule a line with fields in a fixed order, and passes them to the command line", () => {
    const serve = {
      schedules: [
        // Fields in another order than they are written in.
        { params: { amount: 5, "a b": true }, timezone: "Europe/Paris", cron: "0 9 * * 1-5", name: "weekday mornings" },
        { maxCatchUp: 3, catchUp: "all" as const, anchor: "2026-01-01T00:00:00Z", every: "15m", active: false },
        { at: 1767225600000 },
      ],
      policy: { maxConcurrentRuns: null, overlap: "parallel" as const },
    };
    expect(lines({ serve })[0]).toBe('import { flow, runFromCommandLine, type ServeOptions } from "flowbench";');
    expect(serveBlock({ serve })).toBe(
      [
        "export default report;",
        "",
        "export const serveOptions: ServeOptions = {",
        "  schedules: [",
        '    { name: "weekday mornings", cron: "0 9 * * 1-5", timezone: "Europe/Paris", params: { amount: 5, "a b": true } },',
        '    { active: false, every: "15m", anchor: "2026-01-01T00:00:00Z", catchUp: "all", maxCatchUp: 3 },',
        "    { at: 1767225600000 },",
        "  ],",
        '  policy: { overlap: "parallel", maxConcurrentRuns: null },',
        "};",
        "",
        "if (import.meta.main) await runFromCommandLine(report, { serve: serveOptions });",
        "",
      ].join("\n"),
    );
  });

  it("keeps a serve section without schedules, so the flow is still served", () => {
    expect(serveBlock({ serve: { schedules: [] } })).toContain("export const serveOptions: ServeOptions = {\n  schedules: [],\n};\n");
  });

  it("puts a schedule that would pass 120 columns on a line per field, with strings escaped", () => {
    const name = `Monthly "close" report\nfor ${"x".repeat(60)}`;
    expect(serveBlock({ serve: { schedules: [{ name, cron: "0 6 1 * *", params: { region: "eu" } }] } })).toContain(
      ["  schedules: [", "    {", `      name: ${JSON.stringify(name)},`, '      cron: "0 6 1 * *",', '      params: { region: "eu" },', "    },", "  ],"].join("\n"),
    );
  });

  it("picks another name when a task, the flow or the header already uses serveOptions", () => {
    const task = { id: "t", kind: "task" as const, title: "serve options", position: at, code: "return 1;" };
    expect(serveBlock({ serve: { schedules: [] }, nodes: [task] })).toContain("export const serveOptions2: ServeOptions");
    expect(serveBlock({ name: "serveOptions", serve: { schedules: [] } })).toContain("runFromCommandLine(serveOptions, { serve: serveOptions2 })");
    expect(serveBlock({ header: "const serveOptions = 1;", serve: { schedules: [] } })).toContain("{ serve: serveOptions2 }");
  });

  it("does not import ServeOptions again when the header already does", () => {
    const header = 'import type { ServeOptions } from "flowbench";';
    expect(lines({ header, serve: { schedules: [] } })[0]).toBe('import { flow, runFromCommandLine } from "flowbench";');
  });
});
