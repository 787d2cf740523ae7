/** A code node's typed inputs (its function's parameters) and result type. */
import { Plus, X } from "lucide-react";
import { useEffect, useState } from "react";
import { isIdentifier, type Port } from "../../../shared/graph/model.ts";
import { Button } from "../../ui/button.tsx";
import { TextInput } from "../../ui/field.tsx";

export function PortsEditor({ inputs, onChange }: { inputs: readonly Port[]; onChange: (inputs: Port[]) => void }) {
  const update = (i: number, patch: Partial<Port>) => onChange(inputs.map((p, j) => (j === i ? clean({ ...p, ...patch }) : p)));
  const add = () => {
    const taken = new Set(inputs.map((p) => p.name));
    let n = inputs.length + 1;
    while (taken.has(`input${n}`)) n++;
    onChange([...inputs, { name: `input${n}`, type: "unknown" }]);
  };
  return (
    <div className="flex flex-col gap-1.5" data-testid="node-inputs">
      {inputs.length === 0 ? <p className="text-zinc-500">No inputs. Add one to take another node's result or a parameter.</p> : null}
      {inputs.map((port, i) => (
        <div key={i} className="flex items-center gap-1.5">
          <NameInput value={port.name} taken={inputs.filter((_, j) => j !== i).map((p) => p.name)} onChange={(name) => update(i, { name })} />
          <span className="text-zinc-400">:</span>
          <TextInput aria-label={`Type of ${port.name}`} className="font-mono" value={port.type ?? ""} placeholder="any" onChange={(e) => update(i, { type: e.target.value.trim() ? e.target.value : undefined })} />
          <label className="flex items-center gap-1 text-[12px] text-zinc-500" title="The node runs even when nothing is connected">
            <input type="checkbox" checked={port.optional ?? false} onChange={(e) => update(i, { optional: e.target.checked || undefined })} className="accent-accent-600" />
            opt.
          </label>
          <Button variant="ghost" label={`Remove input ${port.name}`} icon={<X size={14} />} onClick={() => onChange(inputs.filter((_, j) => j !== i))} />
        </div>
      ))}
      <div>
        <Button variant="ghost" icon={<Plus size={14} />} onClick={add}>
          Add input
        </Button>
      </div>
    </div>
  );
}

function clean(port: Port): Port {
  const out: Port = { name: port.name };
  if (port.type !== undefined) out.type = port.type;
  if (port.optional) out.optional = true;
  return out;
}

/** Only identifiers reach the graph; the field shows why anything else is not taken. */
function NameInput({ value, taken, onChange }: { value: string; taken: string[]; onChange: (name: string) => void }) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setText(value), [value]);
  return (
    <div className="relative w-36 shrink-0">
      <TextInput
        aria-label="Input name"
        className="font-mono"
        value={text}
        aria-invalid={!!error}
        title={error}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (!isIdentifier(next)) return setError(`'${next}' is not a valid name: letters, digits, _ or $, not starting with a digit`);
          if (taken.includes(next)) return setError(`Another input is already called '${next}'`);
          setError(undefined);
          onChange(next);
        }}
      />
      {error ? <p className="absolute top-full left-0 z-10 mt-0.5 w-64 rounded bg-red-600 px-1.5 py-0.5 text-[11px] text-white">{error}</p> : null}
    </div>
  );
}
