/**
 * The flows list and editing across flows, as a user does them: rename,
 * duplicate and delete from the list; copy nodes from one flow and paste them
 * into another through the system clipboard; undo and redo.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type TestBrowser } from "../helpers/browser.ts";
import { startServerProcess, type ServerProcess } from "../helpers/server-process.ts";
import { ROOT } from "../helpers/spawn.ts";
import { api } from "./editor-helpers.ts";

const POLL = { timeout: 10_000, interval: 100 };
let server: ServerProcess;
let browser: TestBrowser;
const page = () => browser.page;
const fixture = (name: string) => JSON.parse(readFileSync(join(ROOT, "test/fixtures/graphs", `${name}.json`), "utf8")) as unknown;

beforeAll(async () => {
  server = await startServerProcess();
  browser = await openBrowser();
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  browser.page.setDefaultTimeout(15_000);
  await api(server.url, server.token, "flows.save", { graph: fixture("hello") });
  await api(server.url, server.token, "flows.save", { graph: fixture("etl-orders") });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the flows list", () => {
  it("renames a flow: its file and the name in its code follow", async () => {
    await page().goto(server.url);
    await page().getByTestId("flow-row-hello").waitFor();
    await page().getByRole("button", { name: "Actions for hello" }).click();
    await page().getByRole("menuitem", { name: "Rename…" }).click();
    await page().getByRole("dialog").getByLabel("Name").fill("Greeter");
    await page().getByRole("button", { name: "Rename", exact: true }).click();
    await page().getByTestId("flow-row-greeter").waitFor();
    expect(existsSync(join(server.flowsDir, "hello.ts"))).toBe(false);
    expect(readFileSync(join(server.flowsDir, "greeter.ts"), "utf8")).toContain('name: "Greeter"');
  });

  it("duplicates a flow into a new file, and deletes one after asking", async () => {
    await page().getByRole("button", { name: "Actions for Greeter" }).click();
    await page().getByRole("menuitem", { name: "Duplicate" }).click();
    await page().getByTestId("flow-row-greeter-copy").waitFor();
    expect(readFileSync(join(server.flowsDir, "greeter-copy.ts"), "utf8")).toContain('name: "Greeter copy"');

    await page().getByRole("button", { name: "Actions for Greeter copy" }).click();
    await page().getByRole("menuitem", { name: "Delete…" }).click();
    await page().getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await page().getByTestId("flow-row-greeter-copy").waitFor({ state: "detached" });
    expect(existsSync(join(server.flowsDir, "greeter-copy.ts"))).toBe(false);
  });
});

describe("editing across flows", () => {
  it("copies a node from one flow and pastes it into another; undo and redo take it out and back", async () => {
    await page().goto(`${server.url}/#/flows/greeter`);
    await page().getByTestId("node-greet").click();
    await page().keyboard.press("ControlOrMeta+C");

    await page().goto(`${server.url}/#/flows/etl-orders`);
    await page().getByTestId("node-join").waitFor();
    await page().locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page().keyboard.press("ControlOrMeta+V");
    await expect.poll(() => page().locator('[data-kind="task"]').filter({ hasText: "greet" }).count(), POLL).toBe(1);
    await page().getByTestId("dirty-marker").waitFor();

    await page().keyboard.press("ControlOrMeta+Z");
    await expect.poll(() => page().locator('[data-kind="task"]').filter({ hasText: "greet" }).count(), POLL).toBe(0);
    await page().getByTestId("dirty-marker").waitFor({ state: "detached" });
    await page().keyboard.press("ControlOrMeta+Shift+Z");
    await expect.poll(() => page().locator('[data-kind="task"]').filter({ hasText: "greet" }).count(), POLL).toBe(1);
  });

  it("duplicates and deletes with the keyboard, and lists the shortcuts on ?", async () => {
    const greets = page().locator('[data-kind="task"]').filter({ hasText: /greet/ });
    await greets.first().click();
    await page().keyboard.press("ControlOrMeta+D");
    await expect.poll(() => greets.count(), POLL).toBe(2);
    await page().keyboard.press("Delete");
    await expect.poll(() => greets.count(), POLL).toBe(1);
    await page().keyboard.press("Shift+?");
    await page().getByTestId("shortcut-help").waitFor();
    expect(await page().getByTestId("shortcut-help").textContent()).toContain("Duplicate the selected nodes");
  });
});
