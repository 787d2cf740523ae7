import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import { createApiClient } from "./api/pick-transport.ts";
import { ApiProvider } from "./app/api-context.tsx";
import { forwardMenuCommands } from "./app/menu.ts";
import { applyTheme, preferredTheme } from "./app/theme.ts";
import "./styles.css";

applyTheme(preferredTheme());
const client = createApiClient();
forwardMenuCommands();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ApiProvider client={client}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
