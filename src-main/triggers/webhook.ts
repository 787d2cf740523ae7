/**
 * `POST /hooks/<trigger-id>/<secret>`: starts a run of the trigger's flow with
 * the JSON body as its parameters. The secret is the credential, so an unknown
 * id, a wrong secret and an inactive trigger get the same 404: a caller without
 * the URL learns nothing, not even whether the id exists. Only then is the body
 * looked at (400 when it is not JSON, 422 when the flow's parameters refuse it).
 */
import { timingSafeEqual } from "node:crypto";
import { HTTP_STATUS, type ApiErrorBody } from "../../shared/api/errors.ts";
import { checkParams } from "../../shared/schedule/params.ts";
import type { HostContext } from "../host/context.ts";

/** The request body as the server read it: JSON, or why it could not (not JSON, too large). */
export type WebhookBody = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

export interface WebhookAnswer {
  status: number;
  body: { runId: string } | { error: { code: string; message: string } };
}

export type WebhookReceiver = (triggerId: string, secret: string, body: WebhookBody) => Promise<WebhookAnswer>;

export const NO_SUCH_WEBHOOK: WebhookAnswer = { status: 404, body: { error: { code: "not-found", message: "There is no such webhook" } } };

const failure = (status: number, code: string, message: string): WebhookAnswer => ({ status, body: { error: { code, message } } });

export function webhookReceiver(ctx: Pick<HostContext, "automations" | "flows" | "engine">): WebhookReceiver {
  return async (triggerId, secret, body) => {
    const trigger = await ctx.automations.getTrigger(triggerId);
    // Compared in constant time even for an unknown id, so timing tells nothing either.
    const expected = trigger?.config.kind === "webhook" && trigger.secret ? trigger.secret : "-".repeat(43);
    if (!secretMatches(secret, expected) || !trigger || !trigger.active || trigger.config.kind !== "webhook") return NO_SUCH_WEBHOOK;
    if (!body.ok) return failure(HTTP_STATUS[body.error.code], body.error.code, body.error.message);
    const flow = ctx.flows.read(trigger.flowId);
    if (!flow) return failure(404, "not-found", `Webhook '${trigger.name}' starts flow '${trigger.flowId}', which is no longer in the workspace`);
    const value = body.value;
    let params: Record<string, unknown>;
    if (flow.parsed.ok) {
      const check = checkParams(flow.parsed.graph.params, value);
      if (!check.ok) return failure(422, "invalid-input", `Invalid parameters for flow '${flow.name}': ${check.problems.join("; ")}`);
      params = check.params;
    } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      // A code flow declares nothing the host can read: any JSON object goes, and the flow's own schema (if any) checks it.
      params = value as Record<string, unknown>;
    } else {
      return failure(422, "invalid-input", `Invalid parameters for flow '${flow.name}': the body must be a JSON object of parameters`);
    }
    try {
      const { runId } = await ctx.engine.start({ file: flow.file, params, flowName: flow.name });
      return { status: 202, body: { runId } };
    } catch (error) {
      return failure(500, "internal", `Could not start flow '${flow.name}': ${(error as Error).message}`);
    }
  };
}

export function secretMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  // timingSafeEqual needs equal lengths; comparing b with itself keeps the time the same.
  return timingSafeEqual(a.length === b.length ? a : b, b) && a.length === b.length;
}
