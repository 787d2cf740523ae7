import type { ReactNode } from "react";

export function Section({ title, children, flush, actions }: { title: string; children: ReactNode; flush?: boolean; actions?: ReactNode }) {
  return (
    <section className="border-b border-zinc-200 py-3 dark:border-zinc-800">
      <div className="mb-2 flex items-center px-4">
        <h3 className="flex-1 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">{title}</h3>
        {actions}
      </div>
      <div className={flush ? "" : "px-4"}>{children}</div>
    </section>
  );
}
