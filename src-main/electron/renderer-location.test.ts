import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { PLACEHOLDER_RENDERER, rendererLocation } from "./renderer-location.ts";
import { contentSecurityPolicy, isAppUrl } from "./security.ts";

const appPath = "/opt/Flowbench/resources/app.asar";

describe("what the window loads", () => {
  it("is the bundled renderer when it is built, trusting exactly its folder", () => {
    const location = rendererLocation({ appPath, exists: () => true });
    expect(location).toEqual({ kind: "file", file: join(appPath, "dist/renderer/index.html"), origin: { kind: "file", root: `${pathToFileURL(join(appPath, "dist/renderer")).href}/` } });
    expect(isAppUrl(pathToFileURL(location.kind === "file" ? location.file : "").href, location.origin)).toBe(true);
  });

  it("is the placeholder page until then", () => {
    expect(rendererLocation({ appPath, exists: () => false })).toMatchObject({ kind: "file", file: join(appPath, PLACEHOLDER_RENDERER) });
  });

  it("is the dev server when FLOWBENCH_DEV_SERVER_URL names one on this machine, and never a remote one", () => {
    expect(rendererLocation({ appPath, devServerUrl: "http://localhost:5173", exists: () => true })).toEqual({ kind: "url", url: "http://localhost:5173/", origin: { kind: "dev", origin: "http://localhost:5173" } });
    expect(() => rendererLocation({ appPath, devServerUrl: "https://evil.example:5173", exists: () => true })).toThrow(/on this machine/);
    expect(() => rendererLocation({ appPath, devServerUrl: "file:///tmp/index.html", exists: () => true })).toThrow(/http URL/);
  });

  it("ships a placeholder whose <meta> policy is the app's policy (file:// pages get no headers)", () => {
    const html = readFileSync(resolve(import.meta.dirname, "../..", PLACEHOLDER_RENDERER), "utf8");
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(contentSecurityPolicy({ forMeta: true }));
  });
});
