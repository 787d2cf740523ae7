/** A collapsible preview of inputs or a result, cut to a safe size. */
import { useMemo } from "react";
import { previewText } from "../lib/json-preview.ts";

export function JsonBlock({ title, raw, open = false, testId }: { title: string; raw: string | null; open?: boolean; testId?: string }) {
  const preview = useMemo(() => previewText(raw), [raw]);
  if (!preview) return null;
  return (
    <details open={open} className="group" data-testid={testId}>
      <summary className="cursor-pointer text-[12px] font-medium text-zinc-600 select-none dark:text-zinc-400">{title}</summary>
      <pre className="mt-1 max-h-72 overflow-auto rounded-md bg-zinc-100 p-2 font-mono text-[11.5px] leading-4 whitespace-pre-wrap dark:bg-zinc-950">
        {preview.text}
        {preview.omitted > 0 && <span className="text-zinc-500">{`\n… ${preview.omitted.toLocaleString()} more characters`}</span>}
      </pre>
    </details>
  );
}

export function ErrorBlock({ error }: { error: { name: string; message: string; stack?: string | undefined; cause?: unknown } | null }) {
  if (!error) return null;
  const stack = error.stack && error.stack.length > 20_000 ? `${error.stack.slice(0, 20_000)}\n…` : error.stack;
  return (
    <div className="rounded-md border border-red-200 bg-red-50 p-2 dark:border-red-900/60 dark:bg-red-950/30" data-testid="error-block">
      <p className="font-mono text-[12px] font-medium break-words text-red-800 dark:text-red-300">
        {error.name}: {error.message}
      </p>
      {stack && (
        <details className="mt-1">
          <summary className="cursor-pointer text-[11px] text-red-700/80 select-none dark:text-red-300/70">Stack</summary>
          <pre className="mt-1 max-h-64 overflow-auto font-mono text-[11px] leading-4 whitespace-pre text-red-900/80 dark:text-red-200/80">{stack}</pre>
        </details>
      )}
    </div>
  );
}
