/**
 * Schedules, triggers and automations as a new user meets them: open a saved
 * flow, add a weekday cron in Paris time from flow settings, see it in words
 * with its next 5 times, find its upcoming runs in the runs view, pause it and
 * see them go; add a webhook; add an automation and watch it fire and notify.
 * Real Chromium against `flowbench server` in its own process.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type TestBrowser } from "../helpers/browser.ts";
import { oneTaskFlow } from "../helpers/one-task-flow.ts";
import { startServerProcess, type ServerProcess } from "../helpers/server-process.ts";
import { ROOT } from "../helpers/spawn.ts";
import { api } from "./editor-helpers.ts";

const ARTIFACTS = join(ROOT, "test/artifacts");
const POLL = { timeout: 20_000, interval: 100 };
let server: ServerProcess;
let browser: TestBrowser;
let flowId: string;
const page = () => browser.page;
const shot = (name: string) => page().screenshot({ path: join(ARTIFACTS, `${name}.png`) });

const REPORT = oneTaskFlow({
  name: "daily report",
  params: [{ name: "region", type: "string", default: "eu" }],
  task: { id: "build", title: "Build report", output: "string", code: "return `report for ${region}`;" },
});

/** The next weekday 09:00 on Paris wall clocks after now, as the app prints it ("Mon 2026-11-30 09:00"). */
function nextWeekdayNineInParis(now: number): string {
  const parts = (ms: number) => Object.fromEntries(new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Paris", weekday: "short", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(ms).map((p) => [p.type, p.value]));
  for (let d = 0; d < 8; d++) {
    const p = parts(now + d * 86_400_000);
    if (p.weekday === "Sat" || p.weekday === "Sun") continue;
    if (d === 0 && Number(p.hour) >= 9) continue;
    return `${p.weekday} ${p.year}-${p.month}-${p.day} 09:00`;
  }
  throw new Error("no weekday in a week");
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServerProcess();
  browser = await openBrowser();
  browser.page.setDefaultTimeout(20_000);
  flowId = (await api<{ id: string }>(server.url, server.token, "flows.save", { graph: REPORT })).id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("schedules", () => {
  it("adds a weekday cron in Paris time from flow settings, read in words with its next 5 times", async () => {
    await page().goto(`${server.url}/#/flows/${flowId}`);
    await page().getByTestId("node-build").waitFor();
    await page().getByTestId("tool-flowSettings").click();
    await page().getByTestId("flow-settings").waitFor();
    await page().getByTestId("schedules-empty").waitFor();
    await page().getByTestId("add-schedule").click();

    await page().getByTestId("cron-input").pressSequentially("0 9 * * 1-5", { delay: 20 });
    await page().getByTestId("timezone-picker").click();
    await page().getByTestId("timezone-search").fill("paris");
    await page().getByTestId("timezone-option-Europe/Paris").click();

    await expect.poll(() => page().getByTestId("timing-words").textContent(), POLL).toBe("Runs every weekday at 09:00, Europe/Paris");
    expect(await page().getByTestId("next-time").count()).toBe(5);
    // The Paris column, or the only one when the browser itself is in Paris.
    const parisCells = (await page().getByTestId("next-time-zone").count()) ? page().getByTestId("next-time-zone") : page().getByTestId("next-time-local");
    expect(await parisCells.first().textContent()).toBe(nextWeekdayNineInParis(Date.now()));
    await shot("schedules-cron-editor");

    // A typo shows the one-line reason under the field, live.
    await page().getByTestId("cron-input").fill("0 9 * *");
    await expect.poll(() => page().getByTestId("timing-error").textContent(), POLL).toMatch(/cron/i);
    await page().getByTestId("cron-input").fill("0 9 * * 1-5");
    await page().getByTestId("schedule-name").fill("Weekday mornings");
    await page().getByTestId("schedule-save").click();

    const row = page().locator('[data-testid^="schedule-"][data-active]');
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.getByTestId("schedule-words").textContent()).toBe("every weekday at 09:00, Europe/Paris");
    expect(await row.getByTestId("schedule-next").textContent()).toContain("Next");
  });

  it("shows the schedule's badge on the canvas, and its upcoming runs in the runs view and dashboard", async () => {
    await page().getByTestId("flow-settings-close").click();
    await expect.poll(() => page().getByTestId("schedule-badge").textContent(), POLL).toMatch(/^1 schedule\s*· next run /);
    await shot("editor-schedule-badge");

    await page().goto(`${server.url}/#/runs`);
    await page().getByTestId("upcoming-runs").waitFor();
    const upcoming = page().locator('[data-testid^="upcoming-run-"]');
    await expect.poll(() => upcoming.count(), POLL).toBeGreaterThanOrEqual(1);
    expect(await upcoming.first().textContent()).toContain("daily report");
    expect(await upcoming.first().textContent()).toContain("Scheduled");
    await shot("runs-upcoming");

    await page().goto(`${server.url}/#/dashboard`);
    await expect.poll(() => page().getByTestId("upcoming-run").count(), POLL).toBeGreaterThanOrEqual(1);
    await shot("dashboard-upcoming");
  });

  it("pauses the schedule, and its upcoming runs leave the runs view", async () => {
    await page().goto(`${server.url}/#/flows/${flowId}`);
    await page().getByTestId("schedule-badge").click();
    const row = page().locator('[data-testid^="schedule-"][data-active]');
    await row.getByTestId("schedule-active").click();
    await expect.poll(() => row.getAttribute("data-active"), POLL).toBe("false");
    expect(await row.getByTestId("schedule-next").textContent()).toBe("Paused");
    await page().getByTestId("flow-settings-close").click();
    await expect.poll(() => page().getByTestId("schedule-badge").count(), POLL).toBe(0);

    await page().goto(`${server.url}/#/runs`);
    await page().getByTestId("runs-view").waitFor();
    await expect.poll(() => page().locator('[data-testid^="upcoming-run-"]').count(), POLL).toBe(0);
    expect(await page().getByTestId("upcoming-runs").count()).toBe(0);
  });
});

describe("triggers and automations", () => {
  it("creates a webhook and shows its full URL", async () => {
    await page().goto(`${server.url}/#/flows/${flowId}`);
    await page().getByTestId("tool-flowSettings").click();
    await page().getByTestId("settings-tab-triggers").click();
    await page().getByTestId("add-webhook").click();
    await page().getByTestId("trigger-name").fill("From the CRM");
    await page().getByTestId("trigger-save").click();
    await expect.poll(() => page().getByTestId("webhook-url").textContent(), POLL).toMatch(new RegExp(`^${server.url.replace(/[.]/g, "\\.")}/hooks/[^/]+/[^/]+$`));
    await shot("flow-settings-triggers");
    const before = await page().getByTestId("webhook-url").textContent();

    // A new secret asks first, then changes the URL.
    await page().getByTestId("trigger-rotate").click();
    await page().getByRole("button", { name: "New secret" }).click();
    await expect.poll(() => page().getByTestId("webhook-url").textContent(), POLL).not.toBe(before);
    await page().getByTestId("flow-settings-close").click();
  });

  it("creates an automation that notifies when the flow completes, and shows its firing", async () => {
    await page().goto(`${server.url}/#/automations`);
    await page().getByTestId("automations-empty").waitFor();
    await page().getByTestId("new-automation").click();
    await page().getByTestId("auto-name").fill("Tell me about reports");
    await page().getByTestId("auto-flow").selectOption("daily report");
    await page().getByTestId("auto-state-COMPLETED").click();
    await page().getByTestId("auto-action").selectOption("notify");
    await page().getByTestId("auto-notify-title").fill("Report ready");
    await page().getByTestId("automation-save").click();
    await expect.poll(() => page().getByTestId("automation-sentence").textContent(), POLL).toBe("When daily report run is Completed or Failed → notify “Report ready”");

    await api(server.url, server.token, "runs.start", { flowId, params: { region: "us" } });
    const toastCard = page().getByTestId("notification-toast");
    await expect.poll(() => toastCard.textContent(), POLL).toContain("Report ready");
    await page().getByTestId("automation-toggle-history").click();
    await expect.poll(() => page().getByTestId("firing").count(), POLL).toBe(1);
    expect(await page().getByTestId("firing").getAttribute("data-status")).toBe("succeeded");
    await shot("automations");

    // The toast opens the run.
    await toastCard.locator("a").click();
    await page().getByTestId("run-page").waitFor();
  });
});
