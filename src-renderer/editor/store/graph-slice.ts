/** Adding, moving, connecting and deleting nodes and edges. */
import { checkConnection } from "../../../shared/graph/connect.ts";
import type { GraphEdge } from "../../../shared/graph/model.ts";
import { addEdge, moveNodes, removeEdges, removeNodes } from "./graph-edits.ts";
import { addPaletteNode } from "./node-factory.ts";
import { NOTHING_SELECTED, type Slice } from "./store-kit.ts";
import type { ConnectRequest } from "./types.ts";

export const graphSlice: Slice<"addNode" | "moveNodes" | "applyLayout" | "deleteNodes" | "deleteEdges" | "deleteSelection" | "connect" | "checkConnection"> = (kit) => ({
  addNode(item, position) {
    const result = addPaletteNode(kit.get().graph, item, position, kit.newId);
    const selection = { nodes: [result.id], edges: [] };
    if (result.created) kit.commit(result.graph, { selection });
    else kit.set({ selection });
    return result.id;
  },

  moveNodes(moves, { final = true } = {}) {
    const { graph } = kit.get();
    const next = moveNodes(graph, new Map(moves.map((m) => [m.id, m.position])));
    if (final) {
      // The drop ends the drag: from its start to here is one step.
      if (kit.history.dragStart) {
        kit.show({ graph: next });
        kit.finishDrag();
      } else kit.commit(next);
      return;
    }
    if (next === graph) return;
    kit.history.dragStart ??= kit.snapshot();
    kit.show({ graph: next });
  },

  applyLayout(positions) {
    kit.commit(moveNodes(kit.get().graph, positions));
  },

  deleteNodes(ids) {
    // Deleting a parameter's input node keeps the parameter: the flow still takes it, and the node can be added back from the palette.
    kit.commit(removeNodes(kit.get().graph, ids));
  },

  deleteEdges(edgeIds) {
    kit.commit(removeEdges(kit.get().graph, edgeIds));
  },

  deleteSelection() {
    const { graph, selection } = kit.get();
    kit.commit(removeNodes(removeEdges(graph, selection.edges), selection.nodes), { selection: NOTHING_SELECTED });
  },

  checkConnection(request) {
    return checkConnection(kit.get().graph, request);
  },

  connect(request) {
    const { graph } = kit.get();
    const result = checkConnection(graph, request);
    if (result.ok) kit.commit(addEdge(graph, edgeOf(request)));
    return result;
  },
});

/** The edge for a request, with only the edge schema's keys. */
function edgeOf(request: ConnectRequest): GraphEdge {
  return "when" in request ? { source: request.source, target: request.target, when: request.when } : { source: request.source, target: request.target, input: request.input };
}
