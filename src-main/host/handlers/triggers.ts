/** triggers.*: webhooks and file watches of workspace flows. */
import { ApiError } from "../../../shared/api/errors.ts";
import type { HostContext } from "../context.ts";
import type { Handlers } from "../dispatch.ts";

type TriggerMethods = "triggers.list" | "triggers.create" | "triggers.setActive" | "triggers.rotateSecret" | "triggers.delete";

export function triggerHandlers(_ctx: HostContext): Pick<Handlers, TriggerMethods> {
  const todo = async (): Promise<never> => {
    throw new ApiError("unavailable", "triggers are being built");
  };
  return { "triggers.list": todo, "triggers.create": todo, "triggers.setActive": todo, "triggers.rotateSecret": todo, "triggers.delete": todo };
}
