/** The editor's keyboard shortcuts: one table drives both the handler and the help overlay. */
export type Command =
  | "save" | "undo" | "redo" | "copy" | "paste" | "cut" | "duplicate" | "selectAll" | "delete"
  | "fitView" | "autoLayout" | "toggleCode" | "export" | "import" | "newFlow" | "help" | "escape" | "run";

export interface Shortcut {
  command: Command;
  keys: string;
  description: string;
  /** Works while typing in a field or in Monaco (save only). */
  global?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { command: "save", keys: "Mod+S", description: "Save the flow (formats the node's code first)", global: true },
  { command: "run", keys: "Mod+Enter", description: "Run the flow (saves first)", global: true },
  { command: "undo", keys: "Mod+Z", description: "Undo" },
  { command: "redo", keys: "Mod+Shift+Z", description: "Redo (also Mod+Y)" },
  { command: "copy", keys: "Mod+C", description: "Copy the selected nodes (paste into any flow)" },
  { command: "cut", keys: "Mod+X", description: "Cut the selected nodes" },
  { command: "paste", keys: "Mod+V", description: "Paste nodes" },
  { command: "duplicate", keys: "Mod+D", description: "Duplicate the selected nodes" },
  { command: "selectAll", keys: "Mod+A", description: "Select every node" },
  { command: "delete", keys: "Delete", description: "Delete the selection (also Backspace)" },
  { command: "fitView", keys: "F", description: "Fit the flow in view" },
  { command: "autoLayout", keys: "Shift+L", description: "Arrange the nodes automatically" },
  { command: "toggleCode", keys: "Mod+\\", description: "Show or hide the compiled TypeScript" },
  { command: "export", keys: "Mod+E", description: "Export as a .ts file" },
  { command: "import", keys: "Mod+O", description: "Import a .ts file" },
  { command: "newFlow", keys: "Mod+Alt+N", description: "New flow" },
  { command: "help", keys: "?", description: "Show these shortcuts" },
  { command: "escape", keys: "Escape", description: "Clear the selection, close dialogs" },
];

export const IS_MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod+Shift+Z" as this platform writes it. */
export function displayKeys(keys: string): string {
  return keys.replace("Mod", IS_MAC ? "⌘" : "Ctrl").replace("Alt", IS_MAC ? "⌥" : "Alt");
}

/** The command a key event means, if any. Copy, cut and paste come through clipboard events instead. */
export function commandFor(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">): Command | null {
  const mod = IS_MAC ? e.metaKey : e.ctrlKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod && e.altKey && key === "n") return "newFlow";
  if (mod && !e.altKey) {
    if (key === "s") return "save";
    if (key === "Enter") return "run";
    if (key === "z") return e.shiftKey ? "redo" : "undo";
    if (key === "y") return "redo";
    if (key === "d") return "duplicate";
    if (key === "a") return "selectAll";
    if (key === "\\") return "toggleCode";
    if (key === "e") return "export";
    if (key === "o") return "import";
    return null;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (key === "Delete" || key === "Backspace") return "delete";
  if (key === "?") return "help";
  if (key === "f") return "fitView";
  if (key === "l" && e.shiftKey) return "autoLayout";
  if (key === "Escape") return "escape";
  return null;
}

/** Typing in a field or in Monaco: the editor's own keys must win. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, .monaco-editor, [contenteditable=true]") !== null;
}
