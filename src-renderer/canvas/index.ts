/**
 * The canvas's public surface. The page nests:
 *   <DocumentProvider store> <CanvasProvider> toolbar (useCanvasCommands), <Palette />, <FlowCanvas /> </CanvasProvider> </DocumentProvider>
 * inside the app's <ApiProvider> (the palette lists saved flows).
 */
export { FlowCanvas } from "./flow-canvas.tsx";
export { CanvasProvider } from "./provider.tsx";
export { Palette, type PaletteProps } from "./palette/palette.tsx";
export { useAutoLayout, useCanvasCommands, type CanvasCommands } from "./commands.ts";
export { useAddNode } from "./use-add-node.ts";
export { layoutGraph } from "./layout/layout.ts";
export { PALETTE_DRAG_TYPE } from "./lib/palette-items.ts";
export { KINDS, TEMPLATE_ICONS } from "./kinds/registry.ts";
