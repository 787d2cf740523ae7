/** app.info and graph.validate. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileGraph, validateGraph } from "../../../shared/graph/index.ts";
import { checkGraph } from "../../graph/run.ts";
import { packageRoot } from "../../graph/workspace.ts";
import type { HostContext } from "../context.ts";
import type { Handlers } from "../dispatch.ts";

const version = (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;

export function appHandlers(ctx: HostContext): Pick<Handlers, "app.info" | "graph.validate"> {
  return {
    "app.info": async () => ({
      name: "flowbench",
      version,
      node: process.versions.node,
      platform: process.platform,
      pid: process.pid,
      home: ctx.home,
      flowsDir: ctx.flows.dir,
      databasePath: ctx.databasePath,
    }),
    "graph.validate": async ({ graph, typecheck }) => {
      const validation = validateGraph(graph);
      if (!validation.graph) return { ok: false, problems: validation.problems, code: null };
      if (!typecheck || !validation.ok) return { ok: validation.ok, problems: validation.problems, code: compileGraph(validation.graph).code };
      // Checked as if saved in the workspace, so imports of other flows resolve.
      const check = checkGraph(validation.graph, ctx.flows.pathOf("__check__"));
      return { ok: check.ok, problems: check.problems, code: check.compiled?.code ?? null };
    },
  };
}
