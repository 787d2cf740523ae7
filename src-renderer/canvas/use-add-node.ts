import { useStoreApi } from "@xyflow/react";
import { useCallback } from "react";
import { useDocumentStoreApi } from "../editor/store/context.tsx";
import type { PaletteItem, XY } from "../editor/store/types.ts";
import { placeAt, viewportCenter } from "./lib/placement.ts";

/** Adds a palette item centred on a flow-space point (the viewport's centre by default) (the store selects it). */
export function useAddNode(): (item: PaletteItem, at?: XY) => string {
  const doc = useDocumentStoreApi();
  const flow = useStoreApi();
  return useCallback(
    (item, at) => {
      const { width, height, transform } = flow.getState();
      const point = at ?? viewportCenter(width, height, transform);
      // The store selects the new node.
      return doc.getState().addNode(item, placeAt(point));
    },
    [doc, flow],
  );
}
