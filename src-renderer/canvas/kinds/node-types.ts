/** Built once at module scope: a new object per render would remount every node (xyflow error002). */
import type { ComponentType } from "react";
import type { NodeKind } from "../../../shared/graph/model.ts";
import { nodeType } from "../lib/to-flow.ts";
import type { KindNodeProps } from "./_base/types.ts";
import { BranchNode } from "./branch/node.tsx";
import { InputNode } from "./input/node.tsx";
import { MapNode } from "./map/node.tsx";
import { OutputNode } from "./output/node.tsx";
import { SubflowNode } from "./subflow/node.tsx";
import { TaskNode } from "./task/node.tsx";

const components = {
  task: TaskNode,
  map: MapNode,
  branch: BranchNode,
  input: InputNode,
  output: OutputNode,
  subflow: SubflowNode,
} satisfies Record<NodeKind, ComponentType<KindNodeProps>>;

export const nodeTypes = Object.fromEntries(Object.entries(components).map(([kind, c]) => [nodeType(kind as NodeKind), c]));
