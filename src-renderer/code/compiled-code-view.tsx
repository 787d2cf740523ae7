/** The whole compiled flow, read-only, with TypeScript highlighting (and markers). */
import { useEffect, useRef } from "react";
import type * as Monaco from "monaco-editor";
import type { MonacoApi } from "./monaco.ts";
import { EDITOR_OPTIONS } from "./node-code-editor.tsx";
import { minimalEdit } from "./node-model.ts";
import { MonacoLoading, uniqueUri, useMonaco } from "./use-monaco.tsx";

export function CompiledCodeView({ code, className }: { code: string; className?: string }) {
  const { monaco, error } = useMonaco();
  return (
    <div data-testid="compiled-code" className={className ?? "h-full min-h-40 w-full"}>
      {monaco ? <ReadOnlyView monaco={monaco} code={code} /> : <MonacoLoading error={error} />}
    </div>
  );
}

function ReadOnlyView({ monaco, code }: { monaco: MonacoApi; code: string }) {
  const host = useRef<HTMLDivElement>(null);
  const model = useRef<Monaco.editor.ITextModel | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const m = monaco.editor.createModel("", "typescript", uniqueUri(monaco, "compiled"));
    const editor = monaco.editor.create(host.current, { ...EDITOR_OPTIONS, model: m, readOnly: true, domReadOnly: true });
    model.current = m;
    return () => {
      model.current = null;
      editor.dispose();
      m.dispose();
    };
  }, [monaco]);

  useEffect(() => {
    const m = model.current;
    if (!m) return;
    // Replacing only what changed keeps the scroll position and the view steady.
    const change = minimalEdit(m.getValue(), code);
    if (!change) return;
    const from = m.getPositionAt(change.start);
    const to = m.getPositionAt(change.end);
    m.applyEdits([{ range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column), text: change.text }]);
  }, [monaco, code]);

  return <div ref={host} className="h-full w-full" />;
}
