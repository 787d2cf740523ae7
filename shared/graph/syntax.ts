/** Syntax errors as the TypeScript parser reports them, for files and for node code alone. */
import ts from "typescript";

export interface SyntaxError {
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** The parser's own diagnostics; `createSourceFile` keeps them on the file. */
export function fileSyntaxErrors(file: ts.SourceFile): SyntaxError[] {
  const diagnostics = (file as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  return diagnostics.map((d) => {
    const a = file.getLineAndCharacterOfPosition(d.start);
    const b = file.getLineAndCharacterOfPosition(d.start + d.length);
    return { line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1, message: ts.flattenDiagnosticMessageText(d.messageText, "\n") };
  });
}

const PREFIX = "async function node() {\n";

/** Syntax errors in a function body, placed on the body's own lines. */
export function codeSyntaxErrors(code: string): SyntaxError[] {
  const file = ts.createSourceFile("node.ts", `${PREFIX}${code}\n}`, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const lastLine = code.split("\n").length;
  const errors = fileSyntaxErrors(file);
  // A `}` that closes the function early still parses, but the code after it would land outside the node.
  const fn = file.statements[0];
  if (errors.length === 0 && fn && file.statements.length > 1) {
    const at = file.getLineAndCharacterOfPosition(fn.end - 1);
    errors.push({ line: at.line + 1, column: at.character + 1, endLine: at.line + 1, endColumn: at.character + 2, message: "This '}' closes the function body; the code after it would fall outside the node" });
  }
  return errors.map((e) => {
    const clamp = (line: number) => Math.min(Math.max(line - 1, 1), lastLine);
    return { ...e, line: clamp(e.line), endLine: clamp(e.endLine), column: e.line < 2 ? 1 : e.column, endColumn: e.endLine > lastLine + 1 ? 1 : e.endColumn };
  });
}
