/** The top bar of the pages outside the editor: where you are, and the way to the others. */
import type { ReactNode } from "react";
import { Logo } from "./logo.tsx";
import { hrefFor, useRoute, type Route } from "./route.ts";
import { ThemeToggle } from "./theme-toggle.tsx";

const TABS: Array<{ label: string; route: Route; active: (r: Route) => boolean }> = [
  { label: "Flows", route: { page: "home" }, active: (r) => r.page === "home" },
  { label: "Runs", route: { page: "runs" }, active: (r) => r.page === "runs" || r.page === "run" },
  { label: "Dashboard", route: { page: "dashboard" }, active: (r) => r.page === "dashboard" },
  { label: "Automations", route: { page: "automations" }, active: (r) => r.page === "automations" },
];

export function AppHeader({ children }: { children?: ReactNode }) {
  const route = useRoute();
  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white px-4 dark:border-zinc-800 dark:bg-zinc-900">
      <Logo />
      <nav className="ml-4 flex gap-1" aria-label="Main">
        {TABS.map((tab) => (
          <a
            key={tab.label}
            href={hrefFor(tab.route)}
            aria-current={tab.active(route) ? "page" : undefined}
            data-testid={`nav-${tab.label.toLowerCase()}`}
            className="rounded-md px-2.5 py-1 text-zinc-600 hover:bg-zinc-100 aria-[current=page]:bg-zinc-100 aria-[current=page]:font-medium aria-[current=page]:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-800 dark:aria-[current=page]:text-zinc-100"
          >
            {tab.label}
          </a>
        ))}
      </nav>
      <div className="flex-1" />
      {children}
      <ThemeToggle />
    </header>
  );
}
