import { useState } from "react";
import type { FlowDetail, FlowSummary } from "../../shared/api/contract.ts";
import { useApi } from "../app/api-context.tsx";
import { Button } from "../ui/button.tsx";
import { Dialog, DialogActions } from "../ui/dialog.tsx";
import { Field, TextInput } from "../ui/field.tsx";

export function RenameDialog({ flow, onClose, onRenamed }: { flow: FlowSummary; onClose: () => void; onRenamed: (detail: FlowDetail) => void }) {
  const client = useApi();
  const [name, setName] = useState(flow.name);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!name.trim()) return setError("The name must not be empty");
    setBusy(true);
    try {
      onRenamed(await client.call("flows.rename", { id: flow.id, name: name.trim() }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Rename ${flow.name}`} description="The file is renamed to match; run history keeps the old name.">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label="Name" htmlFor="rename-input" error={error}>
          <TextInput id="rename-input" value={name} autoFocus onChange={(e) => setName(e.target.value)} aria-invalid={!!error} />
        </Field>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" disabled={busy}>
            Rename
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
