import { memo, useMemo } from "react";
import { portsOf } from "../../../../shared/graph/connect.ts";
import { OUT_HANDLE } from "../../lib/ports.ts";
import { OutputRow } from "../_base/handle-row.tsx";
import { InputRows } from "../_base/input-rows.tsx";
import { NodeFrame } from "../_base/node-frame.tsx";
import type { KindNodeProps } from "../_base/types.ts";
import { useGraphNode } from "../_base/use-graph-node.ts";

/** Runs once per item of its first input; the result is the list of the body's results. */
export const MapNode = memo(function MapNode({ data, selected }: KindNodeProps) {
  const node = useGraphNode(data.id, "map");
  const ports = useMemo(() => node && portsOf(node), [node]);
  if (!node || !ports) return null;
  return (
    <NodeFrame node={node} selected={selected} subtitle={node.inputs[0] ? `Map over ${node.inputs[0].name}` : "Map"}>
      <InputRows inputs={ports.inputs} />
      <OutputRow id={OUT_HANDLE} label={ports.output?.type ?? "results[]"} />
    </NodeFrame>
  );
});
