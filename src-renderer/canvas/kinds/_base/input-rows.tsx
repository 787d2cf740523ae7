import { InputRow } from "./handle-row.tsx";
import type { NodePorts } from "../../../../shared/graph/connect.ts";

/** A row per input from portsOf; a map's first input is the list it runs over. */
export function InputRows({ inputs }: { inputs: NodePorts["inputs"] }) {
  return (
    <>
      {inputs.map((p) => (
        <InputRow key={p.name} port={p} note={p.mapped ? "each" : undefined} />
      ))}
    </>
  );
}
