import { AppHeader } from "../app/app-header.tsx";

export function RunsPage({ query }: { query?: string | undefined }) {
  return (
    <div className="flex h-full flex-col">
      <AppHeader />
      <p className="p-6 text-zinc-500">Runs {query}</p>
    </div>
  );
}
