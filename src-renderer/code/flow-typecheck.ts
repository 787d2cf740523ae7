/**
 * Type-checks the whole compiled flow in Monaco's TypeScript worker and
 * publishes the errors per node (source "typescript"), so every node gets a
 * badge whether or not its editor is open. This is the only publisher of
 * TypeScript diagnostics; the node editor only shows markers.
 */
import { useEffect } from "react";
import type * as Monaco from "monaco-editor";
import { compileGraph, type CompiledFlow } from "../../shared/graph/compile/index.ts";
import type { FlowGraph } from "../../shared/graph/model.ts";
import { useDocumentStoreApi } from "../editor/store/context.tsx";
import { loadMonaco, type MonacoApi } from "./monaco.ts";
import { minimalEdit, toNodeDiagnostics, type FlowDiagnostic } from "./node-model.ts";
import { uniqueUri } from "./use-monaco.tsx";

const DEBOUNCE_MS = 300;

export function useFlowTypecheck(): void {
  const store = useDocumentStoreApi();
  useEffect(() => {
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let model: Monaco.editor.ITextModel | null = null;
    let unsubscribe = () => {};
    let run = 0;

    const check = async (monaco: MonacoApi, m: Monaco.editor.ITextModel) => {
      const graph = store.getState().graph;
      let compiled: CompiledFlow;
      try {
        compiled = compileGraph(graph);
      } catch {
        return; // an invalid graph: validation reports it
      }
      const mine = ++run;
      const change = minimalEdit(m.getValue(), compiled.code);
      if (change) m.applyEdits([{ range: rangeOf(monaco, m, change.start, change.end), text: change.text }]);
      const found = await diagnose(monaco, m);
      if (disposed || mine !== run || found === null) return;
      store.getState().setDiagnostics("typescript", toNodeDiagnostics(compiled, graph, found));
    };

    void loadMonaco().then((monaco) => {
      if (disposed) return;
      // Plain text, so Monaco's own marker pass skips it: the worker still sees it when asked by URI.
      const m = (model = monaco.editor.createModel("", "plaintext", uniqueUri(monaco, "flow-check")));
      const schedule = () => {
        clearTimeout(timer);
        timer = setTimeout(() => void check(monaco, m).catch(() => undefined), DEBOUNCE_MS);
      };
      let graph: FlowGraph = store.getState().graph;
      unsubscribe = store.subscribe((state) => {
        if (state.graph === graph) return;
        graph = state.graph;
        schedule();
      });
      schedule();
    });

    return () => {
      disposed = true;
      clearTimeout(timer);
      unsubscribe();
      model?.dispose();
    };
  }, [store]);
}

async function diagnose(monaco: MonacoApi, m: Monaco.editor.ITextModel): Promise<FlowDiagnostic[] | null> {
  const version = m.getVersionId();
  const getWorker = await monaco.typescript.getTypeScriptWorker();
  const worker = await getWorker(m.uri);
  const uri = m.uri.toString();
  const [syntactic, semantic] = await Promise.all([worker.getSyntacticDiagnostics(uri), worker.getSemanticDiagnostics(uri)]);
  if (m.isDisposed() || m.getVersionId() !== version) return null;
  const out: FlowDiagnostic[] = [];
  for (const d of [...syntactic, ...semantic]) {
    // 0 warning, 1 error; suggestions and messages are not badges.
    if (d.category !== 0 && d.category !== 1) continue;
    const pos = m.getPositionAt(d.start ?? 0);
    out.push({ line: pos.lineNumber, column: pos.column, message: messageText(d.messageText), severity: d.category === 1 ? "error" : "warning", code: d.code });
  }
  return out;
}

type Chain = string | { messageText: string; next?: Chain[] };

function messageText(chain: Chain, depth = 0): string {
  if (typeof chain === "string") return chain;
  const rest = (chain.next ?? []).map((c) => messageText(c, depth + 1));
  return [chain.messageText, ...rest].join("\n" + "  ".repeat(depth + 1));
}

function rangeOf(monaco: MonacoApi, m: Monaco.editor.ITextModel, start: number, end: number): Monaco.Range {
  const a = m.getPositionAt(start);
  const b = m.getPositionAt(end);
  return new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column);
}
