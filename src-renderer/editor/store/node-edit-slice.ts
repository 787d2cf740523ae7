/**
 * What the inspector changes on one node. Text typed into a field arrives
 * once per keystroke: code and titles merge into one undo step per node
 * while the edits keep coming (the kit's merge window).
 *
 * Titles are stored as typed, even when their identifier clashes with another
 * node's or a parameter's: refusing keystrokes would fight the user mid-word.
 * validateGraph reports the clash ("name-clash") on the node instead.
 */
import { isCodeNode, isIdentifier, type GraphNode } from "../../../shared/graph/model.ts";
import { jsonEqual } from "./equal.ts";
import { setInputs, updateNode, withoutUndefined } from "./graph-edits.ts";
import type { Slice } from "./store-kit.ts";

export const nodeEditSlice: Slice<"renameNode" | "updateNodeCode" | "updateNodeOptions" | "setNodeInputs" | "setNodeOutputType" | "updateNodeTarget"> = (kit) => {
  const edit = (id: string, update: (node: GraphNode) => GraphNode, mergeKey?: string) =>
    kit.commit(updateNode(kit.get().graph, id, update), mergeKey === undefined ? {} : { mergeKey });
  return {
    renameNode(id, title) {
      edit(id, (n) => (n.title === title ? n : { ...n, title }), `title:${id}`);
    },

    updateNodeCode(id, code) {
      edit(id, (n) => (!isCodeNode(n) || n.code === code ? n : { ...n, code }), `code:${id}`);
    },

    updateNodeOptions(id, patch) {
      edit(id, (n) => {
        if (!isCodeNode(n)) return n;
        // An option set to undefined is cleared.
        const options = withoutUndefined({ ...n.options, ...patch });
        return jsonEqual(options, n.options) ? n : { ...n, options };
      });
    },

    setNodeInputs(id, inputs) {
      const { graph } = kit.get();
      const node = graph.nodes.find((n) => n.id === id);
      if (!node || !isCodeNode(node) || jsonEqual(node.inputs, inputs)) return;
      kit.commit(setInputs(graph, id, inputs));
    },

    setNodeOutputType(id, type) {
      const output = type?.trim() || undefined;
      edit(id, (n) => {
        if ((n.kind !== "task" && n.kind !== "map") || n.output === output) return n;
        const { output: _old, ...rest } = n;
        return output === undefined ? rest : { ...rest, output };
      });
    },

    updateNodeTarget(id, target) {
      edit(id, (n) => {
        if (n.kind === "subflow" && n.flow !== target) return { ...n, flow: target };
        // A parameter name must be an identifier (the schema's rule); anything else is ignored. A title that was the old name follows it.
        if (n.kind === "input" && n.param !== target && isIdentifier(target)) return { ...n, param: target, title: n.title === n.param ? target : n.title };
        return n;
      });
    },
  };
};
