/**
 * Built-in templates: ordinary task nodes with code filled in. A template may
 * need imports; adding one to a graph adds those to the header once.
 */
import type { Port, TaskGraphOptions, TaskNode, TemplateId } from "./model.ts";

export interface Template {
  id: TemplateId;
  title: string;
  description: string;
  inputs: Port[];
  output: string;
  code: string;
  options: TaskGraphOptions;
  /** Import lines the code needs in the file's header. */
  imports: string[];
}

export const TEMPLATES: Record<TemplateId, Template> = {
  "http-request": {
    id: "http-request",
    title: "HTTP request",
    description: "GET a URL and return its JSON; 4xx answers fail at once, others are retried.",
    inputs: [{ name: "url", type: "string" }],
    output: "unknown",
    code: [
      "const response = await fetch(url, { signal: getRunContext().signal });",
      "if (response.status >= 400 && response.status < 500) {",
      "  throw new NonRetryableError(`GET ${url} answered ${response.status} ${response.statusText}`);",
      "}",
      "if (!response.ok) throw new Error(`GET ${url} answered ${response.status} ${response.statusText}`);",
      "return await response.json();",
    ].join("\n"),
    options: { retries: 2, retryDelayMs: 1000, timeoutMs: 30000 },
    imports: [],
  },
  "shell-command": {
    id: "shell-command",
    title: "Shell command",
    description: "Run a command with sh -c; a non-zero exit fails the task.",
    inputs: [{ name: "command", type: "string" }],
    output: "{ stdout: string; stderr: string }",
    code: [
      'const { stdout, stderr } = await promisify(execFile)("sh", ["-c", command], { signal: getRunContext().signal });',
      "if (stderr) getLogger().warning(stderr);",
      "return { stdout, stderr };",
    ].join("\n"),
    options: {},
    imports: ['import { execFile } from "node:child_process";', 'import { promisify } from "node:util";'],
  },
  "read-file": {
    id: "read-file",
    title: "Read file",
    description: "Read a text file (UTF-8).",
    inputs: [{ name: "path", type: "string" }],
    output: "string",
    code: 'return await readFile(path, "utf8");',
    options: {},
    imports: ['import { readFile } from "node:fs/promises";'],
  },
  "write-file": {
    id: "write-file",
    title: "Write file",
    description: "Write text to a file, creating its folder; returns the path.",
    inputs: [{ name: "path", type: "string" }, { name: "content", type: "string" }],
    output: "string",
    code: ['await mkdir(dirname(path), { recursive: true });', 'await writeFile(path, content, "utf8");', "return path;"].join("\n"),
    options: {},
    imports: ['import { mkdir, writeFile } from "node:fs/promises";', 'import { dirname } from "node:path";'],
  },
  "json-transform": {
    id: "json-transform",
    title: "JSON transform",
    description: "Reshape data: parse JSON text if needed, then pick, rename or compute fields.",
    inputs: [{ name: "data", type: "unknown" }],
    output: "unknown",
    code: [
      'const value = typeof data === "string" ? JSON.parse(data) : data;',
      "// Reshape `value` here, e.g. value.items.map((item) => ({ id: item.id }))",
      "return value;",
    ].join("\n"),
    options: {},
    imports: [],
  },
  delay: {
    id: "delay",
    title: "Delay",
    description: "Wait, then pass the value on; cancelling the run ends the wait.",
    inputs: [{ name: "value", type: "unknown", optional: true }],
    output: "unknown",
    code: ["await sleep(1000, undefined, { signal: getRunContext().signal });", "return value;"].join("\n"),
    options: {},
    imports: ['import { setTimeout as sleep } from "node:timers/promises";'],
  },
  log: {
    id: "log",
    title: "Log",
    description: "Write a value to the run's logs and pass it on.",
    inputs: [{ name: "message", type: "unknown" }],
    output: "unknown",
    code: ['getLogger().info(typeof message === "string" ? message : JSON.stringify(message));', "return message;"].join("\n"),
    options: {},
    imports: [],
  },
};

/** A task node made from a template. */
export function nodeFromTemplate(id: TemplateId, nodeId: string, position: { x: number; y: number }, title = TEMPLATES[id].title): TaskNode {
  const t = TEMPLATES[id];
  return {
    id: nodeId,
    kind: "task",
    title,
    position,
    inputs: t.inputs.map((p) => ({ ...p })),
    output: t.output,
    code: t.code,
    options: structuredClone(t.options),
    template: id,
  };
}

/** The header with a template's imports added after its leading imports, each line once. */
export function withTemplateImports(header: string, id: TemplateId): string {
  const lines = header === "" ? [] : header.split("\n");
  const missing = TEMPLATES[id].imports.filter((line) => !lines.includes(line));
  if (missing.length === 0) return header;
  let at = 0;
  while (at < lines.length && /^import\s/.test(lines[at]!)) at++;
  const gap = at === 0 && lines.length > 0 ? [""] : [];
  return [...lines.slice(0, at), ...missing, ...gap, ...lines.slice(at)].join("\n");
}
