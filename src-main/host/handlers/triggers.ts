/** triggers.*: webhooks and file watches of workspace flows. */
import { randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import { isAbsolute } from "node:path";
import { ApiError } from "../../../shared/api/errors.ts";
import { newId } from "../../../shared/sdk/names.ts";
import { checkParams } from "../../../shared/schedule/params.ts";
import type { TriggerConfig, TriggerRecord } from "../../../shared/schedule/records.ts";
import { globToRegExp } from "../../triggers/glob.ts";
import type { HostContext } from "../context.ts";
import type { Handlers } from "../dispatch.ts";
import type { FlowFile } from "../flow-files.ts";

type TriggerMethods = "triggers.list" | "triggers.create" | "triggers.setActive" | "triggers.rotateSecret" | "triggers.delete";

/** A webhook's secret, the last segment of its URL: 32 random bytes, URL-safe. */
export function newWebhookSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** `changed`: tells the file watches to pick up what was saved. */
export function triggerHandlers(ctx: HostContext, options: { changed?: () => void } = {}): Pick<Handlers, TriggerMethods> {
  const store = ctx.automations;
  const now = () => ctx.clock.now();
  const changed = () => options.changed?.();
  const existing = async (id: string) => {
    const trigger = await store.getTrigger(id);
    if (!trigger) throw new ApiError("not-found", `There is no trigger '${id}'`);
    return trigger;
  };
  const save = async (record: TriggerRecord) => {
    await store.putTrigger(record);
    changed();
    return record;
  };
  return {
    "triggers.list": async ({ flowName }) => ({ triggers: await store.listTriggers(flowName === undefined ? {} : { flowName }) }),
    "triggers.create": async ({ flowId, name, config }) => {
      const flow = ctx.flows.get(flowId);
      if (config.kind === "file") checkFileConfig(config, flow);
      const t = now();
      return save({
        id: newId(t),
        name: name ?? (config.kind === "webhook" ? `Webhook for ${flow.name}` : `Files ${config.glob} in ${config.folder}`),
        flowId,
        flowName: flow.name,
        active: true,
        config,
        secret: config.kind === "webhook" ? newWebhookSecret() : null,
        createdAt: t,
        updatedAt: t,
      });
    },
    "triggers.setActive": async ({ id, active }) => save({ ...(await existing(id)), active, updatedAt: now() }),
    "triggers.rotateSecret": async ({ id }) => {
      const trigger = await existing(id);
      if (trigger.config.kind !== "webhook") throw new ApiError("invalid-input", `Trigger '${trigger.name}' watches files; only webhooks have a secret`);
      return save({ ...trigger, secret: newWebhookSecret(), updatedAt: now() });
    },
    "triggers.delete": async ({ id }) => {
      if (!(await store.deleteTrigger(id))) throw new ApiError("not-found", `There is no trigger '${id}'`);
      changed();
      return { id };
    },
  };
}

/** A file trigger that could never start a run is refused when saved, naming the field. */
export function checkFileConfig(config: Extract<TriggerConfig, { kind: "file" }>, flow: Pick<FlowFile, "name" | "parsed">): void {
  const bad = (field: string, message: string) => new ApiError("invalid-input", `Invalid trigger: config.${field}: ${message}`, { issues: [{ path: ["config", field], message }] });
  if (!isAbsolute(config.folder)) throw bad("folder", `must be an absolute path, not '${config.folder}'`);
  let isDirectory = false;
  try {
    isDirectory = statSync(config.folder).isDirectory();
  } catch {
    throw bad("folder", `'${config.folder}' does not exist`);
  }
  if (!isDirectory) throw bad("folder", `'${config.folder}' is a file, not a folder`);
  try {
    globToRegExp(config.glob);
  } catch (error) {
    throw bad("glob", (error as Error).message);
  }
  // Code flows declare nothing the host can read: any parameter name goes.
  if (!flow.parsed.ok) return;
  const declared = flow.parsed.graph.params;
  if (!declared.some((p) => p.name === config.param)) {
    throw bad("param", `flow '${flow.name}' has no parameter '${config.param}'${declared.length ? ` (it has ${declared.map((p) => p.name).join(", ")})` : " (it has none)"}`);
  }
  // The run gets only the path: the parameter must take a string, and every other one needs a default.
  const check = checkParams(declared, { [config.param]: "/path/of/the/file" });
  if (!check.ok) throw bad("param", `flow '${flow.name}' cannot start with only the file's path: ${check.problems.join("; ")}`);
}
