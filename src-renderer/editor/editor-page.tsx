export function EditorPage({ flowId }: { flowId: string | null }) {
  return <div>{flowId}</div>;
}
