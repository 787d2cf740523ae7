/** The flow's triggers: webhooks and file watches, with forms to add either. */
import { FolderSearch, Webhook } from "lucide-react";
import { useState } from "react";
import type { FlowParam } from "../../shared/graph/model.ts";
import type { TriggerConfig, TriggerRecord } from "../../shared/schedule/records.ts";
import { useApi } from "../app/api-context.tsx";
import { Button } from "../ui/button.tsx";
import { useConfirm } from "../ui/confirm.tsx";
import { ErrorNote } from "../ui/error-note.tsx";
import { useRowAction } from "../ui/use-row-action.ts";
import { EmptyNote } from "./empty-note.tsx";
import { useFlowAutomation } from "./flow-automation-store.ts";
import { TriggerForm } from "./trigger-forms.tsx";
import { TriggerRow } from "./trigger-row.tsx";

export function TriggersSection({ flowId, params }: { flowId: string; params: readonly FlowParam[] }) {
  const client = useApi();
  const triggers = useFlowAutomation((s) => s.triggers);
  const error = useFlowAutomation((s) => s.triggerError);
  const loaded = useFlowAutomation((s) => s.loaded);
  const putTrigger = useFlowAutomation((s) => s.putTrigger);
  const load = useFlowAutomation((s) => s.load);
  const [adding, setAdding] = useState<TriggerConfig["kind"] | null>(null);
  const { busyId, run } = useRowAction();
  const [confirm, dialog] = useConfirm();

  const act = (t: TriggerRecord, what: string, call: () => Promise<void>) => run(t.id, what, call);
  const rotate = async (t: TriggerRecord) => {
    const answer = await confirm({ title: "Make a new secret?", message: `The current URL of ${t.name} stops working at once; callers need the new one.`, confirm: "New secret", danger: true });
    if (answer === "confirm") await act(t, "change the secret", async () => putTrigger(await client.call("triggers.rotateSecret", { id: t.id })));
  };
  const remove = async (t: TriggerRecord) => {
    const answer = await confirm({ title: `Delete ${t.name}?`, message: "It stops starting runs. Past runs stay in the history.", confirm: "Delete", danger: true });
    if (answer === "confirm")
      await act(t, "delete the trigger", async () => {
        await client.call("triggers.delete", { id: t.id });
        await load(client, flowId);
      });
  };

  if (adding) return <TriggerForm kind={adding} flowId={flowId} params={params} onDone={() => setAdding(null)} />;
  return (
    <section aria-label="Triggers" data-testid="triggers-section">
      <div className="mb-2 flex items-center gap-2">
        <p className="flex-1 text-[12px] text-zinc-500">Runs started by a call to a URL or by a file arriving in a folder.</p>
        <Button icon={<Webhook size={14} />} onClick={() => setAdding("webhook")} data-testid="add-webhook">
          Webhook
        </Button>
        <Button icon={<FolderSearch size={14} />} onClick={() => setAdding("file")} data-testid="add-file-watch">
          File watch
        </Button>
      </div>
      {error ? <ErrorNote>Could not load triggers: {error}</ErrorNote> : null}
      {loaded && !error && triggers.length === 0 ? <EmptyNote>No triggers yet.</EmptyNote> : null}
      <ul className="flex flex-col" data-testid="triggers-list">
        {triggers.map((t) => (
          <TriggerRow
            key={t.id}
            trigger={t}
            busy={busyId === t.id}
            onToggle={(active) => void act(t, active ? "turn the trigger on" : "turn the trigger off", async () => putTrigger(await client.call("triggers.setActive", { id: t.id, active })))}
            onRotate={() => void rotate(t)}
            onDelete={() => void remove(t)}
          />
        ))}
      </ul>
      {dialog}
    </section>
  );
}
