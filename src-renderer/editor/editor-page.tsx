/** Opens a flow (or a new one) and hands it to the workspace, or to the code view when it is not a graph. */
import { useEffect, useState } from "react";
import { ApiError } from "../../shared/api/errors.ts";
import { useApi } from "../app/api-context.tsx";
import { rememberFlow } from "../files/recent.ts";
import { CanvasProvider } from "../canvas/provider.tsx";
import { CodeOnlyView } from "./code-only-view.tsx";
import { EditorWorkspace } from "./editor-workspace.tsx";
import { LiveRunProvider } from "./run/live-run-context.tsx";
import { createLiveRunStore } from "./run/live-run-store.ts";
import { openDocument, type OpenedDocument } from "./open-document.ts";
import { DocumentProvider } from "./store/context.tsx";

export function EditorPage({ flowId }: { flowId: string | null }) {
  const client = useApi();
  const [opened, setOpened] = useState<OpenedDocument | { kind: "error"; message: string; notFound: boolean } | null>(null);
  const [liveRun] = useState(createLiveRunStore);
  useEffect(() => {
    let live = true;
    openDocument(client, flowId).then(
      (doc) => {
        if (!live) return;
        if (flowId) rememberFlow(flowId);
        setOpened(doc);
      },
      (error: unknown) => live && setOpened({ kind: "error", message: (error as Error).message, notFound: error instanceof ApiError && error.code === "not-found" }),
    );
    return () => {
      live = false;
    };
  }, [client, flowId]);

  if (opened === null) return <p className="p-6 text-zinc-500">Opening {flowId ?? "a new flow"}…</p>;
  if (opened.kind === "error") {
    return (
      <div className="p-8" role="alert">
        <h1 className="text-lg font-semibold">{opened.notFound ? "This flow does not exist" : "The flow could not be opened"}</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">{opened.message}</p>
        <a href="#/" className="mt-4 inline-block text-accent-600 hover:underline">
          Back to flows
        </a>
      </div>
    );
  }
  if (opened.kind === "code") return <CodeOnlyView flow={opened.flow} />;
  return (
    <DocumentProvider store={opened.store}>
      <LiveRunProvider store={liveRun}>
        <CanvasProvider>
          <EditorWorkspace />
        </CanvasProvider>
      </LiveRunProvider>
    </DocumentProvider>
  );
}
