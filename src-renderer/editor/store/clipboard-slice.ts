/** Copy, paste and duplicate; the text format is described in clipboard.ts. */
import { copyNodes, pasteNodes, readClipboard } from "./clipboard.ts";
import type { Slice } from "./store-kit.ts";

export const clipboardSlice: Slice<"copySelection" | "paste" | "duplicateSelection"> = (kit) => ({
  copySelection() {
    const { graph, selection } = kit.get();
    return copyNodes(graph, selection.nodes);
  },

  paste(text, at) {
    const payload = readClipboard(text);
    if (!payload) return [];
    const { graph, ids } = pasteNodes(kit.get().graph, payload, kit.newId, at);
    // Everything pasted was already here (the flow's output, a parameter's node): nothing to do.
    if (ids.length === 0) return [];
    kit.commit(graph, { selection: { nodes: ids, edges: [] } });
    return ids;
  },

  duplicateSelection() {
    const text = kit.get().copySelection();
    return text === null ? [] : kit.get().paste(text);
  },
});
