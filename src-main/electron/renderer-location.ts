/**
 * What the window loads: the Vite dev server while developing the UI
 * (FLOWBENCH_DEV_SERVER_URL, loopback only), else the bundled renderer in
 * dist/renderer, else a placeholder page until the renderer exists. The IPC
 * sender check and navigation rules trust exactly this origin.
 */
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AppOrigin } from "./security.ts";

export type RendererLocation = { kind: "url"; url: string; origin: AppOrigin } | { kind: "file"; file: string; origin: AppOrigin };

/** Where `vite build` of src-renderer puts index.html (issue #5). */
export const BUNDLED_RENDERER = "dist/renderer/index.html";
/** Shown while the renderer is not built: it checks the bridge by asking the host for app.info. */
export const PLACEHOLDER_RENDERER = "resources/placeholder/index.html";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function rendererLocation(options: { appPath: string; devServerUrl?: string | undefined; exists(path: string): boolean }): RendererLocation {
  if (options.devServerUrl) {
    const url = new URL(options.devServerUrl);
    // The window trusts this origin with the whole API: never a remote one.
    if (!LOOPBACK.has(url.hostname) || (url.protocol !== "http:" && url.protocol !== "https:")) {
      throw new Error(`FLOWBENCH_DEV_SERVER_URL must be an http URL on this machine (localhost, 127.0.0.1 or [::1]), not ${options.devServerUrl}`);
    }
    return { kind: "url", url: url.href, origin: { kind: "dev", origin: url.origin } };
  }
  const bundled = join(options.appPath, BUNDLED_RENDERER);
  const file = options.exists(bundled) ? bundled : join(options.appPath, PLACEHOLDER_RENDERER);
  return { kind: "file", file, origin: { kind: "file", root: `${pathToFileURL(dirname(file)).href}/` } };
}
