import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, decideNavigation, decideWindowOpen, isAppUrl, isTrustedFrame, withContentSecurityPolicy, type AppOrigin } from "./security.ts";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1).join(" ")]));
const FILE_APP: AppOrigin = { kind: "file", root: `${pathToFileURL("/opt/Flowbench/resources/app.asar/dist/renderer").href}/` };
const DEV_APP: AppOrigin = { kind: "dev", origin: "http://localhost:5173" };
const page = (path: string) => pathToFileURL(`/opt/Flowbench/resources/app.asar/dist/renderer/${path}`).href;

describe("the Content-Security-Policy", () => {
  it("allows only the app's own scripts, styles, connections and workers (blob: workers for Monaco)", () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get("default-src")).toBe("'self'");
    expect(policy.get("script-src")).toBe("'self'");
    expect(policy.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(policy.get("connect-src")).toBe("'self'");
    expect(policy.get("worker-src")).toBe("'self' blob:");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
  });

  it("names no remote origin and never allows eval or inline scripts", () => {
    const policy = contentSecurityPolicy();
    expect(policy).not.toMatch(/https?:|wss?:|\*/);
    expect(policy).not.toContain("unsafe-eval");
    expect(directives(policy).get("script-src")).not.toContain("unsafe-inline");
  });

  it("has a <meta> form without frame-ancestors, which browsers ignore there", () => {
    expect(contentSecurityPolicy({ forMeta: true })).toBe(contentSecurityPolicy().replace("; frame-ancestors 'none'", ""));
  });

  it("replaces whatever policy a response had, in any letter case, and keeps other headers", () => {
    const headers = withContentSecurityPolicy({ "content-security-policy": ["default-src *"], "Content-Type": ["text/html"] });
    expect(headers).toEqual({ "Content-Type": ["text/html"], "Content-Security-Policy": [contentSecurityPolicy()] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ "Content-Security-Policy": [contentSecurityPolicy()] });
  });
});

describe("which URLs are the app", () => {
  it("is any file inside the bundled renderer's folder", () => {
    expect(isAppUrl(page("index.html"), FILE_APP)).toBe(true);
    expect(isAppUrl(`${page("index.html")}#/runs/abc`, FILE_APP)).toBe(true);
    expect(isAppUrl(page("../../../secrets.html"), FILE_APP)).toBe(false);
    expect(isAppUrl(pathToFileURL("/opt/Flowbench/resources/app.asar/dist/renderer-evil/index.html").href, FILE_APP)).toBe(false);
    expect(isAppUrl("file://remote-host/opt/Flowbench/resources/app.asar/dist/renderer/index.html", FILE_APP)).toBe(false);
    expect(isAppUrl("https://evil.example/", FILE_APP)).toBe(false);
    expect(isAppUrl("not a url", FILE_APP)).toBe(false);
  });

  it("is the dev server's exact origin in development", () => {
    expect(isAppUrl("http://localhost:5173/index.html", DEV_APP)).toBe(true);
    expect(isAppUrl("http://localhost:5174/", DEV_APP)).toBe(false);
    expect(isAppUrl("https://localhost:5173/", DEV_APP)).toBe(false);
    expect(isAppUrl("http://localhost.evil.example:5173/", DEV_APP)).toBe(false);
  });

  it("trusts an IPC sender only as the top frame of an app page", () => {
    expect(isTrustedFrame({ url: page("index.html"), parent: null }, FILE_APP)).toBe(true);
    expect(isTrustedFrame({ url: page("index.html"), parent: { url: page("index.html") } }, FILE_APP)).toBe(false);
    expect(isTrustedFrame({ url: "https://evil.example/", parent: null }, FILE_APP)).toBe(false);
    expect(isTrustedFrame(null, FILE_APP)).toBe(false);
  });
});

describe("navigation and new windows", () => {
  it("blocks navigating away, sending http(s) links to the system browser and dropping the rest", () => {
    expect(decideNavigation("https://github.com/flowbench", FILE_APP)).toEqual({ allow: false, openExternally: true });
    expect(decideNavigation("http://example.com", DEV_APP)).toEqual({ allow: false, openExternally: true });
    expect(decideNavigation("file:///etc/passwd", FILE_APP)).toEqual({ allow: false, openExternally: false });
    expect(decideNavigation("javascript:alert(1)", FILE_APP)).toEqual({ allow: false, openExternally: false });
    expect(decideNavigation("smb://server/share", FILE_APP)).toEqual({ allow: false, openExternally: false });
  });

  it("lets the app's own page reload", () => {
    expect(decideNavigation(page("index.html"), FILE_APP)).toEqual({ allow: true, openExternally: false });
    expect(decideNavigation("http://localhost:5173/", DEV_APP)).toEqual({ allow: true, openExternally: false });
  });

  it("never opens a new window, even for the app's own pages", () => {
    expect(decideWindowOpen("https://prefect.io/docs")).toEqual({ allow: false, openExternally: true });
    expect(decideWindowOpen(page("index.html"))).toEqual({ allow: false, openExternally: false });
    expect(decideWindowOpen("about:blank")).toEqual({ allow: false, openExternally: false });
  });
});
