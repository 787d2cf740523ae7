/**
 * Flow settings, a panel over the editor's right side: the flow's schedules,
 * triggers and run policy. Schedules start the saved file, so an unsaved flow
 * is asked to save first.
 */
import { X } from "lucide-react";
import { Dialog as D, Tabs } from "radix-ui";
import { useEffect } from "react";
import { useApi } from "../app/api-context.tsx";
import { useDocument } from "../editor/store/context.tsx";
import { useFlowAutomation, useFlowSettingsUi, type SettingsTab } from "./flow-automation-store.ts";
import { PolicySection } from "./policy-section.tsx";
import { SchedulesSection } from "./schedules-section.tsx";
import { TriggersSection } from "./triggers-section.tsx";

const TABS: Array<{ tab: SettingsTab; label: string }> = [
  { tab: "schedules", label: "Schedules" },
  { tab: "triggers", label: "Triggers" },
  { tab: "policy", label: "Run policy" },
];

export function FlowSettingsSheet() {
  const { open, tab, close, setTab } = useFlowSettingsUi();
  const client = useApi();
  const flowId = useDocument((s) => s.flowId);
  const name = useDocument((s) => s.graph.name);
  const dirty = useDocument((s) => s.dirty);
  const params = useDocument((s) => s.graph.params);
  const load = useFlowAutomation((s) => s.load);
  useEffect(() => {
    if (open && flowId) void load(client, flowId);
  }, [open, flowId, client, load]);
  // Closed when the editor goes, so the next flow does not open on it.
  useEffect(() => close, [close]);

  return (
    <D.Root open={open} onOpenChange={(o) => !o && close()}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-black/25" />
        <D.Content
          data-testid="flow-settings"
          className="fixed top-0 right-0 z-50 flex h-full w-[min(600px,100vw)] flex-col border-l border-zinc-200 bg-white shadow-2xl dark:border-zinc-800 dark:bg-zinc-900"
        >
          <div className="flex items-center gap-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
            <div className="min-w-0 flex-1">
              <D.Title className="text-[15px] font-semibold">Flow settings</D.Title>
              <D.Description className="truncate text-[12px] text-zinc-500">{name}: when it runs by itself, and how its runs overlap</D.Description>
            </div>
            <D.Close className="rounded p-1 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800" aria-label="Close flow settings" data-testid="flow-settings-close">
              <X size={16} />
            </D.Close>
          </div>
          {!flowId ? (
            <p className="m-4 rounded-md bg-amber-50 px-3 py-2 text-amber-800 dark:bg-amber-500/10 dark:text-amber-300" data-testid="flow-settings-unsaved">
              Save the flow first: schedules and triggers run the saved file.
            </p>
          ) : (
            <Tabs.Root value={tab} onValueChange={(v) => setTab(v as SettingsTab)} className="flex min-h-0 flex-1 flex-col">
              <Tabs.List className="flex gap-1 border-b border-zinc-200 px-3 dark:border-zinc-800" aria-label="Flow settings">
                {TABS.map((t) => (
                  <Tabs.Trigger
                    key={t.tab}
                    value={t.tab}
                    data-testid={`settings-tab-${t.tab}`}
                    className="-mb-px border-b-2 border-transparent px-2.5 py-2 text-[13px] text-zinc-600 hover:text-zinc-900 data-[state=active]:border-accent-600 data-[state=active]:font-medium data-[state=active]:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100 dark:data-[state=active]:text-zinc-100"
                  >
                    {t.label}
                  </Tabs.Trigger>
                ))}
              </Tabs.List>
              {dirty ? <p className="mx-4 mt-3 rounded-md bg-amber-50 px-3 py-1.5 text-[12px] text-amber-800 dark:bg-amber-500/10 dark:text-amber-300">The flow has unsaved changes: runs use the saved file, and parameters are checked against it.</p> : null}
              <div className="min-h-0 flex-1 overflow-y-auto p-4">
                <Tabs.Content value="schedules">
                  <SchedulesSection flowId={flowId} params={params} />
                </Tabs.Content>
                <Tabs.Content value="triggers">
                  <TriggersSection flowId={flowId} params={params} />
                </Tabs.Content>
                <Tabs.Content value="policy">
                  <PolicySection flowName={name} />
                </Tabs.Content>
              </div>
            </Tabs.Root>
          )}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}
