/** The editor: toolbar, palette, canvas, the compiled code beside it, and the inspector. */
import { lazy, Suspense, useMemo, useRef, useState } from "react";
import { FlowCanvas } from "../canvas/flow-canvas.tsx";
import { Palette } from "../canvas/palette/palette.tsx";
import { FlowSettingsSheet } from "../schedules/flow-settings-sheet.tsx";
import { ScheduleBadge } from "../schedules/schedule-badge.tsx";
import { FlowSettingsButton } from "../schedules/settings-entry.tsx";
import { Toaster } from "../ui/toast.tsx";
import { HelpOverlay } from "./help-overlay.tsx";
import { Inspector } from "./inspector/inspector.tsx";
import { useDocumentStoreApi } from "./store/context.tsx";
import { EditorToolbar } from "./toolbar.tsx";
import { useEditorCommands } from "./use-editor-commands.tsx";
import { useGraphProblems } from "./use-graph-problems.ts";
import { RunControls } from "./run/run-controls.tsx";
import { useRunController } from "./run/use-run-controller.ts";

// The compiler (and TypeScript, which it prints with) loads when the code pane first opens.
const CompiledCode = lazy(() => import("./compiled-code.tsx").then((m) => ({ default: m.CompiledCode })));
// Type-checks the whole flow in Monaco's worker, so every node (open or not) gets its error badge.
const FlowTypecheck = lazy(() =>
  import("../code/flow-typecheck.ts").then((m) => ({
    default: function FlowTypecheck() {
      m.useFlowTypecheck();
      return null;
    },
  })),
);

export function EditorWorkspace() {
  const [showCode, setShowCode] = useState(false);
  const [showHelp, setShowHelp] = useState(false);
  const problems = useGraphProblems();
  const [askParams, setAskParams] = useState(false);
  const runRef = useRef<() => void>(() => {});
  const ui = useMemo(() => ({ toggleCode: () => setShowCode((v) => !v), showHelp: () => setShowHelp(true), run: () => runRef.current() }), []);
  const commands = useEditorCommands(ui);
  const controller = useRunController(commands.save);
  const doc = useDocumentStoreApi();
  // A flow without parameters runs at once; one with parameters asks for them.
  runRef.current = () => (doc.getState().graph.params.length ? setAskParams(true) : void controller.start({}));
  return (
    <div className="flex h-full flex-col" data-testid="editor">
      <EditorToolbar commands={commands} problems={problems} showCode={showCode}>
        <FlowSettingsButton />
        <RunControls controller={controller} askParams={askParams} onAskParams={setAskParams} />
      </EditorToolbar>
      <div className="flex min-h-0 flex-1">
        <aside className="flex w-60 shrink-0 flex-col border-r border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" aria-label="Palette">
          <Palette className="flex-1" />
        </aside>
        <main className="relative min-w-0 flex-1">
          <FlowCanvas className="h-full" />
          <ScheduleBadge />
        </main>
        {showCode ? <CodePane /> : null}
        <aside className="w-[380px] shrink-0 overflow-y-auto border-l border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" aria-label="Inspector">
          <Inspector />
        </aside>
      </div>
      <Suspense fallback={null}>
        <FlowTypecheck />
      </Suspense>
      <HelpOverlay open={showHelp} onOpenChange={setShowHelp} />
      {commands.dialogs}
      <FlowSettingsSheet />
      <Toaster />
    </div>
  );
}

/** The compiled flow beside the canvas. */
function CodePane() {
  return (
    <section className="flex w-[min(44vw,640px)] shrink-0 flex-col border-l border-zinc-200 dark:border-zinc-800" aria-label="Compiled TypeScript">
      <p className="border-b border-zinc-200 bg-white px-3 py-1.5 text-[12px] text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900">Compiled TypeScript: what Save writes and Export downloads (read-only)</p>
      <div className="min-h-0 flex-1">
        <Suspense fallback={<p className="p-3 text-zinc-500">Loading…</p>}>
          <CompiledCode />
        </Suspense>
      </div>
    </section>
  );
}
