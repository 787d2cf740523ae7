import { AlertCircle, ArrowLeft, Code2, Download, FileUp, HelpCircle, LayoutGrid, Maximize, Redo2, Save, Undo2 } from "lucide-react";
import { Popover } from "radix-ui";
import type { GraphProblem } from "../../shared/graph/index.ts";
import { Logo } from "../app/logo.tsx";
import { ThemeToggle } from "../app/theme-toggle.tsx";
import { Button } from "../ui/button.tsx";
import { displayKeys, SHORTCUTS, type Command } from "./shortcuts.ts";
import { useDocument } from "./store/context.tsx";
import type { EditorCommands } from "./use-editor-commands.tsx";

const keysOf = (command: Command) => {
  const s = SHORTCUTS.find((x) => x.command === command);
  return s ? ` (${displayKeys(s.keys)})` : "";
};

export function EditorToolbar({ commands, problems, showCode, children }: { commands: EditorCommands; problems: readonly GraphProblem[]; showCode: boolean; children?: React.ReactNode }) {
  const name = useDocument((s) => s.graph.name);
  const flowId = useDocument((s) => s.flowId);
  const dirty = useDocument((s) => s.dirty);
  const canUndo = useDocument((s) => s.canUndo);
  const canRedo = useDocument((s) => s.canRedo);
  const tool = (command: Command, label: string, icon: React.ReactNode, disabled = false) => (
    <Button variant="ghost" label={`${label}${keysOf(command)}`} icon={icon} disabled={disabled} onClick={() => commands.run(command)} data-testid={`tool-${command}`} />
  );
  return (
    <header className="flex h-12 shrink-0 items-center gap-1 border-b border-zinc-200 bg-white px-3 dark:border-zinc-800 dark:bg-zinc-900">
      <Logo />
      <Button variant="ghost" icon={<ArrowLeft size={15} />} onClick={() => void commands.leave({ page: "home" })} className="ml-2" data-testid="back-to-flows">
        Flows
      </Button>
      <div className="mx-2 h-5 w-px bg-zinc-200 dark:bg-zinc-800" />
      <div className="flex min-w-0 items-baseline gap-2">
        <span className="truncate font-semibold" data-testid="document-name">
          {name}
        </span>
        <span className="font-mono text-[12px] text-zinc-500">{flowId ? `${flowId}.ts` : "not saved yet"}</span>
        {dirty ? (
          <span className="flex items-center gap-1 text-[12px] text-amber-600 dark:text-amber-400" data-testid="dirty-marker" title="Unsaved changes">
            <span className="h-2 w-2 rounded-full bg-amber-500" /> Unsaved
          </span>
        ) : null}
      </div>
      <div className="flex-1" />
      <ProblemsButton problems={problems} />
      {tool("undo", "Undo", <Undo2 size={15} />, !canUndo)}
      {tool("redo", "Redo", <Redo2 size={15} />, !canRedo)}
      <div className="mx-1 h-5 w-px bg-zinc-200 dark:bg-zinc-800" />
      {tool("autoLayout", "Auto-layout", <LayoutGrid size={15} />)}
      {tool("fitView", "Fit view", <Maximize size={15} />)}
      <Button variant={showCode ? "secondary" : "ghost"} label={`Show the compiled TypeScript${keysOf("toggleCode")}`} icon={<Code2 size={15} />} onClick={() => commands.run("toggleCode")} aria-pressed={showCode} data-testid="tool-toggleCode" />
      <div className="mx-1 h-5 w-px bg-zinc-200 dark:bg-zinc-800" />
      {tool("import", "Import a .ts file", <FileUp size={15} />)}
      {tool("export", "Export as .ts", <Download size={15} />)}
      {tool("help", "Keyboard shortcuts", <HelpCircle size={15} />)}
      <ThemeToggle />
      <div className="mx-1 h-5 w-px bg-zinc-200 dark:bg-zinc-800" />
      {children}
      <Button variant="primary" icon={<Save size={15} />} onClick={() => commands.run("save")} className="ml-1" data-testid="save" title={`Save${keysOf("save")}`}>
        Save
      </Button>
    </header>
  );
}

function ProblemsButton({ problems }: { problems: readonly GraphProblem[] }) {
  const select = useDocument((s) => s.select);
  const errors = problems.filter((p) => p.severity === "error");
  if (problems.length === 0) return null;
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <Button variant="ghost" icon={<AlertCircle size={15} className={errors.length ? "text-red-600" : "text-amber-500"} />} data-testid="problems-button">
          {errors.length ? `${errors.length} problem${errors.length > 1 ? "s" : ""}` : `${problems.length} warning${problems.length > 1 ? "s" : ""}`}
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="end" sideOffset={4} className="z-50 max-h-80 w-[420px] overflow-auto rounded-md border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
          <ul className="flex flex-col gap-1" data-testid="problems-list">
            {problems.map((p, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="w-full rounded px-2 py-1 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800"
                  onClick={() => p.nodeId && select({ nodes: [p.nodeId], edges: [] })}
                >
                  <span className={p.severity === "error" ? "text-red-600" : "text-amber-600"}>{p.severity === "error" ? "Error" : "Warning"}</span> {p.message}
                </button>
              </li>
            ))}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
