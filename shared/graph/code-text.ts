/**
 * Node code moves between the graph (unindented) and the file (indented inside
 * a function). Lines that begin inside a string or template literal are never
 * touched: re-indenting them would change the program.
 */
import ts from "typescript";

const EMPTY: ReadonlySet<number> = new Set();
// Each body is parsed once per distinct text: compiling indents what it just normalized, parsing normalizes again.
const CACHE_LIMIT = 4096;
const literalCache = new Map<string, ReadonlySet<number>>();
const normalCache = new Map<string, string>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Empties the caches, so a benchmark measures the work, not the memory of it. */
export function clearCodeTextCache(): void {
  literalCache.clear();
  normalCache.clear();
}

/** Lines (0-based) that start inside a multi-line string or template literal. */
export function literalLines(text: string): ReadonlySet<number> {
  if (!text.includes("`") && !text.includes("\\\n") && !text.includes("\\\r")) return EMPTY;
  const hit = literalCache.get(text);
  if (hit) return hit;
  const file = ts.createSourceFile("code.ts", text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return remember(literalCache, text, literalLinesIn(file, file, 0));
}

/**
 * The same, for code that is part of a parsed file: lines counted from the
 * line holding `from`, read off the file's own syntax tree.
 */
export function literalLinesIn(root: ts.Node, file: ts.SourceFile, from: number): ReadonlySet<number> {
  const lines = new Set<number>();
  const text = file.text.slice(from, root.end);
  if (!text.includes("`") && !text.includes("\\\n") && !text.includes("\\\r")) return EMPTY;
  const first = file.getLineAndCharacterOfPosition(from).line;
  const starts = file.getLineStarts();
  const visit = (node: ts.Node): void => {
    switch (node.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.TemplateHead:
      case ts.SyntaxKind.TemplateMiddle:
      case ts.SyntaxKind.TemplateTail:
        markInside(node.getStart(file), node.end, starts, lines, first);
        return;
      default:
        ts.forEachChild(node, visit);
    }
  };
  visit(root);
  return lines;
}

function markInside(start: number, end: number, starts: readonly number[], out: Set<number>, first: number): void {
  for (let line = lineOf(starts, start) + 1; line < starts.length && starts[line]! < end; line++) out.add(line - first);
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** The 0-based line holding an offset. */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Prefixes every line but empty ones and those inside literals. */
export function indent(code: string, prefix: string): string {
  if (code === "") return code;
  const keep = literalLines(code);
  return code
    .split("\n")
    .map((line, i) => (line === "" || keep.has(i) ? line : prefix + line))
    .join("\n");
}

/** Removes the indentation all code lines share; literal lines stay as they are. */
export function dedent(code: string, keep: ReadonlySet<number> = literalLines(code)): string {
  const lines = code.split("\n");
  let common: number | undefined;
  lines.forEach((line, i) => {
    if (keep.has(i) || line.trim() === "") return;
    const width = /^[ \t]*/.exec(line)![0].length;
    common = common === undefined ? width : Math.min(common, width);
  });
  if (!common) return code;
  const cut = common;
  return lines.map((line, i) => (keep.has(i) ? line : line.replace(new RegExp(`^[ \\t]{0,${cut}}`), ""))).join("\n");
}

/**
 * The one form node code is kept in: LF line ends, no shared indentation, no
 * blank lines before the first statement, nothing after the last. `literal`
 * gives the code's literal lines when the caller already knows them.
 */
export function normalizeCode(code: string, literal?: ReadonlySet<number>): string {
  const hit = normalCache.get(code);
  if (hit !== undefined) return hit;
  const unix = code.replace(/\r\n?/g, "\n");
  const keep = literal ?? literalLines(unix);
  const dedented = dedent(unix, keep);
  const trimmed = dedented.replace(/^(?:[ \t]*\n)+/, "");
  const out = trimmed.trimEnd();
  // Line ends and indentation do not move literals; dropping leading blank lines shifts them.
  const shift = dedented.length === trimmed.length ? 0 : dedented.slice(0, dedented.length - trimmed.length).split("\n").length - 1;
  const count = out === "" ? 0 : out.split("\n").length;
  const outLiteral = new Set<number>();
  for (const line of keep) if (line - shift >= 0 && line - shift < count) outLiteral.add(line - shift);
  remember(literalCache, out, outLiteral);
  remember(normalCache, code, out);
  return remember(normalCache, out, out);
}
