import { memo, useMemo } from "react";
import { portsOf } from "../../../../shared/graph/connect.ts";
import { EDGE_COLORS } from "../../lib/edge-style.ts";
import { OutputRow } from "../_base/handle-row.tsx";
import { InputRows } from "../_base/input-rows.tsx";
import { NodeFrame } from "../_base/node-frame.tsx";
import type { KindNodeProps } from "../_base/types.ts";
import { useGraphNode } from "../_base/use-graph-node.ts";

/** Decides a path: no value output, a `then` and an `else` instead. */
export const BranchNode = memo(function BranchNode({ data, selected }: KindNodeProps) {
  const node = useGraphNode(data.id, "branch");
  const ports = useMemo(() => node && portsOf(node), [node]);
  if (!node || !ports) return null;
  return (
    <NodeFrame node={node} selected={selected}>
      <InputRows inputs={ports.inputs} />
      <OutputRow id="then" label="then" color={EDGE_COLORS.then} />
      <OutputRow id="else" label="else" color={EDGE_COLORS.else} />
    </NodeFrame>
  );
});
