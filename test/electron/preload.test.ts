// The preload cannot import our modules (a sandboxed preload requires only "electron"), so it carries copies
// of the contract's method names, the menu commands and the channel names. These tests keep the copies true.
import { describe, expect, it } from "vitest";
import { METHOD_NAMES } from "../../shared/api/contract.ts";
import { IPC_CHANNELS, MENU_COMMANDS } from "../../shared/api/desktop.ts";
import { createFakeElectron, loadPreload } from "../helpers/fake-electron-ipc.ts";

const preload = () => loadPreload(createFakeElectron().openWindow("file:///app/index.html").ipcRenderer);

describe("the preload's inlined lists", () => {
  it("name exactly the contract's methods, in the same order", () => {
    expect(preload().exports.METHOD_NAMES).toEqual(METHOD_NAMES);
  });

  it("name exactly the menu commands and the IPC channels of shared/api/desktop.ts", () => {
    const { exports } = preload();
    expect(exports.MENU_COMMANDS).toEqual(MENU_COMMANDS);
    expect(exports.CHANNELS).toEqual(IPC_CHANNELS);
    expect(Object.values(IPC_CHANNELS).every((channel) => channel.startsWith("flowbench:"))).toBe(true);
  });

  it("expose only window.flowbench", () => {
    expect(Object.keys(preload().world)).toEqual(["flowbench"]);
  });
});
