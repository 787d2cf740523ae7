/** The flows list: every .ts flow in the workspace with its last run, and what to do with each. */
import { FileUp, FolderOpen, Plus, Workflow } from "lucide-react";
import { useEffect, useState } from "react";
import type { FlowSummary } from "../../shared/api/contract.ts";
import { useApi } from "../app/api-context.tsx";
import { AppHeader } from "../app/app-header.tsx";
import { useMenuCommands } from "../app/menu.ts";
import { hrefFor, navigate } from "../app/route.ts";
import { importFlowFile } from "../files/import-flow.ts";
import { forgetFlow, recentFlows } from "../files/recent.ts";
import { Button } from "../ui/button.tsx";
import { useConfirm } from "../ui/confirm.tsx";
import { toast, Toaster } from "../ui/toast.tsx";
import { duplicateFlow } from "./flow-actions.ts";
import { FlowRow } from "./flow-row.tsx";
import { RenameDialog } from "./rename-dialog.tsx";
import { useFlows } from "./use-flows.ts";

export function HomePage() {
  const client = useApi();
  const { flows, error, reload } = useFlows();
  const [confirm, confirmElement] = useConfirm();
  const [renaming, setRenaming] = useState<FlowSummary | null>(null);
  const [flowsDir, setFlowsDir] = useState("");
  useEffect(() => {
    client.call("app.info", {}).then((info) => setFlowsDir(info.flowsDir), () => {});
  }, [client]);

  const onImport = async () => {
    try {
      const outcome = await importFlowFile(client, async (name) => (await confirm({ title: "Replace flow?", message: `A flow from ${name} already exists in the workspace. Replace it with the imported file?`, confirm: "Replace", danger: true })) === "confirm");
      if (outcome.status === "imported") navigate({ page: "editor", flowId: outcome.flow.id });
    } catch (e) {
      toast("error", `Import failed: ${(e as Error).message}`);
    }
  };
  useMenuCommands((command) => {
    if (command === "file.new") navigate({ page: "new" });
    else if (command === "file.import" || command === "file.open") void onImport();
  });
  const actions = {
    rename: (flow: FlowSummary) => setRenaming(flow),
    duplicate: async (flow: FlowSummary) => {
      try {
        const copy = await duplicateFlow(client, flow, flows ?? []);
        toast("success", `Duplicated as ${copy.name}`);
        await reload();
      } catch (e) {
        toast("error", `Could not duplicate ${flow.name}: ${(e as Error).message}`);
      }
    },
    remove: async (flow: FlowSummary) => {
      const answer = await confirm({ title: `Delete ${flow.name}?`, message: `This deletes ${flow.file}. Its run history stays.`, confirm: "Delete", danger: true });
      if (answer !== "confirm") return;
      try {
        await client.call("flows.delete", { id: flow.id });
        forgetFlow(flow.id);
        toast("success", `Deleted ${flow.name}`);
      } catch (e) {
        toast("error", `Could not delete ${flow.name}: ${(e as Error).message}`);
      }
      await reload();
    },
  };

  const recent = recentFlows()
    .map((id) => flows?.find((f) => f.id === id))
    .filter((f): f is FlowSummary => !!f)
    .slice(0, 4);

  return (
    <div className="flex h-full flex-col">
      <AppHeader />
      <main className="mx-auto w-full max-w-5xl flex-1 overflow-auto px-6 py-8">
        <div className="flex items-end gap-3">
          <div className="flex-1">
            <h1 className="text-xl font-semibold">Flows</h1>
            <p className="mt-1 text-zinc-500" title="Each flow is a .ts file: diff it, commit it, run it with node">
              <FolderOpen size={13} className="mr-1 inline" />
              {flowsDir || "…"}
            </p>
          </div>
          <Button icon={<FileUp size={15} />} onClick={onImport} data-testid="import-flow">
            Import .ts
          </Button>
          <Button variant="primary" icon={<Plus size={15} />} onClick={() => navigate({ page: "new" })} data-testid="new-flow">
            New flow
          </Button>
        </div>

        {recent.length > 0 ? (
          <section className="mt-6" aria-label="Recent flows">
            <h2 className="mb-2 text-[12px] font-semibold tracking-wide text-zinc-500 uppercase">Recent</h2>
            <div className="grid grid-cols-4 gap-3">
              {recent.map((f) => (
                <a key={f.id} href={hrefFor({ page: "editor", flowId: f.id })} className="rounded-lg border border-zinc-200 bg-white p-3 hover:border-accent-500 dark:border-zinc-800 dark:bg-zinc-900">
                  <p className="truncate font-medium">{f.name}</p>
                  <p className="truncate font-mono text-[11px] text-zinc-500">{f.id}.ts</p>
                </a>
              ))}
            </div>
          </section>
        ) : null}

        <section className="mt-6 overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          {error ? (
            <p role="alert" className="p-6 text-red-600">
              Could not load flows: {error}
            </p>
          ) : flows === null ? (
            <p className="p-6 text-zinc-500">Loading flows…</p>
          ) : flows.length === 0 ? (
            <EmptyFlows onImport={onImport} />
          ) : (
            <table className="w-full text-left" data-testid="flow-list">
              <thead className="text-[12px] text-zinc-500">
                <tr>
                  <th className="py-2 pl-4 font-medium">Name</th>
                  <th className="px-3 font-medium">File</th>
                  <th className="px-3 font-medium">Opens as</th>
                  <th className="px-3 font-medium">Last run</th>
                  <th className="px-3 font-medium">Changed</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {flows.map((flow) => (
                  <FlowRow key={flow.id} flow={flow} actions={actions} />
                ))}
              </tbody>
            </table>
          )}
        </section>
      </main>
      {renaming ? (
        <RenameDialog
          flow={renaming}
          onClose={() => setRenaming(null)}
          onRenamed={async (detail) => {
            forgetFlow(renaming.id, detail.id);
            setRenaming(null);
            toast("success", `Renamed to ${detail.name} (${detail.id}.ts)`);
            await reload();
          }}
        />
      ) : null}
      {confirmElement}
      <Toaster />
    </div>
  );
}

function EmptyFlows({ onImport }: { onImport: () => void }) {
  return (
    <div className="flex flex-col items-center px-6 py-14 text-center" data-testid="flows-empty">
      <Workflow size={36} className="text-accent-500" />
      <h2 className="mt-3 text-[15px] font-semibold">No flows yet</h2>
      <p className="mt-1 max-w-md text-zinc-500">
        A flow is a graph of TypeScript tasks, saved as a plain <code>.ts</code> file you can run with <code>node</code>. Start from an empty canvas, or import a file
        that uses <code>flow()</code> and <code>task()</code>.
      </p>
      <div className="mt-5 flex gap-2">
        <Button onClick={onImport} icon={<FileUp size={15} />}>
          Import .ts
        </Button>
        <Button variant="primary" icon={<Plus size={15} />} onClick={() => navigate({ page: "new" })}>
          Create your first flow
        </Button>
      </div>
    </div>
  );
}
