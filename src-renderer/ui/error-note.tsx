/** A small inline error inside a panel or form, announced to screen readers. */
import type { ReactNode } from "react";

export function ErrorNote({ children, testId, keepLineBreaks = false }: { children: ReactNode; testId?: string; keepLineBreaks?: boolean }) {
  return (
    <p role="alert" data-testid={testId} className={`rounded-md bg-red-50 px-2 py-1.5 text-[12px] ${keepLineBreaks ? "whitespace-pre-wrap " : ""}text-red-700 dark:bg-red-500/10 dark:text-red-300`}>
      {children}
    </p>
  );
}
