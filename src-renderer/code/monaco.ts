/**
 * Monaco, loaded on first use into its own chunk, fully offline: workers are
 * bundled, @monaco-editor/react is pointed at this copy (not a CDN), and the
 * TypeScript worker gets the SDK and @types/node as extra libs.
 */
import type * as Monaco from "monaco-editor";

export type MonacoApi = typeof Monaco;

let loading: Promise<MonacoApi> | null = null;

export function loadMonaco(): Promise<MonacoApi> {
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function load(): Promise<MonacoApi> {
  const [monaco, { loader }, { default: EditorWorker }, { default: TsWorker }, { default: libs }] = await Promise.all([
    import("monaco-editor"),
    import("@monaco-editor/react"),
    import("monaco-editor/editor/editor.worker?worker"),
    import("monaco-editor/language/typescript/ts.worker?worker"),
    import("virtual:flowbench-sdk-types"),
  ]);
  self.MonacoEnvironment = {
    getWorker: (_id, label) => (label === "typescript" || label === "javascript" ? new TsWorker() : new EditorWorker()),
  };
  loader.config({ monaco });

  const ts = monaco.typescript.typescriptDefaults;
  ts.setCompilerOptions({
    // TypeScript's own enum values; Monaco's typings list only older members.
    target: 10 /* ES2023 */,
    module: 99 /* ESNext */,
    moduleResolution: 100 /* Bundler */,
    lib: ["lib.es2023.d.ts"],
    types: [],
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    isolatedModules: true,
    skipLibCheck: true,
  } as unknown as Monaco.typescript.CompilerOptions);
  ts.setExtraLibs(libs.map((lib) => ({ content: lib.content, filePath: lib.path })));
  followTheme(monaco);
  return monaco;
}

/** The app marks dark mode with class "dark" on <html>. */
function followTheme(monaco: MonacoApi): void {
  const apply = () => monaco.editor.setTheme(document.documentElement.classList.contains("dark") ? "vs-dark" : "vs");
  apply();
  new MutationObserver(apply).observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
}
