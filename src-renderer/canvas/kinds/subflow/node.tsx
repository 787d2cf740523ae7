import { memo } from "react";
import { useDocument } from "../../../editor/store/context.tsx";
import { openInputs } from "../../lib/graph-index.ts";
import { OUT_HANDLE } from "../../lib/ports.ts";
import { NewInputRow, OutputRow } from "../_base/handle-row.tsx";
import { InputRows } from "../_base/input-rows.tsx";
import { NodeFrame } from "../_base/node-frame.tsx";
import type { KindNodeProps } from "../_base/types.ts";
import { useGraphNode } from "../_base/use-graph-node.ts";

/** Its inputs are the other flow's parameters, named by the wires into it. */
export const SubflowNode = memo(function SubflowNode({ data, selected }: KindNodeProps) {
  const node = useGraphNode(data.id, "subflow");
  const inputs = useDocument((s) => (node ? openInputs(s.graph, node) : undefined));
  if (!node || !inputs) return null;
  return (
    <NodeFrame node={node} selected={selected} subtitle={`Subflow · ${node.flow}`}>
      <InputRows inputs={inputs} />
      <NewInputRow label="parameter" />
      <OutputRow id={OUT_HANDLE} label="result" />
    </NodeFrame>
  );
});
