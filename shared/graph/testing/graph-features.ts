/** What a graph exercises, as tags, so a property test can check its generator reached every case. */
import { computeScopes, indexGraph } from "../analysis.ts";
import { FLOW_OPTION_KEYS, TASK_OPTION_KEYS, isCodeNode, isControlEdge, type DataEdge, type FlowGraph } from "../model.ts";
import { identFromTitle } from "../names.ts";

export const REQUIRED_FEATURES: readonly string[] = [
  ...["task", "map", "branch", "input", "output", "subflow"].map((k) => `kind:${k}`),
  ...TASK_OPTION_KEYS.map((k) => `task-option:${k}`),
  "retryDelayMs:number", "retryDelayMs:list", "cacheKey:inputs", "cacheKey:source+inputs",
  ...FLOW_OPTION_KEYS.map((k) => `flow-option:${k}`),
  "flow:description",
  ...["string", "number", "boolean", "string[]", "unknown"].map((t) => `param:type:${t}`),
  "param:default", "param:no-default", "param:description:single", "param:description:multi",
  "header:empty", "header:import", "header:declaration",
  "port:optional", "port:typed", "port:untyped", "output:typed", "output:untyped", "template",
  "title:differs", "title:unicode", "title:reserved",
  "branch:nested", "path:then", "path:else", "path:control-only",
  ...["input", "task", "map", "subflow"].map((k) => `map-items:${k}`),
  "subflow:named-inputs", "subflow:parent-dir", "return:result", "return:named",
  "code:empty", "code:multiline-template", "code:line-comment", "code:block-comment", "code:crlf", "code:indented",
  "position:negative",
  "serve:cron", "serve:every", "serve:at", "serve:none", "serve:no-schedules", "serve:policy", "serve:renamed",
];

export function graphFeatures(g: FlowGraph): Set<string> {
  const f = new Set<string>();
  const index = indexGraph(g);
  const scopes = computeScopes(index).of;
  const dataIn = (id: string) => (index.incoming.get(id) ?? []).filter((e): e is DataEdge => !isControlEdge(e));
  for (const key of Object.keys(g.options)) f.add(`flow-option:${key}`);
  if (g.description) f.add("flow:description");
  if (!g.serve) f.add("serve:none");
  else if (g.serve.schedules.length === 0) f.add("serve:no-schedules");
  for (const s of g.serve?.schedules ?? []) f.add("cron" in s ? "serve:cron" : "every" in s ? "serve:every" : "serve:at");
  if (g.serve?.policy) f.add("serve:policy");
  // A task, the flow or the header already named serveOptions: the compiler picks another name.
  const idents = [g.name, ...g.nodes.map((n) => n.title)].map(identFromTitle);
  if (g.serve && (idents.includes("serveOptions") || /\bserveOptions\b/.test(g.header))) f.add("serve:renamed");
  for (const p of g.params) {
    f.add(`param:type:${p.type}`);
    f.add(p.default === undefined ? "param:no-default" : "param:default");
    if (p.description?.trim()) f.add(p.description.trim().includes("\n") ? "param:description:multi" : "param:description:single");
  }
  if (g.header === "") f.add("header:empty");
  if (/^\s*import /m.test(g.header)) f.add("header:import");
  if (/^\s*(const|function|interface|export type|declare) /m.test(g.header)) f.add("header:declaration");
  for (const node of g.nodes) {
    f.add(`kind:${node.kind}`);
    if (node.position.x < 0 || node.position.y < 0) f.add("position:negative");
    const scope = scopes.get(node.id) ?? [];
    const step = scope[scope.length - 1];
    if (step) f.add(`path:${step.when}`);
    if (step && dataIn(node.id).length === 0) f.add("path:control-only");
    if (node.kind === "branch" && scope.length > 0) f.add("branch:nested");
    if (node.kind === "subflow") {
      if (dataIn(node.id).length > 0) f.add("subflow:named-inputs");
      if (node.flow.startsWith("../")) f.add("subflow:parent-dir");
    }
    if (node.kind === "output") {
      const ins = dataIn(node.id);
      if (ins.length === 1 && ins[0]!.input === "result") f.add("return:result");
      else if (ins.length > 1) f.add("return:named");
    }
    if (!isCodeNode(node)) continue;
    const ident = identFromTitle(node.title);
    if (node.title !== ident) f.add("title:differs");
    if (/[^\x00-\x7f]/.test(node.title)) f.add("title:unicode");
    if (ident.endsWith("Step")) f.add("title:reserved");
    for (const [key, value] of Object.entries(node.options)) {
      f.add(`task-option:${key}`);
      if (key === "retryDelayMs") f.add(`retryDelayMs:${Array.isArray(value) ? "list" : "number"}`);
      if (key === "cacheKey") f.add(`cacheKey:${String(value)}`);
    }
    for (const p of node.inputs) {
      if (p.optional) f.add("port:optional");
      f.add(p.type === undefined ? "port:untyped" : "port:typed");
    }
    if (node.kind === "task" && node.template) f.add("template");
    if (node.kind !== "branch") f.add(node.output === undefined ? "output:untyped" : "output:typed");
    if (node.kind === "map") {
      const first = node.inputs[0];
      const edge = dataIn(node.id).find((e) => e.input === first?.name);
      const source = edge && index.byId.get(edge.source);
      if (source) f.add(`map-items:${source.kind}`);
    }
    const code = node.code;
    if (code.trim() === "") f.add("code:empty");
    if (/`[^`]*\n[^`]*`/.test(code)) f.add("code:multiline-template");
    if (/(^|\s)\/\/ /m.test(code)) f.add("code:line-comment");
    if (code.includes("/*")) f.add("code:block-comment");
    if (code.includes("\r\n")) f.add("code:crlf");
    if (/^\s*\n?[ \t]+\S/.test(code)) f.add("code:indented");
  }
  return f;
}
