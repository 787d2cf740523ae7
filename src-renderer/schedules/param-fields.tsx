/** A schedule's parameters, one field per declared parameter, as the run dialog draws them (params-form.ts). */
import type { FlowParam } from "../../shared/graph/model.ts";
import { fieldKind } from "../editor/run/params-form.ts";
import { Field, Select, TextArea, TextInput } from "../ui/field.tsx";

export function ParamFields({ params, texts, errors, onChange, idPrefix }: {
  params: readonly FlowParam[];
  texts: Readonly<Record<string, string>>;
  /** By parameter name. */
  errors: Readonly<Record<string, string>>;
  onChange: (name: string, text: string) => void;
  idPrefix: string;
}) {
  if (params.length === 0) return <p className="text-[12px] text-zinc-500">This flow has no parameters.</p>;
  return (
    <div className="flex flex-col gap-2.5" data-testid="schedule-params">
      {params.map((p) => {
        const kind = fieldKind(p.type);
        const id = `${idPrefix}-${p.name}`;
        const text = texts[p.name] ?? "";
        const set = (value: string) => onChange(p.name, value);
        return (
          <Field key={p.name} label={`${p.name}: ${p.type}`} htmlFor={id} hint={p.description ?? (p.default !== undefined ? `Default ${JSON.stringify(p.default)}` : "Required")} error={errors[p.name]}>
            {kind === "boolean" ? (
              <Select id={id} value={text} onChange={(e) => set(e.target.value)}>
                <option value="true">true</option>
                <option value="false">false</option>
              </Select>
            ) : kind === "json" ? (
              <TextArea id={id} className="font-mono" rows={2} value={text} aria-invalid={!!errors[p.name]} onChange={(e) => set(e.target.value)} />
            ) : (
              <TextInput id={id} className={kind === "number" ? "font-mono" : ""} inputMode={kind === "number" ? "decimal" : undefined} value={text} aria-invalid={!!errors[p.name]} onChange={(e) => set(e.target.value)} />
            )}
          </Field>
        );
      })}
    </div>
  );
}
