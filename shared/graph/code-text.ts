/**
 * Node code moves between the graph (unindented) and the file (indented inside
 * a function). Lines that begin inside a string or template literal are never
 * touched: re-indenting them would change the program.
 */
import ts from "typescript";

/** Lines (0-based) that start inside a multi-line string or template literal. */
export function literalLines(text: string): Set<number> {
  const lines = new Set<number>();
  if (!text.includes("`") && !text.includes("\\\n") && !text.includes("\\\r")) return lines;
  const file = ts.createSourceFile("code.ts", text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const starts = lineStarts(text);
  const visit = (node: ts.Node): void => {
    switch (node.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.TemplateHead:
      case ts.SyntaxKind.TemplateMiddle:
      case ts.SyntaxKind.TemplateTail:
        markInside(node.getStart(file), node.end, starts, lines);
        return;
      default:
        ts.forEachChild(node, visit);
    }
  };
  visit(file);
  return lines;
}

function markInside(start: number, end: number, starts: number[], out: Set<number>): void {
  for (let line = lineOf(starts, start) + 1; line < starts.length && starts[line]! < end; line++) out.add(line);
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
export function dedent(code: string): string {
  const keep = literalLines(code);
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
 * blank lines before the first statement, nothing after the last.
 */
export function normalizeCode(code: string): string {
  const unix = code.replace(/\r\n?/g, "\n");
  return dedent(unix).replace(/^(?:[ \t]*\n)+/, "").trimEnd();
}
