import { describe, expect, it } from "vitest";
import { compileGraph } from "../compile/index.ts";
import { flowGraphSchema, type FlowGraph } from "../model.ts";
import { parseFlowSource } from "./index.ts";

const at = { x: 0, y: 0 };
const withServe = (serve: FlowGraph["serve"]): FlowGraph =>
  flowGraphSchema.parse({
    name: "report",
    params: [{ name: "amount", type: "number", default: 1 }],
    ...(serve ? { serve } : {}),
    nodes: [
      { id: "amount", kind: "input", title: "amount", position: at, param: "amount" },
      { id: "double", kind: "task", title: "double", position: { x: 280, y: 0 }, inputs: [{ name: "value", type: "number" }], output: "number", code: "return value * 2;" },
      { id: "out", kind: "output", title: "Output", position: { x: 560, y: 0 } },
    ],
    edges: [
      { source: "amount", target: "double", input: "value" },
      { source: "double", target: "out", input: "result" },
    ],
  });
const serve: FlowGraph["serve"] = {
  schedules: [
    { name: "weekday mornings", cron: "0 9 * * 1-5", timezone: "Europe/Paris", params: { amount: 5, nested: { list: [1, "two", null] } } },
    { every: "15m", anchor: 0, active: false, catchUp: "all", maxCatchUp: 3 },
    { at: "2026-07-01T09:00:00Z", catchUp: "skip" },
  ],
  policy: { overlap: "queue", maxConcurrentRuns: 2 },
};
const graph = withServe(serve);
const code = compileGraph(graph).code;

const parsed = (text: string): FlowGraph => {
  const r = parseFlowSource(text);
  if (!r.ok) throw new Error(`expected a graph, got ${r.reason}: ${JSON.stringify(r.problems)}`);
  return r.graph;
};
/** `line:column message` of each problem, and the text the first one points at. */
const problems = (text: string) => {
  const r = parseFlowSource(text);
  if (r.ok) throw new Error("expected problems");
  expect(r.reason).toBe("code-only");
  return r.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
};
/** The compiled file with one piece changed. */
const edit = (from: string, to: string) => {
  expect(code).toContain(from);
  return code.replace(from, to);
};
/** 1-based line and column where `needle` first appears in `text`. */
const where = (text: string, needle: string) => {
  const before = text.slice(0, text.indexOf(needle)).split("\n");
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
};
/** Replaces the serve options' schedules with `schedules` and gives the problems. */
const scheduleProblems = (schedules: string) => {
  const text = code.replace(/ {2}schedules: \[\n[\s\S]*?\n {2}\],/, `  schedules: [\n    ${schedules},\n  ],`);
  return { text, problems: problems(text) };
};

describe("serve options round trip", () => {
  it("parse back to the graph's serve, and compile to the same file", () => {
    expect(parsed(code)).toEqual(graph);
    expect(parsed(code).serve).toEqual(serve);
    expect(compileGraph(parsed(code)).code).toBe(code);
  });

  it("stay absent when the file has none", () => {
    const plain = compileGraph(withServe(undefined)).code;
    expect(plain).not.toContain("ServeOptions");
    expect(plain).toContain("await runFromCommandLine(report);");
    expect("serve" in parsed(plain)).toBe(false);
  });

  it("keep a serve section without schedules or policy", () => {
    const empty = withServe({ schedules: [] });
    expect(parsed(compileGraph(empty).code)).toEqual(empty);
  });

  it("read hand-written forms: fields in any order, no export, parentheses, a partial policy, no schedules", () => {
    const text = code
      .replace("export const serveOptions", "const serveOptions")
      .replace('{ name: "weekday mornings", cron: "0 9 * * 1-5", timezone: "Europe/Paris",', '({ timezone: "Europe/Paris", cron: "0 9 * * 1-5", "name": "  weekday mornings ",')
      .replace("nested: { list: [1, \"two\", null] } } },", "nested: { list: [1, \"two\", null] } } }),")
      .replace('policy: { overlap: "queue", maxConcurrentRuns: 2 }', 'policy: { overlap: "parallel" }');
    const g = parsed(text);
    expect(g.serve!.schedules[0]).toEqual(serve!.schedules[0]);
    // serve() fills a partial policy from the default; so does the graph.
    expect(g.serve!.policy).toEqual({ overlap: "parallel", maxConcurrentRuns: null });
    expect(parsed(code.replace(/ {2}schedules: \[\n[\s\S]*?\n {2}\],\n/, "")).serve).toEqual({ schedules: [], policy: serve!.policy });
  });

  it("read a renamed variable the guard passes on", () => {
    const text = code.replace("export const serveOptions:", "export const nightly:").replace("{ serve: serveOptions }", "{ serve: nightly }");
    expect(parsed(text)).toEqual(graph);
  });
});

describe("serve options the graph cannot represent", () => {
  it("are code, not a literal", () => {
    const text = code.replace(/= \{\n {2}schedules[\s\S]*?\n\};/, "= makeServeOptions();");
    expect(problems(text)).toEqual([`${where(text, "makeServeOptions()")} The serve options must be written out as an object literal, like { schedules: [...], policy: { ... } }`]);
  });

  it("have an unknown option", () => {
    const text = edit("  policy:", "  retries: 3,\n  policy:");
    expect(problems(text)).toEqual([`${where(text, "retries")} The serve options: 'retries' is not a field it can have (it can: schedules, policy)`]);
  });

  it("have a schedules value that is not a written-out list", () => {
    const text = code.replace(/schedules: \[\n[\s\S]*?\n {2}\],/, "schedules: SCHEDULES,");
    expect(problems(text)).toEqual([`${where(text, "SCHEDULES,")} The serve options' 'schedules' must be a list written out: [{ cron: "0 9 * * *" }, ...]`]);
  });

  it("spread a schedule in", () => {
    const { text, problems: list } = scheduleProblems("...more");
    expect(list).toEqual([`${where(text, "...more")} Schedule 1 must be written out as an object, like { cron: "0 9 * * *" }`]);
  });

  it("have a schedule with an unknown field", () => {
    const { text, problems: list } = scheduleProblems('{ cron: "0 9 * * *", tz: "UTC" }');
    expect(list).toEqual([
      `${where(text, "tz:")} Schedule 1: 'tz' is not a field it can have (it can: name, active, cron, every, at, timezone, anchor, params, catchUp, maxCatchUp)`,
    ]);
  });

  it("have a schedule field given twice", () => {
    const { text, problems: list } = scheduleProblems('{ cron: "0 9 * * *", cron: "0 10 * * *" }');
    expect(list).toEqual([`${where(text, 'cron: "0 10')} Schedule 1: 'cron' is given twice`]);
  });

  it("have a schedule field that is code", () => {
    const { text, problems: list } = scheduleProblems('{ name: "n", every: 15 * 60_000, params: { amount: Date.now() } }');
    expect(list).toEqual([
      `${where(text, "15 * 60_000")} Schedule 1 ("n"): 'every' must be a literal value (a string, number, boolean, null, list or object), not code`,
      `${where(text, "{ amount: Date")} Schedule 1 ("n"): 'params' must be a literal value (a string, number, boolean, null, list or object), not code`,
    ]);
  });

  it("have no cron, every or at, or more than one", () => {
    let r = scheduleProblems('{ name: "idle" }');
    expect(r.problems).toEqual([`${where(r.text, '{ name: "idle" }')} Schedule 1 ("idle") needs exactly one of 'cron', 'every' or 'at' (it has none)`]);
    r = scheduleProblems('{ cron: "0 9 * * *", every: "1h" }');
    expect(r.problems).toEqual([`${where(r.text, '{ cron: "0 9')} Schedule 1 needs exactly one of 'cron', 'every' or 'at' (it has 'cron' and 'every')`]);
  });

  it("give a timezone to an interval, or an anchor to a cron", () => {
    let r = scheduleProblems('{ every: "1h", timezone: "UTC" }');
    expect(r.problems).toEqual([`${where(r.text, "timezone:")} Schedule 1: 'timezone' goes only with 'cron', and this schedule uses 'every'`]);
    r = scheduleProblems('{ cron: "0 9 * * *", anchor: 0 }');
    expect(r.problems).toEqual([`${where(r.text, "anchor:")} Schedule 1: 'anchor' goes only with 'every', and this schedule uses 'cron'`]);
  });

  it("have values the schedule schema refuses, each on its own field", () => {
    const { text, problems: list } = scheduleProblems('{ name: " ", every: -5, catchUp: "sometimes", maxCatchUp: 0, active: "yes", params: [1] }');
    expect(list).toEqual([
      `${where(text, '" "')} Schedule 1: 'name' must be text of 1 to 200 characters`,
      `${where(text, "-5")} Schedule 1: 'every' must be a duration: whole milliseconds above 0, or text like "15m" or "1h30m"`,
      `${where(text, '"sometimes"')} Schedule 1: 'catchUp' must be "skip", "latest" or "all"`,
      `${where(text, "0, active")} Schedule 1: 'maxCatchUp' must be a whole number from 1 to 1000`,
      `${where(text, '"yes"')} Schedule 1: 'active' must be true or false`,
      `${where(text, "[1]")} Schedule 1: 'params' must be an object of parameter values, like { since: "2026-01-01" }`,
    ].sort());
    const at = scheduleProblems('{ at: "" }');
    expect(at.problems).toEqual([`${where(at.text, '""')} Schedule 1: 'at' must be a time: milliseconds since 1970, or an ISO 8601 date like "2026-01-01T09:00:00Z"`]);
  });

  it("have params with a __proto__ key, which the schedule would drop", () => {
    const { text, problems: list } = scheduleProblems('{ cron: "* * * * *", params: { ["__proto__"]: 1 } }');
    expect(list).toEqual([`${where(text, '{ ["__proto__"]')} Schedule 1: 'params' cannot have a "__proto__" key`]);
  });

  it("have a policy the schema refuses", () => {
    let text = edit('overlap: "queue"', 'overlap: "drop"');
    expect(problems(text)).toEqual([`${where(text, '"drop"')} The serve policy: 'overlap' must be "skip", "queue" or "parallel"`]);
    text = edit("maxConcurrentRuns: 2 }", "maxConcurrentRuns: 2, priority: 1 }");
    expect(problems(text)).toEqual([`${where(text, "priority")} The serve policy: 'priority' is not a field it can have (it can: overlap, maxConcurrentRuns)`]);
    text = edit("maxConcurrentRuns: 2 }", "maxConcurrentRuns: 1.5 }");
    expect(problems(text)).toEqual([`${where(text, "1.5")} The serve policy: 'maxConcurrentRuns' must be a whole number from 1 to 1000, or null for the overlap's default`]);
  });

  it("are not passed to the command line, or the command line gets something else", () => {
    let text = edit("runFromCommandLine(report, { serve: serveOptions })", "runFromCommandLine(report)");
    expect(problems(text)).toEqual([
      `${where(text, "export const serveOptions")} The serve options 'serveOptions' are not used: end the file with if (import.meta.main) await runFromCommandLine(report, { serve: serveOptions });`,
    ]);
    text = edit("{ serve: serveOptions }", "{ serve: other }");
    expect(problems(text)).toEqual([`${where(text, "other }")} 'serve' must name the serve options declared after the flow, as: export const serveOptions: ServeOptions = { schedules: [...] }`]);
    text = edit("{ serve: serveOptions }", "{ serve: serveOptions, argv: [] }");
    expect(problems(text)[0]).toBe(
      `${where(text, "{ serve: serveOptions, argv")} runFromCommandLine's options can only be { serve: serveOptions }, with serveOptions declared after the flow as: export const serveOptions: ServeOptions = { schedules: [...] }`,
    );
  });

  it("are declared after the line that uses them, or twice", () => {
    const decl = code.slice(code.indexOf("export const serveOptions"), code.indexOf("\n};\n") + 4);
    const guard = "if (import.meta.main) await runFromCommandLine(report, { serve: serveOptions });\n";
    let text = code.replace(decl, "").replace(guard, `${guard}\n${decl}`);
    expect(problems(text)).toContain(`${where(text, "export const serveOptions")} Declare 'serveOptions' before the line that runs the flow, which uses it`);
    text = code.replace(decl, `${decl}\n${decl.replace("serveOptions", "again")}`);
    expect(problems(text)).toEqual([`${where(text, "export const again")} Serve options are declared twice ('serveOptions' and 'again'): keep one`]);
  });

  it("have a comment the graph would drop", () => {
    const text = edit("    { active:", "    // every quarter hour\n    { active:");
    expect(problems(text)).toEqual([`${where(text, "// every")} This comment is outside task bodies and the header, so the graph would drop it`]);
  });

  it("import other types from flowbench in the generated import", () => {
    const text = edit("type ServeOptions", "type ServeOptions, type Flow");
    expect(problems(text)[0]).toContain(`${where(text, "type Flow")} The graph writes the 'flowbench' import itself with flow, task, runFromCommandLine`);
  });
});
