/**
 * One xyflow store per open document. The page wraps its toolbar, palette and
 * canvas in <CanvasProvider> (inside <DocumentProvider>) so they share it;
 * <FlowCanvas> adds one itself when used alone.
 */
import { ReactFlowProvider } from "@xyflow/react";
import { Tooltip } from "radix-ui";
import { createContext, useContext, type ReactNode } from "react";

const InsideCanvasProvider = createContext(false);

export function CanvasProvider({ children }: { children: ReactNode }) {
  return (
    <ReactFlowProvider>
      <Tooltip.Provider delayDuration={300}>
        <InsideCanvasProvider.Provider value={true}>{children}</InsideCanvasProvider.Provider>
      </Tooltip.Provider>
    </ReactFlowProvider>
  );
}

export function useInsideCanvasProvider(): boolean {
  return useContext(InsideCanvasProvider);
}
