import { HomePage } from "../home/home-page.tsx";
import { EditorPage } from "../editor/editor-page.tsx";
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
  }
}
