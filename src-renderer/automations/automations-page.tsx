/** `#/automations`: rules that act when flow runs reach a state, each with its firing history. */
import { Plus, Zap } from "lucide-react";
import { useState } from "react";
import { AppHeader } from "../app/app-header.tsx";
import { useApi } from "../app/api-context.tsx";
import { Button } from "../ui/button.tsx";
import { useConfirm } from "../ui/confirm.tsx";
import { Toaster } from "../ui/toast.tsx";
import { useRowAction } from "../ui/use-row-action.ts";
import { AutomationForm } from "./automation-form.tsx";
import { AutomationRow } from "./automation-row.tsx";
import { useAutomations } from "./use-automations.ts";

export function AutomationsPage() {
  const client = useApi();
  const { automations, flows, schedules, error, put, remove } = useAutomations();
  const [creating, setCreating] = useState(false);
  const { busyId, run: act } = useRowAction();
  const [confirm, dialog] = useConfirm();
  const names = {
    flow: (id: string) => flows.find((f) => f.id === id)?.name,
    schedule: (id: string) => {
      const s = schedules.find((x) => x.id === id);
      return s ? `${s.flowName}: ${s.name}` : undefined;
    },
  };
  return (
    <div className="flex h-full flex-col">
      <AppHeader />
      <main data-testid="automations" className="flex-1 overflow-auto bg-zinc-50 dark:bg-zinc-950">
        <div className="mx-auto flex max-w-5xl flex-col gap-4 p-6">
          <div className="flex items-center gap-3">
            <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-100">Automations</h1>
            <p className="text-sm text-zinc-500">Do something when a flow run ends, fails or is late.</p>
            <div className="flex-1" />
            {!creating ? (
              <Button variant="primary" icon={<Plus size={14} />} onClick={() => setCreating(true)} data-testid="new-automation">
                New automation
              </Button>
            ) : null}
          </div>
          {error ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-500/10 dark:text-red-300">Could not load automations: {error}</p> : null}
          {creating ? (
            <AutomationForm
              flows={flows}
              schedules={schedules}
              onCancel={() => setCreating(false)}
              onSaved={(record) => {
                put(record);
                setCreating(false);
              }}
            />
          ) : null}
          {automations && automations.length === 0 && !creating ? (
            <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-zinc-300 bg-white p-12 text-center dark:border-zinc-700 dark:bg-zinc-900" data-testid="automations-empty">
              <Zap className="size-8 text-zinc-400" aria-hidden />
              <p className="text-sm text-zinc-600 dark:text-zinc-400">No automations yet: start a report when an import completes, or get told when a run fails.</p>
            </div>
          ) : null}
          {automations && automations.length > 0 ? (
            <ul className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" data-testid="automations-list">
              {automations.map((a) => (
                <AutomationRow
                  key={a.id}
                  automation={a}
                  names={names}
                  busy={busyId === a.id}
                  onToggle={(active) => void act(a.id, active ? "turn it on" : "turn it off", async () => put(await client.call("automations.setActive", { id: a.id, active })))}
                  onDelete={() =>
                    void confirm({ title: `Delete ${a.name}?`, message: "It stops acting, and its history goes with it.", confirm: "Delete", danger: true }).then(
                      (answer) =>
                        answer === "confirm"
                          ? act(a.id, "delete it", async () => {
                              await client.call("automations.delete", { id: a.id });
                              remove(a.id);
                            })
                          : undefined,
                    )
                  }
                />
              ))}
            </ul>
          ) : null}
        </div>
      </main>
      {dialog}
      <Toaster />
    </div>
  );
}
