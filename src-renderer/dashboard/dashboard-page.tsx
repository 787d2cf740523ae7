import { AppHeader } from "../app/app-header.tsx";

export function DashboardPage() {
  return (
    <div className="flex h-full flex-col">
      <AppHeader />
      <p className="p-6 text-zinc-500">Dashboard</p>
    </div>
  );
}
