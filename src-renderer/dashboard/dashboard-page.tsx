/** The dashboard: runs over time by state, headline figures, the slowest flows and the latest failures, live. */
import { AlertTriangle, CheckCircle2, Gauge, PlayCircle, XCircle } from "lucide-react";
import { useState, type ReactNode } from "react";
import { AppHeader } from "../app/app-header.tsx";
import { hrefFor } from "../app/route.ts";
import { RunsChart, useDark } from "./runs-chart.tsx";
import { RecentFailures, SlowestFlows } from "./dashboard-tables.tsx";
import { formatPercent } from "./format.ts";
import { STACK, type RunStats } from "./stacked-bars.ts";
import { UpcomingPanel } from "./upcoming-panel.tsx";
import { RANGES, useStats, type RangeKey } from "./use-stats.ts";

export function DashboardPage() {
  const [range, setRange] = useState<RangeKey>("24h");
  const { stats, anyRuns, error } = useStats(range);
  return (
    <div className="flex h-full flex-col">
      <AppHeader />
      <main data-testid="dashboard" className="flex-1 overflow-auto bg-zinc-50 dark:bg-zinc-950">
        <div className="mx-auto flex max-w-6xl flex-col gap-4 p-6">
          <div className="flex items-center gap-3">
            <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-100">Dashboard</h1>
            <div className="flex-1" />
            <RangePicker value={range} onChange={setRange} />
          </div>
          {error && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-500/10 dark:text-red-300">{error}</p>}
          {!anyRuns ? <EmptyState /> : stats ? <Figures stats={stats} /> : <p className="text-sm text-zinc-500">Loading…</p>}
          <UpcomingPanel />
        </div>
      </main>
    </div>
  );
}

function RangePicker({ value, onChange }: { value: RangeKey; onChange: (key: RangeKey) => void }) {
  return (
    <div role="group" aria-label="Time range" className="flex rounded-md border border-zinc-200 bg-white p-0.5 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      {RANGES.map((r) => (
        <button
          key={r.key}
          type="button"
          aria-pressed={value === r.key}
          data-testid={`range-${r.key}`}
          onClick={() => onChange(r.key)}
          className="rounded px-2.5 py-1 text-zinc-600 hover:text-zinc-900 aria-pressed:bg-zinc-900 aria-pressed:text-white dark:text-zinc-400 dark:hover:text-zinc-100 dark:aria-pressed:bg-zinc-100 dark:aria-pressed:text-zinc-900"
        >
          {r.label}
        </button>
      ))}
    </div>
  );
}

function EmptyState() {
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-zinc-300 bg-white p-12 text-center dark:border-zinc-700 dark:bg-zinc-900" data-testid="dashboard-empty">
      <PlayCircle className="size-8 text-zinc-400" aria-hidden />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No runs yet: run a flow from the editor or with <code className="rounded bg-zinc-100 px-1 font-mono dark:bg-zinc-800">node my-flow.ts</code>
      </p>
    </div>
  );
}

function Figures({ stats }: { stats: RunStats }) {
  const t = stats.totals;
  const total = Object.values(t).reduce((sum, n) => sum + n, 0);
  const failed = t.FAILED + t.CRASHED;
  const dark = useDark();
  return (
    <>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Card label="Runs" value={total.toLocaleString()} icon={<PlayCircle className="size-4 text-sky-500" />} testId="card-total" />
        <Card label="Failure rate" value={formatPercent(stats.failureRate)} icon={<Gauge className="size-4 text-amber-500" />} note="of finished runs" testId="card-failure-rate" />
        <Card label="Completed" value={t.COMPLETED.toLocaleString()} icon={<CheckCircle2 className="size-4 text-emerald-500" />} testId="card-completed" />
        <Card
          label="Failed"
          value={failed.toLocaleString()}
          icon={<XCircle className="size-4 text-red-500" />}
          note={t.CRASHED ? `${t.CRASHED.toLocaleString()} crashed` : undefined}
          href={hrefFor({ page: "runs", query: "state=FAILED" })}
          testId="card-failed"
        />
      </div>
      <section className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-1">
          <h2 className="text-sm font-medium text-zinc-900 dark:text-zinc-100">Runs over time</h2>
          <div className="flex-1" />
          {STACK.filter((s) => t[s.type] > 0).map((s) => (
            <span key={s.type} className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
              <span className="size-2.5 rounded-sm" style={{ background: dark ? s.dark : s.light }} />
              {s.label} {t[s.type].toLocaleString()}
            </span>
          ))}
        </div>
        <RunsChart stats={stats} />
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <SlowestFlows flows={stats.slowestFlows} />
        <RecentFailures failures={stats.recentFailures} />
      </div>
      {total === 0 && (
        <p className="flex items-center gap-2 text-sm text-zinc-500">
          <AlertTriangle className="size-4" aria-hidden /> No runs in this range; try a longer one.
        </p>
      )}
    </>
  );
}

function Card({ label, value, icon, note, href, testId }: { label: string; value: string; icon: ReactNode; note?: string | undefined; href?: string; testId: string }) {
  const body = (
    <>
      <div className="flex items-center gap-2 text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
        {icon}
        {label}
      </div>
      <div className="mt-1 text-2xl font-semibold tabular-nums text-zinc-900 dark:text-zinc-100">{value}</div>
      <div className="h-4 text-xs text-zinc-500 dark:text-zinc-400">{note}</div>
    </>
  );
  const cls = "rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900";
  return href ? (
    <a href={href} className={`${cls} hover:border-zinc-300 dark:hover:border-zinc-700`} data-testid={testId}>
      {body}
    </a>
  ) : (
    <div className={cls} data-testid={testId}>
      {body}
    </div>
  );
}
