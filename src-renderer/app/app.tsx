import { DashboardPage } from "../dashboard/dashboard-page.tsx";
import { EditorPage } from "../editor/editor-page.tsx";
import { HomePage } from "../home/home-page.tsx";
import { RunPage } from "../runs/run-page.tsx";
import { RunsPage } from "../runs/runs-page.tsx";
import { useRoute } from "./route.ts";

export function App() {
  const route = useRoute();
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
  }
}
