import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, parseWindowState, saveWindowState } from "./window-state.ts";

const dir = mkdtempSync(join(tmpdir(), "flowbench-window-state-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const screen = { x: 0, y: 0, width: 1920, height: 1040 };

describe("the remembered window bounds", () => {
  it("round-trip through a JSON file, creating its folder", () => {
    const file = join(dir, "user-data", "window-state.json");
    const state = { x: 100, y: 50, width: 1000, height: 700, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(readdirSync(join(dir, "user-data"))).toEqual(["window-state.json"]);
  });

  it("fall back to the default when the file is missing or broken", () => {
    expect(loadWindowState(join(dir, "none.json"))).toEqual(DEFAULT_WINDOW_STATE);
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{ not json");
    expect(loadWindowState(broken)).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState(JSON.stringify({ width: "wide", height: 700, maximized: false }))).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState(JSON.stringify({ width: 50, height: 50, maximized: false }))).toEqual(DEFAULT_WINDOW_STATE);
  });

  it("keep a position only while its title bar is on a display, and shrink to fit the largest one", () => {
    const saved = { x: 100, y: 50, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(saved, [screen])).toEqual(saved);
    // The second monitor it was on is gone.
    expect(fitToDisplays({ ...saved, x: 2500 }, [screen])).toEqual({ width: 1000, height: 700, maximized: false });
    expect(fitToDisplays({ ...saved, x: 2500 }, [screen, { x: 1920, y: 0, width: 1920, height: 1080 }])).toEqual({ ...saved, x: 2500 });
    expect(fitToDisplays({ ...saved, y: -40 }, [screen])).toEqual({ width: 1000, height: 700, maximized: false });
    expect(fitToDisplays({ width: 3000, height: 2000, maximized: false }, [screen])).toEqual({ width: 1920, height: 1040, maximized: false });
  });
});
