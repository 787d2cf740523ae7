import { Play } from "lucide-react";
import { useState } from "react";
import type { FlowParam } from "../../../shared/graph/model.ts";
import { Button } from "../../ui/button.tsx";
import { Dialog, DialogActions } from "../../ui/dialog.tsx";
import { Field, Select, TextArea, TextInput } from "../../ui/field.tsx";
import { fieldKind, initialText, lastParams, parseParams, rememberParams } from "./params-form.ts";

export function RunDialog({ flowId, params, onRun, onClose }: { flowId: string; params: readonly FlowParam[]; onRun: (params: Record<string, unknown>) => void; onClose: () => void }) {
  const [texts, setTexts] = useState<Record<string, string>>(() => {
    const last = lastParams(flowId);
    return Object.fromEntries(params.map((p) => [p.name, initialText(p, last[p.name])]));
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = () => {
    const parsed = parseParams(params, texts);
    if (!parsed.ok) return setErrors(parsed.errors);
    rememberParams(flowId, parsed.params);
    onRun(parsed.params);
  };
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title="Run flow" description="Parameters for this run; empty fields take their defaults.">
      <form
        data-testid="run-dialog"
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {params.map((p) => {
          const kind = fieldKind(p.type);
          const id = `run-param-${p.name}`;
          const set = (value: string) => setTexts((t) => ({ ...t, [p.name]: value }));
          return (
            <Field key={p.name} label={`${p.name}: ${p.type}`} htmlFor={id} hint={p.description ?? (p.default !== undefined ? `Default ${JSON.stringify(p.default)}` : "Required")} error={errors[p.name]}>
              {kind === "boolean" ? (
                <Select id={id} value={texts[p.name]} onChange={(e) => set(e.target.value)}>
                  <option value="true">true</option>
                  <option value="false">false</option>
                </Select>
              ) : kind === "json" ? (
                <TextArea id={id} className="font-mono" rows={3} value={texts[p.name]} aria-invalid={!!errors[p.name]} onChange={(e) => set(e.target.value)} />
              ) : (
                <TextInput id={id} className={kind === "number" ? "font-mono" : ""} inputMode={kind === "number" ? "decimal" : undefined} value={texts[p.name]} aria-invalid={!!errors[p.name]} onChange={(e) => set(e.target.value)} />
              )}
            </Field>
          );
        })}
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" icon={<Play size={14} />} data-testid="run-submit">
            Run
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
