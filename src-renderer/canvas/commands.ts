/** Canvas commands for the page's toolbar; need <CanvasProvider> and <DocumentProvider> above. */
import { useReactFlow } from "@xyflow/react";
import { useCallback, useMemo } from "react";
import { useDocumentStoreApi } from "../editor/store/context.tsx";
import { layoutGraph } from "./layout/layout.ts";
import type { Size } from "./lib/to-flow.ts";

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const FIT = { padding: 0.15, duration: 300, maxZoom: 1 };

/** Lays the graph out with ELK (in a worker), applies it as one undo step, then fits the view. */
export function useAutoLayout(): () => Promise<void> {
  const doc = useDocumentStoreApi();
  const flow = useReactFlow();
  return useCallback(async () => {
    const sizes = new Map<string, Size>();
    for (const n of flow.getNodes()) if (n.measured?.width && n.measured.height) sizes.set(n.id, { width: n.measured.width, height: n.measured.height });
    const positions = await layoutGraph(doc.getState().graph, sizes);
    if (positions.size === 0) return;
    doc.getState().applyLayout(positions);
    // Let xyflow adopt the new positions before measuring the bounds.
    await nextFrame();
    await nextFrame();
    await flow.fitView(FIT);
  }, [doc, flow]);
}

export interface CanvasCommands {
  fitView(): void;
  zoomIn(): void;
  zoomOut(): void;
  autoLayout(): Promise<void>;
}

export function useCanvasCommands(): CanvasCommands {
  const flow = useReactFlow();
  const autoLayout = useAutoLayout();
  return useMemo(
    () => ({
      fitView: () => void flow.fitView(FIT),
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      autoLayout,
    }),
    [flow, autoLayout],
  );
}
