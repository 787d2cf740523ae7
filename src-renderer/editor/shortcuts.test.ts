import { describe, expect, it } from "vitest";
import { commandFor, SHORTCUTS } from "./shortcuts.ts";

const key = (k: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey" | "altKey", boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe("editor shortcuts", () => {
  it("maps the keys users expect to commands", () => {
    expect(commandFor(key("s", { ctrlKey: true }))).toBe("save");
    expect(commandFor(key("Enter", { ctrlKey: true }))).toBe("run");
    expect(commandFor(key("z", { ctrlKey: true }))).toBe("undo");
    expect(commandFor(key("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(commandFor(key("y", { ctrlKey: true }))).toBe("redo");
    expect(commandFor(key("d", { ctrlKey: true }))).toBe("duplicate");
    expect(commandFor(key("Delete"))).toBe("delete");
    expect(commandFor(key("Backspace"))).toBe("delete");
    expect(commandFor(key("?", { shiftKey: true }))).toBe("help");
    expect(commandFor(key("L", { shiftKey: true }))).toBe("autoLayout");
    expect(commandFor(key("n", { ctrlKey: true, altKey: true }))).toBe("newFlow");
  });

  it("leaves plain letters and unknown chords alone", () => {
    expect(commandFor(key("a"))).toBeNull();
    expect(commandFor(key("l"))).toBeNull();
    expect(commandFor(key("q", { ctrlKey: true }))).toBeNull();
  });

  it("lists every command once in the help table", () => {
    const commands = SHORTCUTS.map((s) => s.command);
    expect(new Set(commands).size).toBe(commands.length);
  });
});
