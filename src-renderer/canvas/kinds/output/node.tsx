import { memo } from "react";
import { useDocument } from "../../../editor/store/context.tsx";
import { openInputs } from "../../lib/graph-index.ts";
import { NewInputRow } from "../_base/handle-row.tsx";
import { InputRows } from "../_base/input-rows.tsx";
import { NodeFrame } from "../_base/node-frame.tsx";
import type { KindNodeProps } from "../_base/types.ts";
import { useGraphNode } from "../_base/use-graph-node.ts";

/** Its inputs are named by the wires into it; one named `result` is returned as is. */
export const OutputNode = memo(function OutputNode({ data, selected }: KindNodeProps) {
  const node = useGraphNode(data.id, "output");
  const inputs = useDocument((s) => (node ? openInputs(s.graph, node) : undefined));
  if (!node || !inputs) return null;
  return (
    <NodeFrame node={node} selected={selected} subtitle="Flow result">
      <InputRows inputs={inputs} />
      <NewInputRow label={inputs.length === 0 ? "result" : "add to result"} />
    </NodeFrame>
  );
});
