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

/**
 * Syntax errors in the header, and definitions there that the parser would
 * read back as nodes: tasks and flows belong on the canvas.
 */
export function headerSyntaxErrors(header: string): SyntaxError[] {
  const file = ts.createSourceFile("header.ts", header, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const errors = fileSyntaxErrors(file);
  if (errors.length > 0) return errors;
  for (const st of file.statements) {
    const definesStep = ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => d.initializer && ts.isCallExpression(d.initializer) && ts.isIdentifier(d.initializer.expression) && ["task", "flow"].includes(d.initializer.expression.text));
    const exportsDefault = ts.isExportAssignment(st);
    if (!definesStep && !exportsDefault) continue;
    const a = file.getLineAndCharacterOfPosition(st.getStart(file));
    const b = file.getLineAndCharacterOfPosition(st.end);
    errors.push({
      line: a.line + 1,
      column: a.character + 1,
      endLine: b.line + 1,
      endColumn: b.character + 1,
      message: definesStep ? "Define tasks and flows as nodes, not in the header" : "The flow is the file's default export; the header cannot export another",
    });
  }
  return errors;
}

/** Why a type text cannot stand where the compiler writes it, or undefined when it can. */
export function typeSyntaxError(type: string): string | undefined {
  const file = ts.createSourceFile("type.ts", `type T = ${type};`, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const errors = fileSyntaxErrors(file);
  if (errors.length > 0) return errors[0]!.message;
  if (file.statements.length !== 1) return "it holds more than one type";
  if (hasComment(type)) return "it holds a comment, which the file would not keep in place";
  return undefined;
}

function hasComment(text: string): boolean {
  if (!text.includes("//") && !text.includes("/*")) return false;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const braces: boolean[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia) return true;
    if (token === ts.SyntaxKind.TemplateHead || token === ts.SyntaxKind.OpenBraceToken) braces.push(token === ts.SyntaxKind.TemplateHead);
    if (token === ts.SyntaxKind.CloseBraceToken && braces.pop() && scanner.reScanTemplateToken(false) === ts.SyntaxKind.TemplateMiddle) braces.push(true);
  }
  return false;
}
