import { useNodeId, useUpdateNodeInternals } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { InputRow } from "./handle-row.tsx";
import type { NodePorts } from "../../../../shared/graph/connect.ts";

/** A row per input from portsOf; a map's first input is the list it runs over. */
export function InputRows({ inputs }: { inputs: NodePorts["inputs"] }) {
  useHandlesFollowPorts(inputs.map((p) => p.name).join("\n"));
  return (
    <>
      {inputs.map((p) => (
        <InputRow key={p.name} port={p} note={p.mapped ? "each" : undefined} />
      ))}
    </>
  );
}

/**
 * xyflow caches each node's handle positions and ids; a renamed input keeps
 * the node's size, so no resize tells it. Without this a wire dropped on the
 * renamed handle is silently lost. The first render is measured anyway.
 */
function useHandlesFollowPorts(names: string): void {
  const nodeId = useNodeId();
  const updateNodeInternals = useUpdateNodeInternals();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (nodeId) updateNodeInternals(nodeId);
  }, [names, nodeId, updateNodeInternals]);
}
