/** One subscription for automations' notifications, for the whole app: each arrives as a toast. */
import { useEffect } from "react";
import { pushNotification } from "../ui/toast-stack.tsx";
import { useApi } from "./api-context.tsx";
import { hrefFor } from "./route.ts";

export function useNotificationToasts(): void {
  const client = useApi();
  useEffect(
    () =>
      client.subscribe({ notifications: true }, (batch) => {
        for (const event of batch.events) {
          if (event.type !== "notification") continue;
          const n = event.notification;
          pushNotification({ id: n.id, title: n.title, body: n.body, at: n.at, href: n.runId ? hrefFor({ page: "run", runId: n.runId }) : null });
        }
      }),
    [client],
  );
}
