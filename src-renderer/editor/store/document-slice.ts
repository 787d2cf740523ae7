/** The flow as a whole: name, header, parameters, replacing and saving, undo and redo. */
import type { FlowGraph } from "../../../shared/graph/model.ts";
import { jsonEqual } from "./equal.ts";
import { removeParam, updateParam, withoutUndefined } from "./graph-edits.ts";
import { uniqueParamName } from "./naming.ts";
import { DEFAULT_PARAM_TYPE } from "./node-factory.ts";
import type { Slice } from "./store-kit.ts";

export const documentSlice: Slice<"updateFlowMeta" | "updateFlowOptions" | "addParam" | "updateParam" | "removeParam" | "replaceGraph" | "markSaved" | "undo" | "redo"> = (kit) => ({
  updateFlowMeta(patch) {
    const { graph } = kit.get();
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => patch[k] !== graph[k]);
    if (changed.length === 0) return;
    // `description: undefined` removes it; typing in one field is one step.
    const next = withoutUndefined({ ...graph, ...patch }) as FlowGraph;
    kit.commit(next, { mergeKey: `meta:${changed.sort().join(",")}` });
  },

  updateFlowOptions(patch) {
    const { graph } = kit.get();
    // An option set to undefined is cleared.
    const options = withoutUndefined({ ...graph.options, ...patch });
    if (jsonEqual(options, graph.options)) return;
    kit.commit({ ...graph, options }, { mergeKey: `options:${Object.keys(patch).sort().join(",")}` });
  },

  addParam(param = {}) {
    const { graph } = kit.get();
    const added = withoutUndefined({ ...param, name: param.name ?? uniqueParamName(graph), type: param.type ?? DEFAULT_PARAM_TYPE });
    kit.commit({ ...graph, params: [...graph.params, added] });
  },

  updateParam(index, patch) {
    const { graph } = kit.get();
    const next = updateParam(graph, index, patch);
    const param = graph.params[index];
    if (!param || jsonEqual(next.params[index], param)) return;
    kit.commit(next, { mergeKey: `param:${index}:${Object.keys(patch).sort().join(",")}` });
  },

  removeParam(index) {
    kit.commit(removeParam(kit.get().graph, index));
  },

  replaceGraph(graph, { resetHistory = false } = {}) {
    if (!resetHistory) return kit.commit(graph);
    kit.history.clear();
    kit.show({ graph });
  },

  markSaved({ flowId, updatedAt, graph }) {
    // The saved graph is what the file now holds; the open graph stays as it is (edits made while saving remain, and dirty).
    kit.set({ flowId, updatedAt, savedGraph: graph ?? kit.get().graph });
    kit.set({ dirty: kit.isDirty(kit.get().graph) });
  },

  undo() {
    kit.finishDrag();
    const previous = kit.history.undo(kit.snapshot());
    if (previous) kit.show(previous);
  },

  redo() {
    kit.finishDrag();
    const next = kit.history.redo(kit.snapshot());
    if (next) kit.show(next);
  },
});
