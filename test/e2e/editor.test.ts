/**
 * The visual editor as a new user meets it: real Chromium, `flowbench server`
 * in its own process on a temporary home, the real host and SQLite. The steps
 * build on each other, in order, like one sitting at the editor.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileGraph, parseFlowSource } from "../../shared/graph/index.ts";
import { openBrowser, type TestBrowser } from "../helpers/browser.ts";
import { startServerProcess, type ServerProcess } from "../helpers/server-process.ts";
import { ROOT } from "../helpers/spawn.ts";
import { api, connect, dragFromPalette, inputHandle, nodesOfKind, outputHandle } from "./editor-helpers.ts";
import { tenNodeFlow } from "./ten-node-flow.ts";

const POLL = { timeout: 10_000, interval: 100 };
const ARTIFACTS = join(ROOT, "test/artifacts");
let server: ServerProcess;
let browser: TestBrowser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServerProcess();
  browser = await openBrowser();
  browser.page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const page = () => browser.page;
const shot = (name: string) => page().screenshot({ path: join(ARTIFACTS, `${name}.png`) });

describe("the visual editor, in Chromium against flowbench server", () => {
  it("opens on an empty flows list that tells a new user what to do, under a strict CSP", async () => {
    const response = await page().goto(server.url);
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self';/);
    await page().getByTestId("flows-empty").waitFor();
    await page().getByTestId("new-flow").click();
    await page().getByText("Drag a task from the palette").waitFor();
    await shot("editor-empty");
  });

  it("builds a three-node flow by dragging from the palette, and connects it", async () => {
    await dragFromPalette(page(), "input", { x: 120, y: 200 });
    await dragFromPalette(page(), "task", { x: 420, y: 200 });
    await dragFromPalette(page(), "output", { x: 760, y: 200 });
    expect(await nodesOfKind(page(), "input").count()).toBe(1);
    expect(await nodesOfKind(page(), "task").count()).toBe(1);
    expect(await nodesOfKind(page(), "output").count()).toBe(1);

    // The task needs an input to take the parameter: added in the inspector, as a user would.
    await nodesOfKind(page(), "task").click();
    await page().getByTestId("node-inputs").getByRole("button", { name: "Add input" }).click();
    await page().getByLabel("Input name").fill("text");
    await page().getByLabel("Type of text").fill("string");

    const task = nodesOfKind(page(), "task");
    await connect(page(), outputHandle(nodesOfKind(page(), "input")), inputHandle(task, "text"));
    await connect(page(), outputHandle(task), inputHandle(nodesOfKind(page(), "output"), "__new"));
    await expect.poll(() => page().locator(".react-flow__edge").count(), POLL).toBe(2);
  });

  it("refuses a connection that would make a cycle, and says why", async () => {
    const task = nodesOfKind(page(), "task");
    await connect(page(), outputHandle(task), inputHandle(task, "text"));
    await expect.poll(() => page().getByTestId("connection-refused").textContent(), POLL).toMatch(/itself|cycle|already connected/i);
    expect(await page().locator(".react-flow__edge").count()).toBe(2);
  });

  it("shows a TypeScript diagnostic on the node while its code is wrong, and clears it when fixed", async () => {
    await nodesOfKind(page(), "task").click();
    const editor = page().getByTestId("node-code-editor");
    await editor.locator(".view-lines").click();
    await page().keyboard.press("ControlOrMeta+A");
    await page().keyboard.type("return text.toUpperCase(1);");
    await page().getByTestId("node-diagnostics").getByText(/Expected 0 arguments/).waitFor();
    await expect.poll(() => nodesOfKind(page(), "task").locator(`[data-testid^="node-errors-"]`).count(), POLL).toBe(1);
    await shot("editor-diagnostic");

    await page().keyboard.press("ControlOrMeta+A");
    await page().keyboard.type("return text.toUpperCase();");
    await page().getByTestId("node-diagnostics").waitFor({ state: "detached" });
    expect(await nodesOfKind(page(), "task").locator(`[data-testid^="node-errors-"]`).count()).toBe(0);
  });

  it("sets retries in the inspector", async () => {
    await page().getByTestId("option-retries").fill("3");
    await page().getByTestId("option-retries").press("Tab");
    await page().getByTestId("dirty-marker").waitFor();
  });

  it("saves, and after a reload finds the flow intact", async () => {
    await page().getByTestId("save").click();
    await page().getByTestId("toast-success").waitFor();
    await page().getByTestId("dirty-marker").waitFor({ state: "detached" });
    expect(page().url()).toContain("#/flows/untitled-flow");
    const saved = readFileSync(join(server.flowsDir, "untitled-flow.ts"), "utf8");
    expect(saved).toContain("retries: 3");

    await page().reload();
    await nodesOfKind(page(), "task").waitFor();
    expect(await page().locator(".react-flow__node").count()).toBe(3);
    expect(await page().locator(".react-flow__edge").count()).toBe(2);
    // Reopened, every node has the size and handle boxes computed for it and is never measured: the
    // wires still start and end exactly on the handles drawn in the DOM.
    const ends = (await page().evaluate(`[...document.querySelectorAll(".react-flow__edge")].map((edge) => {
      const [source, rest] = edge.getAttribute("data-id").split("->");
      const [target, input] = rest.split(":");
      const numbers = edge.querySelector(".react-flow__edge-path").getAttribute("d").match(/-?[\\d.]+/g).map(Number);
      const [tx, ty, zoom] = document.querySelector(".react-flow__viewport").style.transform.match(/-?[\\d.]+/g).map(Number);
      const pane = document.querySelector(".react-flow").getBoundingClientRect();
      const screen = (x, y) => [pane.left + tx + x * zoom, pane.top + ty + y * zoom];
      const box = (node, selector) => document.querySelector('.react-flow__node[data-id="' + node + '"] ' + selector).getBoundingClientRect();
      const out = box(source, ".react-flow__handle.source");
      const into = box(target, '.react-flow__handle.target[data-handleid="' + input + '"]');
      return { start: screen(numbers[0], numbers[1]), end: screen(numbers.at(-2), numbers.at(-1)), out: [out.right, out.top + out.height / 2], into: [into.left, into.top + into.height / 2] };
    })`)) as { start: number[]; end: number[]; out: number[]; into: number[] }[];
    expect(ends).toHaveLength(2);
    for (const e of ends) {
      for (const [a, b] of [[e.start, e.out], [e.end, e.into]] as const) {
        expect(Math.abs(a[0]! - b[0]!)).toBeLessThan(1.5);
        expect(Math.abs(a[1]! - b[1]!)).toBeLessThan(1.5);
      }
    }
    await nodesOfKind(page(), "task").click();
    expect(await page().getByTestId("option-retries").inputValue()).toBe("3");
    await page().getByTestId("node-code-editor").getByText("toUpperCase").waitFor();
  });

  it("exports a .ts file that equals the compiler's output and runs with node", async () => {
    const download = page().waitForEvent("download");
    await page().getByTestId("tool-export").click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("untitled-flow.ts");
    const exported = readFileSync((await file.path())!, "utf8");

    const parsed = parseFlowSource(readFileSync(join(server.flowsDir, "untitled-flow.ts"), "utf8"));
    if (!parsed.ok) throw new Error("the saved file does not parse back");
    expect(exported).toBe(compileGraph(parsed.graph).code);

    // Run it where a user would: in the workspace, which links the flowbench package.
    const path = join(server.flowsDir, "exported.ts");
    writeFileSync(path, exported);
    const run = spawnSync(process.execPath, [path, "--params", JSON.stringify({ param1: "hello" })], { cwd: server.flowsDir, encoding: "utf8", env: { ...process.env, FLOWBENCH_HOME: server.home } });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("HELLO");
  });

  it("imports a .ts file and shows its graph", async () => {
    const chooser = page().waitForEvent("filechooser");
    await page().getByTestId("tool-import").click();
    await (await chooser).setFiles(join(ROOT, "test/fixtures/graphs/etl-orders.ts"));
    await page().waitForURL(/#\/flows\/etl-orders$/);
    await page().getByTestId("node-join").waitFor();
    await expect.poll(() => page().locator(".react-flow__node").count(), POLL).toBe(6);
    await expect.poll(() => page().locator(".react-flow__edge").count(), POLL).toBe(5);
  });

  it("lays out a 10-node flow and shows it with its minimap (screenshot)", async () => {
    await api(server.url, server.token, "flows.save", { graph: tenNodeFlow() });
    await page().goto(`${server.url}/#/flows/orders-report`);
    await page().getByTestId("node-notify").waitFor();
    await page().getByTestId("tool-autoLayout").click();
    await expect.poll(async () => (await page().getByTestId("node-notify").boundingBox())?.x ?? 0, POLL).toBeGreaterThan((await page().getByTestId("node-since").boundingBox())!.x);
    await page().getByTestId("node-report").click();
    await page().waitForTimeout(600);
    await shot("editor-10-nodes");
  });

  it("draws every node in its minimap, in its kind's colour, and pans the canvas by dragging there", async () => {
    const minimap = page().getByTestId("rf__minimap");
    // Every kind's colour is on the minimap: the opaque pixels are box fills (edges blend into the transparent ground).
    const colours = (await minimap.getByTestId("minimap-boxes").evaluate((c) => {
      const canvas = c as unknown as { width: number; height: number; getContext(kind: "2d"): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
      const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<string>();
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] === 255) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      return [...seen];
    })) as string[];
    expect(colours.length).toBe(new Set(tenNodeFlow().nodes.map((n) => n.kind)).size);
    const transform = () => page().locator(".react-flow__viewport").evaluate((el) => (el as unknown as { style: { transform: string } }).style.transform);
    const before = await transform();
    const box = (await minimap.locator("svg").boundingBox())!;
    await page().mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page().mouse.down();
    await page().mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 20, { steps: 5 });
    await page().mouse.up();
    await expect.poll(transform, POLL).not.toBe(before);
    // Back to the whole flow for the screenshots that follow.
    await page().locator(".react-flow__controls-fitview").click();
    await expect.poll(transform, POLL).toBe(before);
  });

  it("follows the dark theme everywhere, and lists the saved flows with their state", async () => {
    await page().getByRole("button", { name: "Switch to dark theme" }).click();
    expect(await page().locator("html").getAttribute("class")).toContain("dark");
    await page().waitForTimeout(300);
    await shot("editor-10-nodes-dark");
    // The layout moved nodes: leaving asks first.
    await page().getByTestId("back-to-flows").click();
    await page().getByRole("dialog", { name: "Unsaved changes" }).getByRole("button", { name: "Discard" }).click();
    await page().getByTestId("flow-list").waitFor();
    expect(await page().getByTestId("flow-row-orders-report").count()).toBe(1);
    await shot("flows-home-dark");
    await page().getByRole("button", { name: "Switch to light theme" }).click();
  });

  it("never asked anything of a host other than the server (no CDN)", () => {
    const foreign = browser.requests.filter((url) => !url.startsWith(server.url) && !url.startsWith("data:") && !url.startsWith("blob:"));
    expect(foreign).toEqual([]);
    expect(browser.requests.some((url) => /ts\.worker|tsWorker|ts-worker/i.test(url) || url.includes("worker"))).toBe(true);
  });
});
