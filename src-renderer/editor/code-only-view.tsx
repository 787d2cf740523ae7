/** A flow file the canvas cannot show: its code, read-only, and why it is not a graph. */
import { ArrowLeft, FileCode2 } from "lucide-react";
import { lazy, Suspense } from "react";
import type { FlowDetail } from "../../shared/api/contract.ts";
import { Logo } from "../app/logo.tsx";
import { ThemeToggle } from "../app/theme-toggle.tsx";
import { downloadText } from "../files/download.ts";
import { Button } from "../ui/button.tsx";

const CompiledCodeView = lazy(() => import("../code/compiled-code-view.tsx").then((m) => ({ default: m.CompiledCodeView })));

export function CodeOnlyView({ flow }: { flow: FlowDetail }) {
  return (
    <div className="flex h-full flex-col" data-testid="code-only-view">
      <header className="flex h-12 items-center gap-3 border-b border-zinc-200 bg-white px-4 dark:border-zinc-800 dark:bg-zinc-900">
        <Logo />
        <a href="#/" className="flex items-center gap-1 text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200">
          <ArrowLeft size={14} /> Flows
        </a>
        <span className="flex items-center gap-1.5 font-medium">
          <FileCode2 size={15} /> {flow.name} <span className="font-mono text-[12px] text-zinc-500">{flow.id}.ts</span>
        </span>
        <div className="flex-1" />
        <Button onClick={() => downloadText(`${flow.id.split("/").pop()}.ts`, flow.source)}>Export .ts</Button>
        <ThemeToggle />
      </header>
      <div className="border-b border-amber-300/60 bg-amber-50 px-4 py-2 text-amber-900 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-200" role="note">
        <p className="font-medium">This flow opens as code: the canvas cannot show everything in it, so the file is never rewritten.</p>
        <ul className="mt-1 list-disc pl-5" data-testid="code-only-problems">
          {flow.problems.slice(0, 8).map((p, i) => (
            <li key={i}>
              <span className="font-mono">line {p.line}</span>: {p.message}
            </li>
          ))}
        </ul>
        <p className="mt-1 text-[12px]">It still runs from the app and with <code>node {flow.file.split(/[\\/]/).pop()}</code>; edit it in your editor.</p>
      </div>
      <div className="min-h-0 flex-1">
        <Suspense fallback={<p className="p-4 text-zinc-500">Loading…</p>}>
          <CompiledCodeView code={flow.source} />
        </Suspense>
      </div>
    </div>
  );
}
