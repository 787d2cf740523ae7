/**
 * Everything the toolbar, the menu and the keyboard can do in the editor, in
 * one place, so a shortcut and its button never disagree.
 */
import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { useApi } from "../app/api-context.tsx";
import { useMenuCommands } from "../app/menu.ts";
import { navigate, type Route } from "../app/route.ts";
import { useCanvasCommands } from "../canvas/commands.ts";
import { downloadText } from "../files/download.ts";
import { importFlowFile } from "../files/import-flow.ts";
import { rememberFlow } from "../files/recent.ts";
import { useConfirm } from "../ui/confirm.tsx";
import { toast } from "../ui/toast.tsx";
import { handOver } from "./open-document.ts";
import { saveDocument } from "./save-document.ts";
import { commandFor, isEditableTarget, type Command } from "./shortcuts.ts";
import { useDocumentStoreApi } from "./store/context.tsx";

export interface EditorCommands {
  run(command: Command): void;
  save(): Promise<boolean>;
  /** Leaves for another page, asking first when there are unsaved changes. */
  leave(route: Route): Promise<void>;
  dialogs: ReactNode;
}

export function useEditorCommands(ui: { toggleCode(): void; showHelp(): void; run(): void }): EditorCommands {
  const client = useApi();
  const store = useDocumentStoreApi();
  const canvas = useCanvasCommands();
  const [confirm, dialogs] = useConfirm();
  const saving = useRef(false);

  const commands = useMemo(() => {
    const save = async (overwrite = false): Promise<boolean> => {
      if (saving.current) return false;
      saving.current = true;
      try {
        const outcome = await saveDocument(client, store, { overwrite });
        switch (outcome.status) {
          case "saved":
            rememberFlow(outcome.flow.id);
            toast("success", `Saved ${outcome.flow.file.split(/[\\/]/).pop()}`);
            if (outcome.created) {
              handOver(outcome.flow.id, store);
              navigate({ page: "editor", flowId: outcome.flow.id }, { replace: true });
            }
            return true;
          case "conflict": {
            const answer = await confirm({ title: "The file changed", message: `${outcome.message}. Overwrite it with this version, or cancel and reload the flow to see the other changes.`, confirm: "Overwrite", danger: true });
            saving.current = false;
            return answer === "confirm" ? save(true) : false;
          }
          case "invalid":
          case "failed":
            toast("error", outcome.message);
            return false;
        }
      } finally {
        saving.current = false;
      }
    };
    const leave = async (route: Route) => {
      if (store.getState().dirty) {
        const answer = await confirm({ title: "Unsaved changes", message: `Save the changes to ${store.getState().graph.name} before leaving?`, confirm: "Save", alternative: "Discard" });
        if (answer === "cancel") return;
        if (answer === "confirm" && !(await save())) return;
      }
      navigate(route);
    };
    const exportFile = async () => {
      const { graph, flowId } = store.getState();
      try {
        // Loaded on first use: the compiler needs TypeScript, kept out of the editor's first load.
        const { compileGraph } = await import("../../shared/graph/compile/index.ts");
        downloadText(`${(flowId ?? slug(graph.name)).split("/").pop()}.ts`, compileGraph(graph).code);
      } catch (error) {
        toast("error", `Cannot export yet: ${(error as Error).message}`);
      }
    };
    const importFile = async () => {
      try {
        const outcome = await importFlowFile(client, async (name) => (await confirm({ title: "Replace flow?", message: `A flow from ${name} already exists. Replace it?`, confirm: "Replace", danger: true })) === "confirm");
        if (outcome.status === "imported") await leave({ page: "editor", flowId: outcome.flow.id });
      } catch (error) {
        toast("error", `Import failed: ${(error as Error).message}`);
      }
    };
    const state = () => store.getState();
    const run = (command: Command): void => {
      switch (command) {
        case "save": return void save();
        case "undo": return state().undo();
        case "redo": return state().redo();
        case "duplicate": return void state().duplicateSelection();
        case "selectAll": return state().selectAll();
        case "delete": return state().deleteSelection();
        case "fitView": return canvas.fitView();
        case "autoLayout": return void canvas.autoLayout();
        case "toggleCode": return ui.toggleCode();
        case "export": return void exportFile();
        case "import": return void importFile();
        case "newFlow": return void leave({ page: "new" });
        case "help": return ui.showHelp();
        case "run": return ui.run();
        case "escape": return state().clearSelection();
        // These need the clipboard: the document's copy/cut/paste events carry them (see below).
        case "copy":
        case "cut":
        case "paste":
          return;
      }
    };
    return { run, save: () => save(), leave };
  }, [client, store, canvas, confirm, ui]);

  useShortcutListeners(commands.run, store);
  useMenuCommands((command) => {
    if (command === "file.new") commands.run("newFlow");
    else if (command === "file.import") commands.run("import");
    else if (command === "file.export") commands.run("export");
    else if (command === "file.open" || command === "view.flows") void commands.leave({ page: "home" });
  });
  useEffect(() => {
    const onSave = () => commands.run("save");
    const onUnload = (e: BeforeUnloadEvent) => {
      if (store.getState().dirty) e.preventDefault();
    };
    window.addEventListener("flowbench:save", onSave);
    window.addEventListener("beforeunload", onUnload);
    return () => {
      window.removeEventListener("flowbench:save", onSave);
      window.removeEventListener("beforeunload", onUnload);
    };
  }, [commands, store]);

  return { ...commands, dialogs };
}

function useShortcutListeners(run: (command: Command) => void, store: ReturnType<typeof useDocumentStoreApi>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = commandFor(e);
      if (!command) return;
      // Monaco's Ctrl+S formats and then asks the page to save (flowbench:save).
      if (isEditableTarget(e.target) && command !== "save" && command !== "run") return;
      if (command === "save" && isEditableTarget(e.target) && (e.target as HTMLElement).closest(".monaco-editor")) return;
      if (command === "delete") return; // the canvas deletes on its own key handling
      if (document.querySelector("[role=dialog]") && command !== "escape") return;
      e.preventDefault();
      run(command);
    };
    // Clipboard events need no permission and reach other flows, tabs and apps.
    const onCopy = (e: ClipboardEvent) => {
      if (isEditableTarget(e.target) || hasTextSelection()) return;
      const text = store.getState().copySelection();
      if (!text) return;
      e.clipboardData?.setData("text/plain", text);
      e.preventDefault();
      if (e.type === "cut") store.getState().deleteSelection();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isEditableTarget(e.target)) return;
      const text = e.clipboardData?.getData("text/plain");
      if (!text) return;
      if (store.getState().paste(text).length > 0) e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    document.addEventListener("copy", onCopy);
    document.addEventListener("cut", onCopy);
    document.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("keydown", onKey);
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("cut", onCopy);
      document.removeEventListener("paste", onPaste);
    };
  }, [run, store]);
}

function hasTextSelection(): boolean {
  const s = window.getSelection();
  return !!s && !s.isCollapsed && s.toString().length > 0;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "flow";
}
