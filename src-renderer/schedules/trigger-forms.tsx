/** Creating triggers: a webhook (a name is all it needs) or a file watch (folder, glob, the parameter that gets the path). */
import { useState } from "react";
import type { FlowParam } from "../../shared/graph/model.ts";
import type { TriggerConfig } from "../../shared/schedule/records.ts";
import { useApi } from "../app/api-context.tsx";
import { ErrorNote } from "../ui/error-note.tsx";
import { Field, Select, TextInput } from "../ui/field.tsx";
import { FormActions } from "../ui/form-actions.tsx";
import { useFlowAutomation } from "./flow-automation-store.ts";

export function TriggerForm({ kind, flowId, params, onDone }: { kind: TriggerConfig["kind"]; flowId: string; params: readonly FlowParam[]; onDone: () => void }) {
  const client = useApi();
  const putTrigger = useFlowAutomation((s) => s.putTrigger);
  const [name, setName] = useState("");
  const [folder, setFolder] = useState("");
  const [glob, setGlob] = useState("*");
  const stringParams = params.filter((p) => p.type.replace(/\s/g, "") === "string");
  const [param, setParam] = useState(stringParams[0]?.name ?? params[0]?.name ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const problem = kind === "file" ? (!folder.trim().startsWith("/") && !/^[A-Za-z]:[\\/]/.test(folder.trim()) ? "Give the folder as an absolute path" : !glob.trim() ? "Give a pattern, e.g. *.csv" : !param ? "The flow needs a parameter to receive the file's path" : null) : null;
  const save = async () => {
    if (problem) return setError(problem);
    setSaving(true);
    setError(null);
    try {
      const config: TriggerConfig = kind === "webhook" ? { kind } : { kind, folder: folder.trim(), glob: glob.trim(), param };
      putTrigger(await client.call("triggers.create", { flowId, config, ...(name.trim() ? { name: name.trim() } : {}) }));
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      data-testid={`trigger-form-${kind}`}
      className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className="text-[13px] font-semibold">{kind === "webhook" ? "Add webhook" : "Add file watch"}</h3>
      <p className="text-[12px] text-zinc-500">
        {kind === "webhook" ? "Each POST to the webhook's secret URL starts a run; a JSON body gives the parameters." : "Each new or changed file that matches starts a run with the file's absolute path."}
      </p>
      <Field label="Name" htmlFor="trigger-name" hint="Optional">
        <TextInput id="trigger-name" data-testid="trigger-name" value={name} onChange={(e) => setName(e.target.value)} placeholder={kind === "webhook" ? "From the CRM" : "New invoices"} />
      </Field>
      {kind === "file" ? (
        <>
          <Field label="Folder" htmlFor="trigger-folder">
            <TextInput id="trigger-folder" data-testid="trigger-folder" className="font-mono" value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="/home/me/incoming" />
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field label="Files matching" htmlFor="trigger-glob" hint="e.g. *.csv or reports/**/*.json">
              <TextInput id="trigger-glob" data-testid="trigger-glob" className="font-mono" value={glob} onChange={(e) => setGlob(e.target.value)} />
            </Field>
            <Field label="Parameter for the path" htmlFor="trigger-param" hint={params.length ? undefined : "Add a string parameter to the flow first"}>
              <Select id="trigger-param" data-testid="trigger-param" value={param} onChange={(e) => setParam(e.target.value)} disabled={!params.length}>
                {params.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.name}: {p.type}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        </>
      ) : null}
      {error ? <ErrorNote testId="trigger-save-error">Not saved: {error}</ErrorNote> : null}
      <FormActions onCancel={onDone} saving={saving} saveLabel={kind === "webhook" ? "Create webhook" : "Create file watch"} saveTestId="trigger-save" />
    </form>
  );
}
