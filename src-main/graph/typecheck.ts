/**
 * Type-checks a compiled flow with the real TypeScript compiler and maps each
 * diagnostic back to the node (and line within its code) it came from, so the
 * editor can show markers and a broken graph is refused before it runs.
 */
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import type { CompiledFlow, CompiledSpan, SpanRole } from "../../shared/graph/index.ts";

export interface CodeDiagnostic {
  /** The node the lines belong to; null for the header or the flow's own lines. */
  nodeId: string | null;
  role: SpanRole | null;
  /** 1-based, within the node's code (or the header) for bodies; within the file otherwise. */
  line: number;
  column: number;
  /** 1-based position in the compiled file. */
  fileLine: number;
  fileColumn: number;
  message: string;
  /** TypeScript's error number, e.g. 2345. */
  tsCode: number;
}

/** What Node's type stripping can run, checked as strictly as a careful person would. */
export const FLOW_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2023.d.ts"],
  types: ["node"],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  verbatimModuleSyntax: true,
  erasableSyntaxOnly: true,
  isolatedModules: true,
};

const here = dirname(fileURLToPath(import.meta.url));
/** The SDK's types: the sources when running from them, the built declarations in the package. */
const SDK_TYPES = [`${here}/../sdk.ts`, `${here}/../sdk.d.ts`].find((p) => existsSync(p))!;
/** Where @types/node comes from: this package's own dependencies, whatever folder the flow is in. */
const TYPE_ROOTS = [findUp(here, "node_modules/@types")].filter((p): p is string => p !== undefined);

// Library and SDK files parsed once per process: re-checking a flow then costs only the flow itself.
const fileCache = new Map<string, ts.SourceFile>();
let previous: ts.Program | undefined;

/**
 * Checks `compiled` as if it were saved at `fileName` (so relative imports of
 * other flows resolve from there) and returns its errors, mapped to nodes.
 */
export function checkCompiledFlow(compiled: CompiledFlow, fileName: string): CodeDiagnostic[] {
  const options: ts.CompilerOptions = { ...FLOW_COMPILER_OPTIONS, typeRoots: TYPE_ROOTS };
  const host = ts.createCompilerHost(options, true);
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => (f === fileName ? compiled.code : readFile(f));
  host.fileExists = ((exists) => (f: string) => f === fileName || exists(f))(host.fileExists.bind(host));
  host.getSourceFile = (f, language) => {
    // Flow files run as ES modules whatever the folder's package.json says (the workspace gets "type": "module").
    if (f === fileName) return ts.createSourceFile(f, compiled.code, { languageVersion: ts.ScriptTarget.ES2023, impliedNodeFormat: ts.ModuleKind.ESNext }, true, ts.ScriptKind.TS);
    const cached = fileCache.get(f);
    if (cached) return cached;
    const text = readFile(f);
    if (text === undefined) return undefined;
    const file = ts.createSourceFile(f, text, language, true);
    fileCache.set(f, file);
    return file;
  };
  host.resolveModuleNameLiterals = (literals, containing, redirected, opts) =>
    literals.map((literal) => {
      if (literal.text === "flowbench") return { resolvedModule: { resolvedFileName: SDK_TYPES, extension: SDK_TYPES.endsWith(".d.ts") ? ts.Extension.Dts : ts.Extension.Ts, isExternalLibraryImport: false } };
      return ts.resolveModuleName(literal.text, containing, opts, host, undefined, redirected, ts.getModeForUsageLocation(literal.getSourceFile(), literal, opts));
    });
  const program = ts.createProgram({ rootNames: [fileName], options, host, ...(previous ? { oldProgram: previous } : {}) });
  previous = program;
  const file = program.getSourceFile(fileName)!;
  const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
  return diagnostics.map((d) => locate(d, file, compiled.spans));
}

function locate(d: ts.Diagnostic, file: ts.SourceFile, spans: readonly CompiledSpan[]): CodeDiagnostic {
  const pos = file.getLineAndCharacterOfPosition(d.start ?? 0);
  const fileLine = pos.line + 1;
  const fileColumn = pos.character + 1;
  const span = innermost(spans, fileLine);
  const inCode = span && (span.role === "body" || span.role === "header");
  return {
    nodeId: span?.nodeId ?? null,
    role: span?.role ?? null,
    line: inCode ? fileLine - span.startLine + 1 : fileLine,
    column: inCode ? Math.max(1, fileColumn - span.indent) : fileColumn,
    fileLine,
    fileColumn,
    message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
    tsCode: d.code,
  };
}

/** The narrowest span holding a line: a body inside its definition wins. */
function innermost(spans: readonly CompiledSpan[], line: number): CompiledSpan | undefined {
  let best: CompiledSpan | undefined;
  for (const s of spans) {
    if (s.startLine <= line && line <= s.endLine && (!best || s.endLine - s.startLine < best.endLine - best.startLine)) best = s;
  }
  return best;
}

function findUp(from: string, relative: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = `${dir}/${relative}`;
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
