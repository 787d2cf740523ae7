/**
 * The UI's files. The renderer's build (dist/renderer) is served when it exists,
 * with the token put into index.html for the page to read; until the editor is
 * built, a small page says so and lists recent runs through the same API.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".map": "application/json",
};

export interface Page {
  status: number;
  type: string;
  body: Buffer | string;
  csp?: string;
}

/** The app's policy: no inline or eval'd script; inline styles only (Monaco and the canvas set them at run time). */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** The status page without a renderer build carries one small inline script. */
export const FALLBACK_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

/** A file under `root`, or index.html for app routes (the SPA fallback); never a path outside `root`. */
export function pageFor(root: string | undefined, urlPath: string, token: string): Page {
  if (!root || !existsSync(join(root, "index.html"))) return { status: 200, type: TYPES[".html"]!, body: fallbackPage(token), csp: FALLBACK_CSP };
  const clean = normalize(decodeURIComponent(urlPath.split("?")[0]!)).replace(/^([/\\])+/, "");
  const file = join(root, clean);
  if (!file.startsWith(root + sep) && file !== root) return { status: 404, type: "text/plain", body: "Not found" };
  if (clean && existsSync(file) && statSync(file).isFile()) {
    if (file.endsWith("index.html")) return { status: 200, type: TYPES[".html"]!, body: withToken(readFileSync(file, "utf8"), token) };
    return { status: 200, type: TYPES[extname(file)] ?? "application/octet-stream", body: readFileSync(file) };
  }
  if (extname(clean)) return { status: 404, type: "text/plain", body: "Not found" };
  return { status: 200, type: TYPES[".html"]!, body: withToken(readFileSync(join(root, "index.html"), "utf8"), token) };
}

function withToken(html: string, token: string): string {
  return html.replace("<head>", `<head><meta name="flowbench-token" content="${token}">`);
}

function fallbackPage(token: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="flowbench-token" content="${token}">
<title>Flowbench</title><style>body{font:14px system-ui,sans-serif;margin:2rem;color:#222}td,th{padding:.2rem .8rem;text-align:left}</style></head>
<body><h1>Flowbench server</h1><p>The API is up. The visual editor is not built into this server yet; recent runs, read through the API:</p>
<table><thead><tr><th>Run</th><th>Flow</th><th>State</th><th>Started</th></tr></thead><tbody id="runs"></tbody></table>
<script>
fetch("/api/call/runs.list", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ limit: 20 }) })
  .then((r) => r.json()).then((e) => {
    const body = document.getElementById("runs");
    for (const r of e.ok ? e.result.items : []) {
      const row = body.insertRow();
      for (const text of [r.name, r.flowName, r.stateName, r.startTime ? new Date(r.startTime).toLocaleString() : ""]) row.insertCell().textContent = text;
    }
  });
</script></body></html>`;
}
