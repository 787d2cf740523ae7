/**
 * Running and inspecting, as a user does it: press Run and watch the nodes,
 * find why a run failed from the canvas, cancel a long run, filter the runs
 * view, and open a run that a script started outside the app. Real Chromium,
 * `flowbench server` in its own process, real worker threads and SQLite.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWorkspace } from "../../src-main/graph/workspace.ts";
import { openBrowser, type TestBrowser } from "../helpers/browser.ts";
import { startServerProcess, type ServerProcess } from "../helpers/server-process.ts";
import { ROOT } from "../helpers/spawn.ts";
import { api } from "./editor-helpers.ts";
import { FAILING, LONG, RETRIED, SCRIPT } from "./run-flows.ts";

const ARTIFACTS = join(ROOT, "test/artifacts");
const POLL = { timeout: 20_000, interval: 100 };
let server: ServerProcess;
let browser: TestBrowser;
const page = () => browser.page;
const shot = (name: string) => page().screenshot({ path: join(ARTIFACTS, `${name}.png`) });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServerProcess();
  browser = await openBrowser();
  browser.page.setDefaultTimeout(20_000);
  for (const graph of [RETRIED, FAILING, LONG]) await api(server.url, server.token, "flows.save", { graph });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("running from the editor", () => {
  it("shows a retried node go running, retrying and completed, with 3 attempts in its details", async () => {
    await page().goto(`${server.url}/#/flows/retry-until-ok`);
    const node = page().getByTestId("node-flaky");
    await node.waitFor();
    // Every phase the node shows, recorded in the page as it changes: a poll could miss a short one on a busy machine.
    await page().evaluate(`(() => {
      window.__phases = [];
      new MutationObserver((records) => {
        for (const r of records) window.__phases.push(r.target.getAttribute("data-run-phase"));
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-run-phase"] });
    })()`);
    await page().getByTestId("run").click();
    await expect.poll(() => node.getAttribute("data-run-phase"), POLL).toBe("retrying");
    await shot("run-live-midway");
    await expect.poll(() => node.getAttribute("data-run-phase"), POLL).toBe("completed");
    const seen = ((await page().evaluate("window.__phases")) as (string | null)[]).filter((p, i, all) => p !== null && p !== all[i - 1]);
    expect(seen).toEqual(expect.arrayContaining(["running", "retrying", "completed"]));
    expect(seen.indexOf("running")).toBeLessThan(seen.indexOf("retrying"));
    await node.click();
    await expect.poll(() => page().getByTestId("attempt").count(), POLL).toBe(3);
    expect(await page().getByTestId("attempt-error").allTextContents()).toEqual(["Error: attempt 1 failed", "Error: attempt 2 failed"]);
  });

  it("finds a failed run's error and its failing log line from the canvas in one click", async () => {
    await page().goto(`${server.url}/#/flows/import-orders`);
    await page().getByTestId("node-parse").waitFor();
    await page().getByTestId("run").click();
    await page().getByTestId("run-submit").click(); // the parameters dialog, defaults kept
    await expect.poll(() => page().getByTestId("node-parse").getAttribute("data-run-phase"), POLL).toBe("failed");
    await page().getByTestId("node-parse").click(); // the one click
    await expect.poll(() => page().getByTestId("attempt-error").first().textContent(), POLL).toContain("Order b has no amount");
    await expect.poll(() => page().getByTestId("node-log-line").allTextContents(), POLL).toEqual([expect.stringContaining("row 2 of 2 has no amount")]);
    await shot("run-failed-node-details");
  });

  it("cancels a long run in one click", async () => {
    await page().goto(`${server.url}/#/flows/long-export`);
    await page().getByTestId("node-export").waitFor();
    await page().getByTestId("run").click();
    await expect.poll(() => page().getByTestId("node-export").getAttribute("data-run-phase"), POLL).toBe("running");
    await page().getByTestId("run-cancel").click();
    await expect.poll(() => page().getByTestId("live-run").textContent(), POLL).toContain("Cancelled");
    await expect.poll(() => page().getByTestId("node-export").getAttribute("data-run-phase"), POLL).toBe("cancelled");
  });
});

describe("history", () => {
  it("filters the runs view by state", async () => {
    await page().goto(`${server.url}/#/runs`);
    await page().getByTestId("runs-view").waitFor();
    await expect.poll(() => page().locator('[data-testid^="run-row-"]').count(), POLL).toBe(3);
    await page().getByTestId("runs-filter-state-FAILED").click();
    await expect.poll(() => page().locator('[data-testid^="run-row-"]').count(), POLL).toBe(1);
    expect(await page().locator('[data-testid^="run-row-"]').first().textContent()).toContain("import orders");
    expect(page().url()).toContain("FAILED");
    await page().getByTestId("runs-filter-state-FAILED").click();
    await expect.poll(() => page().locator('[data-testid^="run-row-"]').count(), POLL).toBe(3);
    await shot("runs-view");
  });

  it("opens a run that `node script.ts` started outside the app, with its graph and logs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "flowbench-script-"));
    ensureWorkspace(dir);
    writeFileSync(join(dir, "script.ts"), SCRIPT);
    const run = spawnSync(process.execPath, [join(dir, "script.ts")], { cwd: dir, encoding: "utf8", env: { ...process.env, FLOWBENCH_HOME: server.home } });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim().split("\n").at(-1)).toBe("6");

    await page().goto(`${server.url}/#/runs`);
    const row = page().locator('[data-testid^="run-row-"]').filter({ hasText: "nightly import" });
    await row.waitFor();
    await row.click();
    await page().getByTestId("run-page").waitFor();
    await expect.poll(() => page().locator('[data-testid^="run-graph-node-"]').count(), POLL).toBe(2);
    await page().getByTestId("run-tab-logs").click().catch(() => undefined);
    await expect.poll(() => page().getByTestId("log-line").allTextContents(), POLL).toEqual([expect.stringContaining("fetching rows for 2026-11-28"), expect.stringContaining("adding 3 rows")]);
  });

  it("shows a run page with its graph and timeline (screenshot)", async () => {
    await page().goto(`${server.url}/#/runs`);
    await page().locator('[data-testid^="run-row-"]').filter({ hasText: "import orders" }).click();
    await page().getByTestId("run-graph").waitFor();
    await expect.poll(() => page().locator('[data-testid^="run-graph-node-"]').count(), POLL).toBe(2);
    await expect.poll(() => page().getByTestId("log-line").count(), POLL).toBe(2);
    await page().getByTestId("log-line").last().waitFor({ state: "visible" });
    await page().waitForTimeout(300);
    await shot("run-page-graph");
    await page().getByTestId("run-tab-timeline").click();
    await page().getByTestId("run-timeline").waitFor();
    await expect.poll(() => page().getByTestId("log-line").count(), POLL).toBe(2);
    expect(await page().getByTestId("run-failure").textContent()).toContain("Order b has no amount");
    await shot("run-page-timeline");
  });

  it("shows the dashboard with runs by state and recent failures (screenshot)", async () => {
    await page().goto(`${server.url}/#/dashboard`);
    await page().getByTestId("dashboard").waitFor();
    await expect.poll(() => page().getByTestId("recent-failure").count(), POLL).toBeGreaterThan(0);
    expect(await page().getByTestId("recent-failure").first().textContent()).toContain("Order b has no amount");
    await page().getByTestId("runs-chart").waitFor();
    await shot("dashboard");
  });
});
