/** What a flow-settings list shows when it has nothing in it yet. */
import type { ReactNode } from "react";

export function EmptyNote({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="rounded-md border border-dashed border-zinc-300 px-3 py-4 text-center text-[12px] text-zinc-500 dark:border-zinc-700" data-testid={testId}>
      {children}
    </p>
  );
}
