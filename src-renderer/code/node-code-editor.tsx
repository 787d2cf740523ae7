/**
 * One code node's body in Monaco. The model holds a whole module (imports,
 * header, `export async function name(typed inputs) {`, body, `}`) so the
 * TypeScript worker types the body; everything but the body is hidden, and
 * edits that reach outside it are undone.
 *
 * Diagnostics: this editor shows Monaco's markers but does not publish them
 * to the store; useFlowTypecheck() publishes for every node, so there is one
 * source of truth and no double counting.
 */
import { useEffect, useRef } from "react";
import type * as Monaco from "monaco-editor";
import { normalizeCode } from "../../shared/graph/code-text.ts";
import { isCodeNode, type CodeNode } from "../../shared/graph/model.ts";
import { useDocumentStoreApi } from "../editor/store/context.tsx";
import type { DocumentStore } from "../editor/store/types.ts";
import type { MonacoApi } from "./monaco.ts";
import { applyTextChanges, bodyOf, bodyStartLine, buildPrelude, minimalEdit, modelText } from "./node-model.ts";
import { MonacoLoading, uniqueUri, useMonaco } from "./use-monaco.tsx";

const DEBOUNCE_MS = 150;

export const EDITOR_OPTIONS: Monaco.editor.IStandaloneEditorConstructionOptions = {
  editContext: false,
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  tabSize: 2,
  scrollBeyondLastLine: false,
  fixedOverflowWidgets: true,
};

export function NodeCodeEditor({ nodeId, className }: { nodeId: string; className?: string }) {
  const { monaco, error } = useMonaco();
  return (
    <div data-testid="node-code-editor" className={className ?? "h-full min-h-40 w-full"}>
      {monaco ? <BodyEditor key={nodeId} monaco={monaco} nodeId={nodeId} /> : <MonacoLoading error={error} />}
    </div>
  );
}

function codeNodeOf(state: DocumentStore, id: string): CodeNode | undefined {
  const node = state.graph.nodes.find((n) => n.id === id);
  return node && isCodeNode(node) ? node : undefined;
}

function BodyEditor({ monaco, nodeId }: { monaco: MonacoApi; nodeId: string }) {
  const store = useDocumentStoreApi();
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const first = codeNodeOf(store.getState(), nodeId);
    if (!host.current || !first) return;
    let prelude = buildPrelude(store.getState().graph, first);
    let lastSent = first.code;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let programmatic = false;

    const model = monaco.editor.createModel(modelText(prelude, first.code), "typescript", uniqueUri(monaco, `node-${nodeId}`));
    // Line numbers count from the body's first line, as diagnostics and the user do.
    const editor = monaco.editor.create(host.current, { ...EDITOR_OPTIONS, model, lineNumbers: (n) => String(n - bodyStartLine(prelude) + 1) });

    const bodyRange = () => {
      const start = bodyStartLine(prelude);
      const end = model.getLineCount() - 2; // the suffix adds "}" and a last empty line
      return new monaco.Range(start, 1, end, model.getLineMaxColumn(end));
    };
    const hide = (force = false) => {
      const body = bodyRange();
      const total = model.getLineCount();
      // Not in Monaco's public typings, but the supported way to fold lines away for good.
      (editor as unknown as { setHiddenAreas(r: Monaco.IRange[], source?: unknown, force?: boolean): void }).setHiddenAreas(
        [new monaco.Range(1, 1, body.startLineNumber - 1, 1), new monaco.Range(body.endLineNumber + 1, 1, total, 1)],
        undefined,
        force,
      );
    };
    const edit = (range: Monaco.IRange, text: string) => {
      programmatic = true;
      try {
        model.pushStackElement();
        model.pushEditOperations(editor.getSelections(), [{ range, text }], () => null);
        model.pushStackElement();
      } finally {
        programmatic = false;
      }
      hide();
    };
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      const body = bodyOf(model.getValue(), prelude);
      if (body === null || body === lastSent) return;
      lastSent = body;
      if (codeNodeOf(store.getState(), nodeId)) store.getState().updateNodeCode(nodeId, body);
    };

    hide();
    editor.setPosition({ lineNumber: bodyRange().startLineNumber, column: 1 });

    const subs: Monaco.IDisposable[] = [];
    subs.push(
      model.onDidChangeContent((e) => {
        if (programmatic) return;
        if (bodyOf(model.getValue(), prelude) === null) {
          // Undoing past an outside prelude change re-applies it; any other edit that reached outside the body is refused.
          queueMicrotask(() => {
            void (e.isUndoing ? model.redo() : model.undo());
            hide(true);
            const pos = editor.getPosition();
            if (pos) editor.revealPosition(pos);
          });
          return;
        }
        hide();
        clearTimeout(timer);
        timer = setTimeout(flush, DEBOUNCE_MS);
      }),
    );
    subs.push(
      editor.onDidChangeCursorSelection(() => {
        const body = bodyRange();
        const sels = editor.getSelections() ?? [];
        const clamp = (p: Monaco.IPosition) => (body.containsPosition(p) ? p : monaco.Position.lift(p).isBefore(body.getStartPosition()) ? body.getStartPosition() : body.getEndPosition());
        const fixed = sels.map((s) => {
          const a = clamp(s.getSelectionStart());
          const b = clamp(s.getPosition());
          return new monaco.Selection(a.lineNumber, a.column, b.lineNumber, b.column);
        });
        if (fixed.some((f, i) => !f.equalsSelection(sels[i]!))) editor.setSelections(fixed);
      }),
    );
    subs.push(
      editor.onKeyDown((e) => {
        // Deleting across the body's edges would join it with the hidden signature or closing brace.
        const body = bodyRange();
        const sels = editor.getSelections() ?? [];
        const empty = sels.length > 0 && sels.every((sel) => sel.isEmpty());
        const atStart = empty && sels.some((sel) => sel.getPosition().equals(body.getStartPosition()));
        const atEnd = empty && sels.some((sel) => sel.getPosition().equals(body.getEndPosition()));
        if ((e.keyCode === monaco.KeyCode.Backspace && atStart) || (e.keyCode === monaco.KeyCode.Delete && atEnd)) {
          e.preventDefault();
          e.stopPropagation();
        }
      }),
    );
    subs.push(editor.onDidBlurEditorText(flush));
    subs.push(
      editor.addAction({
        id: "flowbench.selectBody",
        label: "Select All",
        keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyA],
        run: () => editor.setSelection(bodyRange()),
      }),
    );
    subs.push(
      editor.addAction({
        id: "flowbench.formatAndSave",
        label: "Format and Save",
        keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS],
        run: async () => {
          await formatBody(monaco, model, () => prelude, edit).catch(() => undefined);
          flush();
          window.dispatchEvent(new CustomEvent("flowbench:save"));
        },
      }),
    );

    // Outside changes: a new signature or header replaces the prelude; code changed elsewhere (undo, paste) replaces the body.
    const unsubscribe = store.subscribe((state) => {
      const node = codeNodeOf(state, nodeId);
      if (!node || model.isDisposed()) return;
      const next = buildPrelude(state.graph, node);
      if (next !== prelude && bodyOf(model.getValue(), prelude) !== null) {
        const end = model.getPositionAt(prelude.length);
        prelude = next;
        edit(new monaco.Range(1, 1, end.lineNumber, end.column), next);
      }
      const body = bodyOf(model.getValue(), prelude);
      if (timer === undefined && body !== null && node.code !== lastSent && normalizeCode(node.code) !== normalizeCode(body)) {
        const change = minimalEdit(body, node.code);
        if (change) {
          const from = model.getPositionAt(prelude.length + change.start);
          const to = model.getPositionAt(prelude.length + change.end);
          edit(new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column), change.text);
        }
      }
      lastSent = node.code;
    });

    return () => {
      flush();
      unsubscribe();
      for (const s of subs) s.dispose();
      editor.dispose();
      model.dispose();
    };
  }, [monaco, nodeId, store]);

  return <div ref={host} className="h-full w-full" />;
}

/** Formats the body with TypeScript's formatter, keeping it unindented as node code is stored. */
async function formatBody(
  monaco: MonacoApi,
  model: Monaco.editor.ITextModel,
  prelude: () => string,
  edit: (range: Monaco.IRange, text: string) => void,
): Promise<void> {
  const before = prelude();
  const text = model.getValue();
  const body = bodyOf(text, before);
  if (body === null) return;
  const getWorker = await monaco.typescript.getTypeScriptWorker();
  const worker = await getWorker(model.uri);
  const changes = (await worker.getFormattingEditsForRange(model.uri.toString(), before.length, before.length + body.length, FORMAT)) as {
    span: { start: number; length: number };
    newText: string;
  }[];
  if (model.isDisposed() || model.getValue() !== text || prelude() !== before) return;
  const inside = changes.filter((c) => c.span.start >= before.length && c.span.start + c.span.length <= before.length + body.length);
  const formatted = bodyOf(applyTextChanges(text, inside), before);
  if (formatted === null) return;
  const change = minimalEdit(body, normalizeCode(formatted));
  if (!change) return;
  const from = model.getPositionAt(before.length + change.start);
  const to = model.getPositionAt(before.length + change.end);
  edit(new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column), change.text);
}

const FORMAT = {
  ConvertTabsToSpaces: true,
  TabSize: 2,
  IndentSize: 2,
  IndentStyle: 2,
  NewLineCharacter: "\n",
  InsertSpaceAfterCommaDelimiter: true,
  InsertSpaceAfterSemicolonInForStatements: true,
  InsertSpaceBeforeAndAfterBinaryOperators: true,
  InsertSpaceAfterKeywordsInControlFlowStatements: true,
  InsertSpaceAfterFunctionKeywordForAnonymousFunctions: true,
  PlaceOpenBraceOnNewLineForControlBlocks: false,
  PlaceOpenBraceOnNewLineForFunctions: false,
};
