/** automations.*: rules that act when flow runs reach a state, with their firing history. */
import { ApiError } from "../../../shared/api/errors.ts";
import type { HostContext } from "../context.ts";
import type { Handlers } from "../dispatch.ts";

type AutomationMethods = "automations.list" | "automations.create" | "automations.setActive" | "automations.delete" | "automations.firings";

export function automationHandlers(_ctx: HostContext): Pick<Handlers, AutomationMethods> {
  const todo = async (): Promise<never> => {
    throw new ApiError("unavailable", "automations are being built");
  };
  return { "automations.list": todo, "automations.create": todo, "automations.setActive": todo, "automations.delete": todo, "automations.firings": todo };
}
