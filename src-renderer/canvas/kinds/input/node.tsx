import { memo } from "react";
import { useDocument } from "../../../editor/store/context.tsx";
import { OUT_HANDLE } from "../../lib/ports.ts";
import { OutputRow } from "../_base/handle-row.tsx";
import { NodeFrame } from "../_base/node-frame.tsx";
import type { KindNodeProps } from "../_base/types.ts";
import { useGraphNode } from "../_base/use-graph-node.ts";

export const InputNode = memo(function InputNode({ data, selected }: KindNodeProps) {
  const node = useGraphNode(data.id, "input");
  const type = useDocument((s) => (node ? s.graph.params.find((p) => p.name === node.param)?.type : undefined));
  if (!node) return null;
  return (
    <NodeFrame node={node} selected={selected} subtitle={`params.${node.param}`}>
      <OutputRow id={OUT_HANDLE} label={type ?? "unknown"} />
    </NodeFrame>
  );
});
