/**
 * The native menu as data. Items that concern the app's documents and runs
 * only send a command to the renderer (which owns the open flow, dialogs and
 * file pickers); window and edit items use Electron's built-in roles.
 */
import type { MenuItemConstructorOptions } from "electron";
import type { MenuCommand } from "../../shared/api/desktop.ts";

export function menuTemplate(send: (command: MenuCommand) => void, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => send(command),
    ...(accelerator ? { accelerator } : {}),
  });
  const mac = platform === "darwin";
  return [
    ...(mac ? [{ role: "appMenu" } satisfies MenuItemConstructorOptions] : []),
    {
      label: "&File",
      submenu: [
        item("New Flow", "file.new", "CmdOrCtrl+N"),
        item("Open Flow…", "file.open", "CmdOrCtrl+O"),
        { type: "separator" },
        item("Import .ts…", "file.import"),
        item("Export .ts…", "file.export"),
        { type: "separator" },
        mac ? { role: "close" } : { role: "quit" },
      ],
    },
    // Without an Edit menu, copy and paste shortcuts do nothing in text fields on macOS.
    { role: "editMenu" },
    {
      label: "&Run",
      // F5 and Shift+F5 as in VS Code; Ctrl+Enter and friends belong to the code editor.
      submenu: [item("Run Flow", "run.start", "F5"), item("Cancel Run", "run.cancel", "Shift+F5")],
    },
    {
      label: "&View",
      submenu: [
        item("Flows", "view.flows", "CmdOrCtrl+1"),
        item("Runs", "view.runs", "CmdOrCtrl+2"),
        { type: "separator" },
        { role: "reload" },
        { role: "toggleDevTools" },
        { type: "separator" },
        { role: "resetZoom" },
        { role: "zoomIn" },
        { role: "zoomOut" },
        { type: "separator" },
        { role: "togglefullscreen" },
      ],
    },
    { role: "windowMenu" },
  ];
}
