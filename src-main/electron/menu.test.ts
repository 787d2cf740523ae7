import type { MenuItemConstructorOptions } from "electron";
import { describe, expect, it } from "vitest";
import { MENU_COMMANDS, type MenuCommand } from "../../shared/api/desktop.ts";
import { menuTemplate } from "./menu.ts";

const items = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);

describe("the native menu", () => {
  it("has File, Run and View, and each command item sends its command to the renderer", () => {
    const sent: MenuCommand[] = [];
    const template = menuTemplate((command) => sent.push(command), "linux");
    expect(template.map((item) => item.label ?? item.role)).toEqual(["&File", "editMenu", "&Run", "&View", "windowMenu"]);
    for (const item of items(template)) (item.click as (() => void) | undefined)?.();
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it("puts New, Open, Import .ts and Export .ts in File", () => {
    const file = menuTemplate(() => undefined, "linux")[0]!.submenu as MenuItemConstructorOptions[];
    expect(file.filter((item) => item.label).map((item) => item.label)).toEqual(["New Flow", "Open Flow…", "Import .ts…", "Export .ts…"]);
  });

  it("gives each accelerator to one item only", () => {
    const accelerators = items(menuTemplate(() => undefined, "darwin")).flatMap((item) => (item.accelerator ? [item.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
