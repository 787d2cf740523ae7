/**
 * Pure text helpers for editing one node's body inside a full module, so
 * TypeScript sees imports, the header and the typed parameters, and for
 * mapping compiled-flow positions back to node bodies.
 */
import { compileGraph, type CompiledSpan } from "../../shared/graph/compile/index.ts";
import { normalizeCode } from "../../shared/graph/code-text.ts";
import { identFromTitle, SDK_AUTO_IMPORTS } from "../../shared/graph/names.ts";
import { normalizeHeader } from "../../shared/graph/normalize.ts";
import type { CodeNode, FlowGraph } from "../../shared/graph/model.ts";
import type { NodeDiagnostic } from "../editor/store/types.ts";

// In its own module so the type-check can use it without loading the compiler (and TypeScript).
export { minimalEdit } from "./text-edit.ts";

/** The model text is `prelude + body + SUFFIX`. */
export const SUFFIX = "\n}\n";

/**
 * The import line the compiler would write for this header (every SDK helper
 * the header does not bind itself, so the prelude does not depend on the body),
 * the header, and `export async function name(inputs): Promise<output> {`.
 */
export function buildPrelude(graph: Pick<FlowGraph, "header">, node: CodeNode): string {
  const header = normalizeHeader(graph.header);
  const lines = [importLine(header)];
  if (header) lines.push(header);
  const params = node.inputs.map((p) => `${p.name}${p.optional ? "?" : ""}${p.type ? `: ${p.type}` : ""}`).join(", ");
  const output = node.kind === "branch" ? "boolean" : node.output;
  lines.push(`export async function ${identFromTitle(node.title)}(${params})${output ? `: Promise<${output}>` : ""} {`);
  return lines.join("\n") + "\n";
}

const importCache = new Map<string, string>();

function importLine(header: string): string {
  const hit = importCache.get(header);
  if (hit !== undefined) return hit;
  let line = 'import { flow, task } from "flowbench";';
  try {
    // A probe node that names every helper: the compiler then imports exactly those the header leaves free.
    const probe: CodeNode = { id: "probe", kind: "task", title: "probe", position: { x: 0, y: 0 }, inputs: [], options: {}, code: SDK_AUTO_IMPORTS.join(";") };
    const compiled = compileGraph({ name: "probe", params: [], options: {}, header, nodes: [probe], edges: [] });
    line = compiled.code.slice(0, compiled.code.indexOf("\n"));
  } catch {
    // A header the compiler rejects still gets the basic imports.
  }
  if (importCache.size > 100) importCache.clear();
  importCache.set(header, line);
  return line;
}

export function modelText(prelude: string, body: string): string {
  return prelude + body + SUFFIX;
}

/** The body, or null when the text no longer has the prelude and suffix intact. */
export function bodyOf(text: string, prelude: string): string | null {
  if (!text.startsWith(prelude) || !text.endsWith(SUFFIX) || text.length < prelude.length + SUFFIX.length) return null;
  return text.slice(prelude.length, text.length - SUFFIX.length);
}

export function lineCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** 1-based model line of the body's first line. */
export function bodyStartLine(prelude: string): number {
  return lineCount(prelude);
}

/** Body line/column (1-based) ↔ model line/column: only lines shift. */
export function bodyToModel(prelude: string, pos: { line: number; column: number }): { line: number; column: number } {
  return { line: pos.line + bodyStartLine(prelude) - 1, column: pos.column };
}

export function modelToBody(prelude: string, pos: { line: number; column: number }): { line: number; column: number } | null {
  const line = pos.line - bodyStartLine(prelude) + 1;
  return line >= 1 ? { line, column: pos.column } : null;
}

/** A compiler diagnostic at a 1-based position of the compiled file. */
export interface FlowDiagnostic {
  line: number;
  column: number;
  message: string;
  severity: NodeDiagnostic["severity"];
  /** TypeScript's error code. */
  code?: number;
}

/**
 * Which node a compiled position belongs to, and where in its own code:
 * inside a body the line and column are the node's (1-based, in `node.code`
 * as stored); on a signature or call line only the node is known.
 */
export function locateInNode(
  spans: readonly CompiledSpan[],
  compiledLines: readonly string[],
  codeOf: (nodeId: string) => string | undefined,
  line: number,
  column: number,
): { nodeId: string; line?: number; column?: number } | null {
  const within = spans.filter((s) => s.nodeId !== null && line >= s.startLine && line <= s.endLine);
  const body = within.find((s) => s.role === "body");
  if (body) {
    const raw = codeOf(body.nodeId!);
    const bodyLine = line - body.startLine + 1;
    // Empty lines and lines inside multi-line literals are not indented by the compiler.
    const text = compiledLines[line - 1] ?? "";
    const indented = raw === undefined ? text.startsWith(" ".repeat(body.indent)) : normalizedLine(raw, bodyLine) !== text;
    const col = Math.max(1, column - (indented ? body.indent : 0));
    return { nodeId: body.nodeId!, ...rawPosition(raw ?? "", bodyLine, col) };
  }
  const other = within.find((s) => s.role === "call") ?? within[0];
  return other ? { nodeId: other.nodeId! } : null;
}

function normalizedLine(raw: string, line: number): string | undefined {
  return normalizeCode(raw).split("\n")[line - 1];
}

/** The compiler writes normalized code (no leading blank lines, common indent removed); map back to the stored text. */
function rawPosition(raw: string, line: number, column: number): { line: number; column: number } {
  const unix = raw.replace(/\r\n?/g, "\n");
  const rawLines = unix.split("\n");
  let lead = 0;
  while (lead < rawLines.length && rawLines[lead]!.trim() === "") lead++;
  const normalized = normalizeCode(raw).split("\n")[line - 1];
  const rawLine = rawLines[lead + line - 1];
  if (normalized === undefined || rawLine === undefined) return { line: lead + line, column };
  const indentOf = (s: string) => /^[ \t]*/.exec(s)![0].length;
  return { line: lead + line, column: column + Math.max(0, indentOf(rawLine) - indentOf(normalized)) };
}

const CANNOT_FIND_MODULE = 2307;

/** Compiler positions → node diagnostics; unresolved subflow imports are skipped (subflows are typed as any here). */
export function toNodeDiagnostics(
  compiled: { code: string; spans: readonly CompiledSpan[] },
  graph: Pick<FlowGraph, "nodes">,
  diagnostics: readonly FlowDiagnostic[],
): NodeDiagnostic[] {
  const lines = compiled.code.split("\n");
  const codes = new Map(graph.nodes.map((n) => [n.id, "code" in n ? n.code : undefined]));
  const out: NodeDiagnostic[] = [];
  for (const d of diagnostics) {
    if (d.code === CANNOT_FIND_MODULE && lines[d.line - 1]?.startsWith("import ") && !lines[d.line - 1]?.includes('"flowbench"')) continue;
    const at = locateInNode(compiled.spans, lines, (id) => codes.get(id), d.line, d.column);
    if (!at) continue;
    const item: NodeDiagnostic = { nodeId: at.nodeId, severity: d.severity, message: d.message, source: "typescript" };
    if (at.line !== undefined) item.line = at.line;
    if (at.column !== undefined) item.column = at.column;
    out.push(item);
  }
  return out;
}

/** Applies TypeScript text changes (offset spans) to a string. */
export function applyTextChanges(text: string, changes: readonly { span: { start: number; length: number }; newText: string }[]): string {
  let out = text;
  for (const c of [...changes].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, c.span.start) + c.newText + out.slice(c.span.start + c.span.length);
  }
  return out;
}
