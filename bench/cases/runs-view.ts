/**
 * runs-view: the runs view and a run's logs pane over a big history, in real Chromium (headless,
 * no GPU), served by what `flowbench server` runs (host, server and the built renderer from
 * dist/renderer), in this process.
 *
 * History: 100,000 top-level flow runs (bench/lib/seed-runs.ts) and 1,000,000 log lines, written
 * through the store's `write` in 50,000-line transactions: 100,000 lines belong to one run (with 6
 * task runs; a line in 50 is long enough to wrap, a line in 1,009 an error with a 3-line stack),
 * the other 900,000 to the 30,000 runs before it, 30 each. A second host has an empty history.
 *
 * An init script records, on every DOM mutation, what the runs view shows (row count, first and last
 * row id, the set of state badges, which empty state), and when that changed: the time, and the time
 * it was painted (a requestAnimationFrame after the change, then a message posted from it, which
 * runs once that frame's rendering is done). It also records every pointerdown (capturing listener).
 * A load or click is done once what is shown has not changed for SETTLE_MS; its figure is from the
 * start (navigation start, or the pointerdown) to the painting of the first state equal to the
 * settled one.
 *
 * First page: in-app (a fresh page at `#/`, settled, then a click on the header's Runs tab) and
 * cold (a fresh page navigating to `#/runs`), median of 5 each, the big and empty histories
 * interleaved. Filter change: on that page, a click on the FAILED (then CRASHED, FAILED, …) chip,
 * then on the same chip to clear it; median of 5 of each. Baseline: the same against the empty
 * history (to the empty state, "No runs match" for the filter).
 *
 * Log scroll: a fresh page at `#/runs/<the big run>`; once its logs pane shows the tail (2,000 of
 * 100,000 lines), 150 wheel steps of −400 px, 25 ms apart, over the pane (so older pages load as it
 * reaches the top), while a requestAnimationFrame loop records frame intervals: p50 / p95 / max.
 * Baseline, on the same page just before: the same wheel steps over a plain scrolling element laid
 * over the pane, holding 4,000 static lines with the pane's markup and messages (no React, no
 * virtualisation, no loading): what scrolling and painting that text costs the browser by itself.
 * 3 rounds (a fresh page each); the figures are the round with the median p95.
 */
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { emptyBatch, type LogRecord, type RunStore, type TaskRunRecord } from "../../shared/store/types.ts";
import { newId } from "../../shared/sdk/names.ts";
import { openBrowser, type TestBrowser } from "../../test/helpers/browser.ts";
import { startBenchHost, type BenchHost } from "../lib/api-host.ts";
import { Checks, runCase } from "../lib/case.ts";
import { seedFlowRuns } from "../lib/seed-runs.ts";
import { latencySummary, median, round } from "../lib/timing.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const STATIC_DIR = join(ROOT, "dist/renderer");
const RUNS = 100_000;
const LOG_LINES = 1_000_000;
const BIG_RUN_LINES = 100_000;
const OTHER_RUNS_WITH_LOGS = 30_000;
const LOG_BATCH = 50_000;
const TASKS = ["extract-orders", "validate-rows", "enrich-prices", "load-warehouse", "refresh-views", "notify-owners"];
/** The big run: 200 runs from the newest (about 1.5 h old), so it is on the first page of a wide viewport, near the top. */
const BIG_RUN_FROM_END = 200;
const REPS = 5;
const SCROLL_ROUNDS = 3;
const WHEEL_STEPS = 150;
const WHEEL_DELTA = -400;
const WHEEL_STEP_MS = 25;
const STATIC_LINES = 4000;
const VIEWPORT = { width: 1440, height: 900 };
const GOAL_RENDER_MS = 100;
const GOAL_SCROLL_P95_MS = 20;
const SETTLE_MS = 750;
const TIMEOUT_MS = 60_000;

const LEVEL_CLASS: Record<number, [string, string]> = { 10: ["DEBUG", "text-zinc-400"], 20: ["INFO", "text-sky-600"], 30: ["WARNING", "text-amber-600"], 40: ["ERROR", "text-red-600"] };

/** The big run's line i: mostly info, some debug, a warning in 97, an error with a stack in 1,009, a wrapping line in 50. */
function bigRunLine(i: number): { level: number; message: string; task: number } {
  const task = Math.floor((i / BIG_RUN_LINES) * TASKS.length);
  const name = TASKS[task]!;
  if (i % 1009 === 1008) return { level: 40, task, message: `${name}: batch ${i} rejected: HTTP 503 from https://api.example.com/v2/orders?page=${i % 400}\nHttpError: Service Unavailable\n    at fetchPage (file:///home/ops/flows/etl-orders.ts:88:13)\n    at ${name} (file:///home/ops/flows/etl-orders.ts:41:20)` };
  if (i % 97 === 96) return { level: 30, task, message: `${name}: slow batch ${i}: ${800 + (i % 700)} ms, retrying the upstream read (attempt ${1 + (i % 3)} of 3)` };
  if (i % 50 === 49) return { level: 20, task, message: `${name}: batch ${i} summary ${JSON.stringify({ rows: 500 + (i % 500), skipped: i % 7, region: ["eu-west", "us-east", "ap-south"][i % 3], source: `s3://bench-bucket/orders/2024/${String(1 + (i % 12)).padStart(2, "0")}/part-${String(i % 1000).padStart(4, "0")}.parquet`, columns: ["order_id", "customer_id", "sku", "quantity", "unit_price", "currency", "created_at", "updated_at", "status"], checksum: (i * 2654435761 >>> 0).toString(16) })}` };
  if (i % 5 === 0) return { level: 10, task, message: `${name}: fetched page ${i % 400} (${4096 + (i % 1024)} bytes)` };
  return { level: 20, task, message: `${name}: processed batch ${i} (${500 + (i % 500)} rows in ${10 + (i % 90)} ms) from s3://bench-bucket/orders/2024/part-${String(i % 1000).padStart(4, "0")}.parquet` };
}

interface Seeded {
  bigRunId: string;
  newestRunId: string;
  seedMs: number;
  /** Of which the flow and task runs (the rest: the 1,000,000 log lines). */
  seedRunsMs: number;
}

/** Writes the history: runs, the big run's task runs, then the logs in 50,000-line transactions (a tenth of each the big run's). */
async function seed(store: RunStore): Promise<Seeded> {
  const started = performance.now();
  let runsMs = 0;
  const runs = seedFlowRuns(RUNS);
  const bigIndex = RUNS - BIG_RUN_FROM_END;
  const base = runs[bigIndex]!;
  const startTime = base.createdAt + 20;
  const endTime = startTime + 20 * 60_000;
  runs[bigIndex] = { ...base, name: "long-logs-run", flowName: "etl-orders", stateType: "COMPLETED", stateName: "Completed", stateMessage: null, error: null, startTime, endTime, runCount: 1, resultPreview: JSON.stringify({ rows: 50_000_000, status: "ok" }) };
  for (let i = 0; i < runs.length; i += 10_000) await store.write({ ...emptyBatch(), flowRuns: runs.slice(i, i + 10_000) });
  const big = runs[bigIndex]!;
  const slice = (endTime - startTime) / TASKS.length;
  const taskRuns: TaskRunRecord[] = TASKS.map((taskName, t) => {
    const s = Math.floor(startTime + t * slice);
    return {
      id: newId(s), name: `${taskName}-0`, taskName, flowRunId: big.id, parentTaskRunId: null, tags: [], stateType: "COMPLETED", stateName: "Completed", stateMessage: null,
      createdAt: s, startTime: s + 1, endTime: Math.floor(s + slice - 5), runCount: 1, maxRetries: 2, cacheKey: null, upstream: [], inputsPreview: '{"limit":500}', resultPreview: '{"rows":8333333}', error: null, owner: null,
    };
  });
  for (let t = 1; t < taskRuns.length; t++) taskRuns[t]!.upstream = [taskRuns[t - 1]!.id];
  await store.write({ ...emptyBatch(), taskRuns });
  runsMs = performance.now() - started;

  const others = runs.slice(bigIndex - OTHER_RUNS_WITH_LOGS, bigIndex);
  const perOther = (LOG_LINES - BIG_RUN_LINES) / OTHER_RUNS_WITH_LOGS;
  const batches = LOG_LINES / LOG_BATCH;
  const bigPerBatch = BIG_RUN_LINES / batches;
  const otherRunsPerBatch = OTHER_RUNS_WITH_LOGS / batches;
  const lineMs = (endTime - startTime) / BIG_RUN_LINES;
  for (let b = 0; b < batches; b++) {
    const logs: LogRecord[] = [];
    // The other runs' lines and the big run's interleave in id order, as concurrent runs' do.
    for (let r = 0; r < otherRunsPerBatch; r++) {
      const run = others[b * otherRunsPerBatch + r]!;
      const at = run.startTime ?? run.createdAt;
      for (let k = 0; k < perOther; k++) logs.push({ flowRunId: run.id, taskRunId: null, level: k === perOther - 1 && run.stateType === "FAILED" ? 40 : 20, timestamp: at + k * 100, message: `${run.flowName}: step ${k} of ${perOther} done (${(k * 7919) % 5000} rows, region ${["eu-west", "us-east", "ap-south"][k % 3]})` });
      const i0 = b * bigPerBatch + Math.floor((r * bigPerBatch) / otherRunsPerBatch);
      const i1 = b * bigPerBatch + Math.floor(((r + 1) * bigPerBatch) / otherRunsPerBatch);
      for (let i = i0; i < i1; i++) {
        const line = bigRunLine(i);
        logs.push({ flowRunId: big.id, taskRunId: i % 40 === 0 ? null : taskRuns[line.task]!.id, level: line.level, timestamp: Math.floor(startTime + i * lineMs), message: line.message });
      }
    }
    await store.write({ ...emptyBatch(), logs });
  }
  return { bigRunId: big.id, newestRunId: runs.at(-1)!.id, seedMs: performance.now() - started, seedRunsMs: runsMs };
}

function serve(name: string, seeding?: (store: RunStore) => Promise<unknown>): Promise<BenchHost> {
  return startBenchHost(`runs-view-${name}`, seeding, { staticDir: STATIC_DIR });
}

/**
 * Installed before the app's scripts. On every DOM mutation: what the runs view shows, pushed
 * when it changed, with the time it was painted filled in by a rAF (the frame that renders the
 * change) and a message posted from it (after that frame's rendering); `frame2` is the next
 * frame's start, the editor-render case's convention, kept for comparison. Pointerdowns and long tasks too.
 */
const RECORDER = `(() => {
  const b = (window.__bench = { states: [], clicks: [], longTasks: [] });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) b.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: "longtask", buffered: true });
  } catch {}
  addEventListener("pointerdown", () => b.clicks.push(performance.now()), true);
  let last = "";
  const snap = () => {
    const view = document.querySelector('[data-testid="runs-view"]');
    const s = { t: performance.now(), view: !!view, rows: 0, first: null, last: null, badges: "", empty: null, painted: null, frame2: null };
    if (view) {
      const rows = view.querySelectorAll('[data-testid^="run-row-"]');
      s.rows = rows.length;
      s.first = rows.length ? rows[0].dataset.testid.slice(8) : null;
      s.last = rows.length ? rows[rows.length - 1].dataset.testid.slice(8) : null;
      const badges = new Set();
      for (const row of rows) badges.add(row.querySelector("td span")?.textContent ?? "?");
      s.badges = [...badges].sort().join("+");
      s.empty = view.querySelector('[data-testid="runs-empty"]') ? "runs-empty" : view.querySelector('[data-testid="runs-no-match"]') ? "runs-no-match" : null;
    }
    const key = [s.view, s.rows, s.first, s.last, s.badges, s.empty].join("|");
    if (key === last) return;
    last = key;
    s.key = key;
    b.states.push(s);
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { s.painted = performance.now(); };
      ch.port2.postMessage(0);
      requestAnimationFrame((t) => { s.frame2 = t; });
    });
  };
  new MutationObserver(snap).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

interface ViewState {
  t: number;
  view: boolean;
  rows: number;
  first: string | null;
  last: string | null;
  badges: string;
  empty: string | null;
  painted: number | null;
  frame2: number | null;
  key: string;
}

interface Timed {
  /** Start (navigation start or pointerdown) to the settled state's first painting. */
  ms: number;
  /** Start to that state in the DOM (the mutation). */
  domMs: number;
  /** Start to the frame after it (editor-render's convention). */
  nextFrameMs: number;
  rows: number;
  first: string | null;
  badges: string;
  empty: string | null;
  /** Distinct states shown between the start and the settled one. */
  changes: number;
  /** Start to the end of the last `runs.list` response before that state (resource timing): the part the API took, fetch included. */
  apiMs: number | null;
  longTasks: { count: number; totalMs: number; longestMs: number };
}

/** Waits until the view's state has not changed for SETTLE_MS and `done` holds for it; times its first painting from `start`. */
async function settle(page: Page, from: number, start: number, done: (s: ViewState) => boolean, what: string): Promise<Timed> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const { states, now } = (await page.evaluate(`({ states: window.__bench.states.slice(${from}), now: performance.now() })`)) as { states: ViewState[]; now: number };
    const final = states.at(-1);
    if (final && done(final) && now - final.t >= SETTLE_MS && final.painted !== null && final.frame2 !== null) {
      const after = states.filter((s) => s.t >= start);
      const first = after.find((s) => s.key === final.key) ?? final;
      const end = first.painted!;
      const tasks = ((await page.evaluate(`window.__bench.longTasks`)) as [number, number][]).filter(([s, d]) => s + d > start && s < end);
      const calls = (await page.evaluate(`performance.getEntriesByType("resource").filter((e) => e.name.includes("runs.list")).map((e) => [e.startTime, e.responseEnd])`)) as [number, number][];
      const api = calls.filter(([s, e]) => s >= start - 1 && e <= first.t).at(-1);
      return {
        ms: round(end - start, 1),
        domMs: round(first.t - start, 1),
        nextFrameMs: round(first.frame2! - start, 1),
        rows: final.rows,
        first: final.first,
        badges: final.badges,
        empty: final.empty,
        changes: after.indexOf(first) + 1,
        apiMs: api ? round(api[1] - start, 1) : null,
        longTasks: { count: tasks.length, totalMs: tasks.reduce((s, [, d]) => s + d, 0), longestMs: Math.max(0, ...tasks.map(([, d]) => d)) },
      };
    }
    if (Date.now() > deadline) throw new Error(`${what}: the runs view did not settle in ${TIMEOUT_MS / 1000} s; last state ${JSON.stringify(final)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const stateCount = async (page: Page): Promise<number> => (await page.evaluate(`window.__bench.states.length`)) as number;
const hasRows = (s: ViewState) => s.view && s.rows > 0 && s.empty === null;
const isEmpty = (kind: string) => (s: ViewState) => s.view && s.rows === 0 && s.empty === kind;

async function freshPage(browser: TestBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript({ content: RECORDER });
  return page;
}

/** A fresh page navigating straight to #/runs: from navigation start. */
async function coldLoad(browser: TestBrowser, url: string, seeded: boolean): Promise<Timed> {
  const page = await freshPage(browser);
  try {
    await page.goto(`${url}/#/runs`);
    return await settle(page, 0, 0, seeded ? hasRows : isEmpty("runs-empty"), "cold load");
  } finally {
    await page.close();
  }
}

/** A fresh page at #/ (the flows list), settled, then a click on the header's Runs tab: from its pointerdown. Returns the page, on the runs view. */
async function inAppLoad(browser: TestBrowser, url: string, seeded: boolean): Promise<{ page: Page; timed: Timed }> {
  const page = await freshPage(browser);
  await page.goto(`${url}/#/`);
  await page.locator('[data-testid="nav-runs"]').waitFor();
  await page.waitForTimeout(SETTLE_MS);
  return { page, timed: await clickAndSettle(page, '[data-testid="nav-runs"]', seeded ? hasRows : isEmpty("runs-empty"), "in-app navigation") };
}

async function clickAndSettle(page: Page, selector: string, done: (s: ViewState) => boolean, what: string): Promise<Timed> {
  const from = await stateCount(page);
  const clicks = (await page.evaluate(`window.__bench.clicks.length`)) as number;
  await page.locator(selector).click();
  const start = (await page.evaluate(`window.__bench.clicks[${clicks}]`)) as number | undefined;
  if (start === undefined) throw new Error(`${what}: no pointerdown recorded for ${selector}`);
  return settle(page, from, start, done, what);
}

interface FilterRuns {
  apply: Timed[];
  clear: Timed[];
}

/** 5 × (a state chip on, the same chip off), FAILED and CRASHED in turn. */
async function filterChanges(page: Page, seeded: boolean, newestId: string | null): Promise<FilterRuns> {
  const out: FilterRuns = { apply: [], clear: [] };
  await page.bringToFront(); // a page behind another gets no animation frames
  for (let i = 0; i < REPS; i++) {
    const [state, badge] = i % 2 === 0 ? ["FAILED", "Failed"] : ["CRASHED", "Crashed"];
    const chip = `[data-testid="runs-filter-state-${state}"]`;
    out.apply.push(await clickAndSettle(page, chip, seeded ? (s) => hasRows(s) && s.badges === badge : isEmpty("runs-no-match"), `${state} filter`));
    out.clear.push(await clickAndSettle(page, chip, seeded ? (s) => hasRows(s) && s.first === newestId : isEmpty("runs-empty"), `${state} filter cleared`));
  }
  return out;
}

interface Scroll {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
  wheelEvents: number;
  seconds: number;
  scrolledPx: number;
  longTasks: { count: number; longestMs: number };
}

/** 150 wheel steps over `selector`'s centre, 25 ms apart, while a rAF loop records frame intervals. */
async function wheelScroll(page: Page, selector: string, scroller: string): Promise<Scroll> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`nothing to scroll at ${selector}`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(`(() => {
    const el = document.querySelector(${JSON.stringify(scroller)});
    const p = (window.__scroll = { intervals: [], last: 0, stop: false, longTasks: [], el, scrolled: 0, top: el.scrollTop });
    el.addEventListener("scroll", () => { p.scrolled += Math.abs(el.scrollTop - p.top); p.top = el.scrollTop; }, { passive: true });
    try { p.observer = new PerformanceObserver((l) => { for (const e of l.getEntries()) p.longTasks.push(e.duration); }); p.observer.observe({ type: "longtask" }); } catch {}
    const tick = (t) => { if (p.last) p.intervals.push(t - p.last); p.last = t; if (!p.stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const started = performance.now();
  for (let i = 0; i < WHEEL_STEPS; i++) {
    await page.mouse.wheel(0, WHEEL_DELTA);
    const wait = started + (i + 1) * WHEEL_STEP_MS - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await page.waitForTimeout(200);
  const seconds = (performance.now() - started) / 1000;
  const { intervals, longTasks, scrolled } = (await page.evaluate(`(() => { const p = window.__scroll; p.stop = true; p.observer?.disconnect(); return { intervals: p.intervals, longTasks: p.longTasks, scrolled: p.scrolled }; })()`)) as { intervals: number[]; longTasks: number[]; scrolled: number };
  const s = latencySummary(intervals, 1);
  return { frames: s.n, p50: s.p50, p95: s.p95, max: s.max, mean: s.mean, wheelEvents: WHEEL_STEPS, seconds: round(seconds, 2), scrolledPx: Math.round(scrolled), longTasks: { count: longTasks.length, longestMs: Math.round(Math.max(0, ...longTasks)) } };
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The static baseline's lines: the last 4,000 of the big run, with the pane's markup and classes. */
function staticLinesHtml(): string {
  const out: string[] = [];
  for (let i = BIG_RUN_LINES - STATIC_LINES; i < BIG_RUN_LINES; i++) {
    const line = bigRunLine(i);
    const [name, cls] = LEVEL_CLASS[line.level]!;
    const time = new Date(Date.UTC(2024, 0, 1, 10, 0, 0, i * 12)).toISOString().slice(11, 23);
    out.push(
      `<div class="flex gap-3 px-3 py-px font-mono text-[12px] leading-[18px] hover:bg-zinc-100"><span class="shrink-0 text-zinc-400 tabular-nums">${time}</span><span class="w-16 shrink-0 ${cls}">${name}</span><span class="w-32 shrink-0 truncate text-zinc-500">${i % 40 === 0 ? "flow" : `${TASKS[line.task]}-0`}</span><span class="min-w-0 break-words whitespace-pre-wrap ${line.level >= 40 ? "text-red-700" : ""}">${escapeHtml(line.message)}</span></div>`,
    );
  }
  return out.join("");
}

interface ScrollRound {
  logs: Scroll & { linesBefore: string; linesAfter: string; linesLoaded: number };
  static: Scroll;
}

const LOGS_SCROLLER = '[data-testid="run-logs"] [data-virtuoso-scroller]';

/** A fresh run page for the big run: the static baseline laid over the logs pane, scrolled; then the pane itself. */
async function scrollRound(browser: TestBrowser, url: string, runId: string): Promise<ScrollRound> {
  const page = await freshPage(browser);
  try {
    await page.goto(`${url}/#/runs/${encodeURIComponent(runId)}`);
    const total = page.locator('[data-testid="logs-total"]');
    await page.locator('[data-testid="log-line"]').first().waitFor({ timeout: TIMEOUT_MS });
    await page.waitForFunction(`document.querySelector('[data-testid="logs-total"]')?.textContent === "2,000 of 100,000 lines"`, undefined, { timeout: TIMEOUT_MS });
    await page.waitForTimeout(1000);
    const linesBefore = (await total.textContent()) ?? "";

    // Baseline: a plain overflow box over the pane's list, the same size, at its bottom like the tail.
    const box = await page.locator(LOGS_SCROLLER).boundingBox();
    if (!box) throw new Error("no logs list on the run page");
    await page.evaluate(`(() => {
      const el = document.createElement("div");
      el.id = "bench-static";
      el.style.cssText = "position:fixed;left:${box.x}px;top:${box.y}px;width:${box.width}px;height:${box.height}px;overflow-y:auto;background:white;z-index:1000";
      el.innerHTML = ${JSON.stringify(staticLinesHtml())};
      document.body.appendChild(el);
      el.scrollTop = el.scrollHeight;
    })()`);
    await page.waitForTimeout(1000);
    const stat = await wheelScroll(page, "#bench-static", "#bench-static");
    await page.evaluate(`document.getElementById("bench-static").remove()`);
    await page.waitForTimeout(1000);

    const logs = await wheelScroll(page, LOGS_SCROLLER, LOGS_SCROLLER);
    await page.waitForTimeout(500);
    const linesAfter = (await total.textContent()) ?? "";
    const linesLoaded = Number(/^([\d,]+)/.exec(linesAfter)?.[1]?.replace(/,/g, "") ?? NaN);
    return { logs: { ...logs, linesBefore, linesAfter, linesLoaded }, static: stat };
  } finally {
    await page.close();
  }
}

const med = (xs: Timed[]) => round(median(xs.map((x) => x.ms)), 1);
const msList = (xs: Timed[]) => xs.map((x) => x.ms);
const apiList = (xs: Timed[]) => xs.map((x) => x.apiMs);

await runCase("runs-view", async () => {
  if (!existsSync(join(STATIC_DIR, "index.html"))) throw new Error("dist/renderer/index.html is missing: run npx vite build first");
  const checks = new Checks();
  const loadBefore = loadavg().map((l) => round(l, 2));
  let seeded: Seeded | undefined;
  const big = await serve("big", async (store) => (seeded = await seed(store)));
  const empty = await serve("empty");
  let browser: TestBrowser | undefined;
  try {
    const { bigRunId, newestRunId, seedMs, seedRunsMs } = seeded!;
    const db = new Database(big.dbPath, { readonly: true, fileMustExist: true });
    try {
      const one = (sql: string, ...p: unknown[]) => db.prepare(sql).pluck().get(...p) as number;
      checks.expect("flow runs in the history", one("SELECT count(*) FROM flow_runs"), RUNS);
      checks.expect("log lines in the history", one("SELECT count(*) FROM logs"), LOG_LINES);
      checks.expect("log lines of the big run", one("SELECT count(*) FROM logs WHERE flow_run_key = (SELECT key FROM run_keys WHERE run_id = ?)", bigRunId), BIG_RUN_LINES);
      checks.expect("task runs of the big run", one("SELECT count(*) FROM task_runs WHERE flow_run_id = ?", bigRunId), TASKS.length);
    } finally {
      db.close();
    }

    browser = await openBrowser({ viewport: VIEWPORT });
    await browser.page.goto(empty.server.url); // a first visit, so no timed load is the very first

    const cold = { big: [] as Timed[], empty: [] as Timed[] };
    const inApp = { big: [] as Timed[], empty: [] as Timed[] };
    let bigPage: Page | undefined;
    let emptyPage: Page | undefined;
    for (let i = 0; i < REPS; i++) {
      cold.empty.push(await coldLoad(browser, empty.server.url, false));
      cold.big.push(await coldLoad(browser, big.server.url, true));
      await emptyPage?.close();
      await bigPage?.close();
      const e = await inAppLoad(browser, empty.server.url, false);
      const b = await inAppLoad(browser, big.server.url, true);
      inApp.empty.push(e.timed);
      inApp.big.push(b.timed);
      emptyPage = e.page;
      bigPage = b.page;
    }
    checks.expect("first page: the newest run first, every load", [...cold.big, ...inApp.big].every((t) => t.first === newestRunId), true);
    checks.note("first page: rows in the DOM", [...new Set(inApp.big.map((t) => t.rows))].join(","));

    // Filter changes on the last in-app pages.
    const filterEmpty = await filterChanges(emptyPage!, false, null);
    const filterBig = await filterChanges(bigPage!, true, newestRunId);
    await emptyPage!.close();
    await bigPage!.close();
    checks.expect("filters: every applied filter shows only its state", filterBig.apply.every((t, i) => t.badges === (i % 2 === 0 ? "Failed" : "Crashed") && t.rows > 0), true);
    checks.expect("filters: every clear shows the newest run first", filterBig.clear.every((t) => t.first === newestRunId), true);

    const rounds: ScrollRound[] = [];
    for (let i = 0; i < SCROLL_ROUNDS; i++) rounds.push(await scrollRound(browser, big.server.url, bigRunId));
    const byP95 = [...rounds].sort((a, b) => a.logs.p95 - b.logs.p95);
    const scroll = byP95[Math.floor(byP95.length / 2)]!;
    const staticRound = [...rounds].sort((a, b) => a.static.p95 - b.static.p95)[Math.floor(rounds.length / 2)]!.static;
    checks.expect("log scroll: older pages loaded in every round", rounds.every((r) => r.logs.linesLoaded > 2000), true);
    checks.note("log scroll: lines loaded per round", rounds.map((r) => r.logs.linesLoaded).join(","));

    const firstPage = med(inApp.big);
    const firstPageEmpty = med(inApp.empty);
    const filterApply = med(filterBig.apply);
    const filterClear = med(filterBig.clear);
    const coldBig = med(cold.big);
    const coldEmpty = med(cold.empty);
    const pass = firstPage < GOAL_RENDER_MS && filterApply < GOAL_RENDER_MS && filterClear < GOAL_RENDER_MS && scroll.logs.p95 < GOAL_SCROLL_P95_MS;
    return {
      case: "runs-view",
      measured: {
        label: `runs view over ${RUNS.toLocaleString("en-US")} runs / ${LOG_LINES.toLocaleString("en-US")} log lines in Chromium: first page in-app (Runs tab click to its ${inApp.big[0]!.rows} rows painted; median of ${REPS}). Filter change (state chip click to the filtered rows painted): ${filterApply} ms, cleared ${filterClear} ms. Cold load to the first page: ${coldBig} ms. Log scroll over ${BIG_RUN_LINES.toLocaleString("en-US")} lines (${scroll.logs.linesLoaded.toLocaleString("en-US")} loaded): p95 ${scroll.logs.p95} ms (p50 ${scroll.logs.p50}, max ${scroll.logs.max})`,
        value: Math.round(firstPage),
        unit: "ms",
      },
      baseline: {
        label: `the same in-app load of an empty history, to its empty state (median of ${REPS}); filter ${med(filterEmpty.apply)} ms, cleared ${med(filterEmpty.clear)} ms; cold load ${coldEmpty} ms. The same wheel steps over static lines: p95 ${staticRound.p95} ms (p50 ${staticRound.p50}, max ${staticRound.max})`,
        value: Math.round(firstPageEmpty),
        unit: "ms",
      },
      derived: { label: `− empty history (cold load: ${round(coldBig - coldEmpty, 1)} ms)`, value: Math.round(firstPage - firstPageEmpty), unit: "ms" },
      goal: { text: `first page and filter < ${GOAL_RENDER_MS} ms (${Math.round(firstPage)}, ${Math.round(filterApply)}/${Math.round(filterClear)}); log scroll p95 < ${GOAL_SCROLL_P95_MS} ms (${scroll.logs.p95})`, pass },
      checks: checks.values,
      details: {
        loadAverage: { before: loadBefore, after: loadavg().map((l) => round(l, 2)) },
        runs: RUNS,
        logLines: LOG_LINES,
        bigRunLines: BIG_RUN_LINES,
        seedMs: { total: Math.round(seedMs), runs: Math.round(seedRunsMs), logs: Math.round(seedMs - seedRunsMs) },
        viewport: VIEWPORT,
        firstPageMs: {
          inApp: { runs: msList(inApp.big), empty: msList(inApp.empty), runsListResponseMs: { runs: apiList(inApp.big), empty: apiList(inApp.empty) } },
          cold: { runs: msList(cold.big), empty: msList(cold.empty), medianRuns: coldBig, medianEmpty: coldEmpty },
        },
        filterMs: {
          apply: { runs: msList(filterBig.apply), empty: msList(filterEmpty.apply), medianRuns: filterApply, medianEmpty: med(filterEmpty.apply), runsListResponseMs: apiList(filterBig.apply) },
          clear: { runs: msList(filterBig.clear), empty: msList(filterEmpty.clear), medianRuns: filterClear, medianEmpty: med(filterEmpty.clear), runsListResponseMs: apiList(filterBig.clear) },
        },
        timings: { coldLoad: cold, inApp, filterRuns: filterBig, filterEmpty },
        logScroll: { wheelSteps: WHEEL_STEPS, wheelDeltaPx: WHEEL_DELTA, stepMs: WHEEL_STEP_MS, medianRound: scroll, rounds },
        staticScroll: { lines: STATIC_LINES, medianRound: staticRound },
      },
      ...(checks.error ? { error: checks.error } : {}),
    };
  } finally {
    await browser?.close();
    await big.dispose();
    await empty.dispose();
  }
});
