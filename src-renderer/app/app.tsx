import { AutomationsPage } from "../automations/automations-page.tsx";
import { DashboardPage } from "../dashboard/dashboard-page.tsx";
import { EditorPage } from "../editor/editor-page.tsx";
import { HomePage } from "../home/home-page.tsx";
import { RunPage } from "../runs/run-page.tsx";
import { RunsPage } from "../runs/runs-page.tsx";
import { ToastStack } from "../ui/toast-stack.tsx";
import { useNotificationToasts } from "./notifications.ts";
import { useRoute, type Route } from "./route.ts";

export function App() {
  const route = useRoute();
  useNotificationToasts();
  return (
    <>
      <Page route={route} />
      <ToastStack />
    </>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case "home":
      return <HomePage />;
    case "new":
      return <EditorPage key="new" flowId={null} />;
    case "editor":
      return <EditorPage key={route.flowId} flowId={route.flowId} />;
    case "runs":
      return <RunsPage query={route.query} />;
    case "run":
      return <RunPage key={route.runId} runId={route.runId} />;
    case "dashboard":
      return <DashboardPage />;
    case "automations":
      return <AutomationsPage />;
  }
}
