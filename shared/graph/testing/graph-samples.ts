/** Hand-picked values for the graph generator: the awkward cases random strings rarely reach. */

const lines = (...l: string[]) => l.join("\n");

/** Node bodies: each a valid async function body. */
export const CODES: readonly string[] = [
  "",
  "return 1;",
  "// only a comment",
  lines("/* a block", "   comment */", "return null;"),
  lines('const url = "https://example.com//path"; // a // comment', "return url;"),
  lines("const tick = '`';", 'const quote = "``";', "return tick + quote;"),
  lines("return `line one", "   odd indent", " line three ${1 + 1}", "`;"),
  lines("const report = `", "Total: ${[1, 2].map((n) => `${n}`).join(`", "`)}", "    done`;", "return report;"),
  lines("if (Math.random() > 0.5) {", "  for (const x of [1, 2]) {", "    if (x) { console.log({ a: { b: x } }); }", "  }", "}"),
  lines("const obj = {", "    deep: {", "        deeper: [1, 2, {", '            x: "}",', "        }],", "    },", "};", "return obj;"),
  lines("    const indented = 42;", "    return indented;"),
  lines("\tif (true) {", "\t\treturn 'tabs';", "\t}"),
  lines('getLogger().info("x");', "return getRunContext().signal;"),
  'throw new NonRetryableError("no");',
  lines('const s = "one \\', '   two";', "return s;"),
  lines("const re = /\\/\\/`/;", 'return re.test("//`");'),
  "return `\n`;",
  lines("label: for (;;) {", "  break label;", "}"),
  lines("  const t = `a", "b", "      c`;", "  return t;"),
  "return (await Promise.all([1, 2])).length;",
  "return 1; // done",
  lines("/**", " * doc-like", " */", "return 1;"),
  lines("const a = 1;", "   ", "return a;"),
  lines("// flowbench:canvas", "return 'not the canvas';"),
  lines("const f = function () {", "  return '});';", "};", "return f();"),
  lines("return `${`nested ${`deeper`}`}", "  closing`;"),
];

/** Headers: imports and declarations, or nothing; none declares a name a node could take. */
export const HEADERS: readonly string[] = [
  "",
  "",
  'import { readFile } from "node:fs/promises";',
  lines('import { execFile } from "node:child_process";', 'import { promisify } from "node:util";', "", "const run = promisify(execFile);"),
  "interface Order { id: number; total: number }",
  lines("// Shared helpers", 'const BASE_URL = "https://example.com//api";', "", "function double(n: number): number {", "  return n * 2;", "}"),
  lines("", "", 'import path from "node:path";', "const sep = path.sep;", "").replace(/\n/g, "\r\n"),
  lines("/** A row. */", "export type Row = { id: string };", "// trailing comment"),
  'import helper from "./helper.ts";',
  lines('import { getLogger } from "flowbench";', "const log = getLogger();"),
  lines("  const indentedConst = 1;   ", "", "", ""),
  "declare const globalValue: string;",
  lines("const tpl = `multi", "  line ${1}", "`;"),
  "// only a comment",
  lines("/* block", "   comment */"),
  'import type Thing from "./thing.ts";',
  // The names serve options take: the compiler must not redeclare them.
  lines('import type { ServeOptions } from "flowbench";', 'const serveOptions = "not the serve options";'),
];
/** Names the headers declare. */
export const HEADER_NAMES = ["readFile", "execFile", "promisify", "run", "Order", "BASE_URL", "double", "path", "sep", "Row", "helper", "getLogger", "log", "indentedConst", "globalValue", "tpl", "Thing", "ServeOptions", "serveOptions"];

export const TITLES: readonly string[] = [
  "Fetch orders",
  "fetch",
  "Café prix",
  "delete",
  "2nd pass",
  "HTTP request",
  "  padded title  ",
  "Ünïcödé",
  "日本語 タスク",
  "!!!",
  "snake_case_title",
  "a-b-c",
  "line\u2028sep",
  "🚀 launch",
  "it's done",
  "Promise",
  "task",
  "flow",
  "Params",
  "getLogger",
  "Report",
  "report",
  "Serve options",
  "Multi\nline",
  "new",
  "x",
  // Letters newer than TypeScript's Unicode tables: Garay (Unicode 16), and ɤ, whose capital Ɤ is new in Unicode 16.
  "\u{10D4A} step",
  "take ɤ",
];

/** Parameter and port names: identifiers, including ones that are awkward as object keys or globals. */
export const NAMES: readonly string[] = ["x", "items", "url", "data", "value", "café", "$el", "_", "n2", "Promise", "task", "params", "result", "__proto__", "constructor", "toString", "日本", "a\u200cb", "Params", "undefinedValue", "$", "main", "a\u{10D4A}"];
/** Input names only subflows and outputs take: keywords are fine there. */
export const OUTPUT_NAMES: readonly string[] = ["result", "delete", "default", "class", "value", "__proto__", "total"];

export const PORT_TYPES: readonly string[] = ["string", "number", "boolean", "string[]", "unknown", "Record<string, number>", "{ id: string; total?: number }", "Array<number>", "string | null", "Order"];

export const PARAM_DESCRIPTIONS: readonly string[] = [
  "First day to include",
  lines("Line one", "line two"),
  "  padded  ",
  "* starts with a star",
  "ends with a star *",
  "has `backticks` and // slashes",
  lines("multi", "", "  indented", "last"),
  lines("trailing spaces   ", "next"),
  lines("crlf\r", "line"),
  "",
  "   ",
  "/** nested opener",
  "emoji 🚀\u2028separator",
];

/** Schedule fields: valid by scheduleSpecSchema, some odd. */
export const CRONS: readonly string[] = ["0 9 * * 1-5", "*/15 * * * *", "@daily", "0 0 1 1 *", "0 9 * * MON#1"];
export const TIMEZONES: readonly string[] = ["UTC", "Europe/Paris", "America/Argentina/Buenos_Aires", "Etc/GMT+5"];
export const DURATIONS: readonly string[] = ["15m", "90s", "1h30m", "2d", "500ms"];
export const INSTANTS: readonly string[] = ["2026-01-01", "2026-07-01T09:00:00Z", "2026-03-29T02:30:00+01:00"];

export const FLOW_PATHS: readonly string[] = ["report", "../lib/report-2", "weekly.report", "a/b_c/d", "../../shared/x-y", "-dash", "x.tsx", "v1.2/flow"];
