/**
 * xyflow watches every node with a ResizeObserver, and its first report measures each node and its
 * handles in the DOM: a forced layout, then getBoundingClientRect per node and per handle, about
 * 150 ms for 1,000 nodes right after the first render. Our nodes come with their size and handle
 * boxes (lib/geometry.ts) and the wrapper is sized from them, so that measuring only repeats what
 * xyflow was given; it is skipped for such nodes. A node without them is still measured.
 *
 * This replaces the store's updateNodeInternals, which the node renderer reads once when it first
 * renders: the canvas calls this hook before it renders <ReactFlow>.
 */
import { useStoreApi, type ReactFlowState } from "@xyflow/react";
import { useLayoutEffect } from "react";

type UpdateNodeInternals = ReactFlowState["updateNodeInternals"];

export function useGivenGeometry(): void {
  const store = useStoreApi();
  useLayoutEffect(() => {
    const measure = store.getState().updateNodeInternals;
    const skipGiven: UpdateNodeInternals = (updates, params) => {
      const { nodeLookup } = store.getState();
      let rest: typeof updates | null = null;
      for (const id of updates.keys()) {
        const user = nodeLookup.get(id)?.internals.userNode;
        if (!user?.handles || user.width === undefined || user.height === undefined) continue;
        rest ??= new Map(updates);
        rest.delete(id);
      }
      if (rest?.size === 0) return;
      measure(rest ?? updates, params);
    };
    store.setState({ updateNodeInternals: skipGiven });
    return () => {
      if (store.getState().updateNodeInternals === skipGiven) store.setState({ updateNodeInternals: measure });
    };
  }, [store]);
}
