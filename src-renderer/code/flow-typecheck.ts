/**
 * Type-checks the whole compiled flow in Monaco's TypeScript worker and
 * publishes the errors per node (source "typescript"), so every node gets a
 * badge whether or not its editor is open. This is the only publisher of
 * TypeScript diagnostics; the node editor only shows markers.
 */
import { useEffect } from "react";
import type * as Monaco from "monaco-editor";
import { whenQuiet } from "../canvas/viewport-motion.ts";
import { useDocumentStoreApi } from "../editor/store/context.tsx";
import { compileInWorker, locateInWorker } from "../editor/validate/validate.ts";
import { loadMonaco, type MonacoApi } from "./monaco.ts";
import type { FlowDiagnostic } from "./node-model.ts";
import { minimalEdit } from "./text-edit.ts";
import { uniqueUri } from "./use-monaco.tsx";

const DEBOUNCE_MS = 300;
/**
 * Background steps wait until the canvas has been left alone (no pan, zoom or pointer on it) this
 * long, then for an idle moment. The check keeps a core busy for seconds on a big flow: started while
 * the user pans, even in a worker, it costs the pan frames on a two-core machine. Monaco's first load
 * (megabytes of script evaluated on this thread) waits longest: a flow just opened is often panned
 * within the first seconds.
 */
const FIRST_LOAD = { stillFor: 3000, idleTimeout: 1000 };
const STEP = { stillFor: 1000, idleTimeout: 1000 };

/**
 * The main thread only feeds Monaco the code and applies the result: compiling the graph and
 * mapping diagnostics back to nodes run in the validation worker, and each step on this thread
 * waits for an idle moment with the canvas still, so a pan is not interrupted by the check.
 */
export function useFlowTypecheck(): void {
  const store = useDocumentStoreApi();
  useEffect(() => {
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelQuiet = () => {};
    let model: Monaco.editor.ITextModel | null = null;
    let unsubscribe = () => {};
    let run = 0;
    const quiet = () =>
      new Promise<void>((resolve) => {
        cancelQuiet = whenQuiet(resolve, STEP);
      });

    const check = async (monaco: MonacoApi, m: Monaco.editor.ITextModel) => {
      const mine = ++run;
      const stale = () => disposed || mine !== run;
      // Posting the graph to the worker copies it (tens of ms with 1,000 nodes): also not mid-pan.
      await quiet();
      if (stale()) return;
      let compiled: { compileId: number; code: string };
      try {
        compiled = await compileInWorker(store.getState().graph);
      } catch {
        return; // an invalid graph: validation reports it
      }
      if (stale()) return;
      await quiet();
      if (stale()) return;
      // The first fill as one buffer: an edit of the whole text also counts lines and keeps undo data (150 ms at 1,000 nodes).
      if (m.getValueLength() === 0) m.setValue(compiled.code);
      else {
        const change = minimalEdit(m.getValue(), compiled.code);
        if (change) m.applyEdits([{ range: rangeOf(monaco, m, change.start, change.end), text: change.text }]);
      }
      const found = await diagnose(monaco, m);
      if (stale() || found === null) return;
      const diagnostics = await locateInWorker(compiled.compileId, found);
      if (stale()) return;
      await quiet();
      if (stale()) return;
      store.getState().setDiagnostics("typescript", diagnostics);
    };

    // Monaco's first load evaluates megabytes of script: not while the flow is first drawn or panned
    // (the canvas being shown counts as a move).
    cancelQuiet = whenQuiet(() => {
      void loadMonaco().then((monaco) => {
        if (disposed) return;
        // Plain text, so Monaco's own marker pass skips it: the worker still sees it when asked by URI.
        const m = (model = monaco.editor.createModel("", "plaintext", uniqueUri(monaco, "flow-check")));
        const schedule = () => {
          clearTimeout(timer);
          timer = setTimeout(() => void check(monaco, m).catch(() => undefined), DEBOUNCE_MS);
        };
        let graph = store.getState().graph;
        unsubscribe = store.subscribe((state) => {
          if (state.graph === graph) return;
          graph = state.graph;
          run++; // an older check still on its way is stale now
          schedule();
        });
        schedule();
      });
    }, FIRST_LOAD);

    return () => {
      disposed = true;
      clearTimeout(timer);
      cancelQuiet();
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
