/**
 * Real Chromium through playwright-core. It is found on this machine, never
 * downloaded; when missing, the error says in one line how to get it.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export function findChromium(): string {
  const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error("Chromium is missing for the browser tests: install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH)");
  return found;
}

// Without the background-networking flags Chromium keeps dialling out on a closed network.
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for, to prove nothing left the machine. */
  requests: string[];
  close(): Promise<void>;
}

export async function openBrowser(options: { viewport?: { width: number; height: number }; downloads?: boolean } = {}): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), "flowbench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: ARGS,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    acceptDownloads: options.downloads ?? true,
  });
  const requests: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    requests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
