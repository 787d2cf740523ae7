import type { NodeProps } from "@xyflow/react";
import type { CanvasNode } from "../../lib/to-flow.ts";

export type KindNodeProps = NodeProps<CanvasNode>;
