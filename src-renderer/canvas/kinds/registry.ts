/** One entry per node kind (a missing kind is a compile error), and icons for task templates. */
import type { LucideIcon } from "lucide-react";
import { Braces, FileInput, FileOutput, GitBranch, Globe, LogIn, LogOut, Repeat, ScrollText, SquareFunction, Terminal, Timer, Workflow } from "lucide-react";
import type { GraphNode, NodeKind, TemplateId } from "../../../shared/graph/model.ts";
import { TEMPLATES } from "../../../shared/graph/templates.ts";

export interface KindInfo {
  label: string;
  icon: LucideIcon;
  /** A CSS colour: icon chip, minimap. Literal values, as Tailwind only emits the theme variables it sees used. */
  accent: string;
}

export const KINDS = {
  task: { label: "Task", icon: SquareFunction, accent: "oklch(0.6 0.17 250)" },
  map: { label: "Map", icon: Repeat, accent: "oklch(0.58 0.2 300)" },
  branch: { label: "Branch", icon: GitBranch, accent: "oklch(0.7 0.16 70)" },
  input: { label: "Parameter", icon: LogIn, accent: "oklch(0.62 0.12 185)" },
  output: { label: "Output", icon: LogOut, accent: "oklch(0.6 0.18 15)" },
  subflow: { label: "Subflow", icon: Workflow, accent: "oklch(0.55 0.2 275)" },
} satisfies Record<NodeKind, KindInfo>;

export const TEMPLATE_ICONS = {
  "http-request": Globe,
  "shell-command": Terminal,
  "read-file": FileInput,
  "write-file": FileOutput,
  "json-transform": Braces,
  delay: Timer,
  log: ScrollText,
} satisfies Record<TemplateId, LucideIcon>;

/** Icon and label a node shows: a template's own, else its kind's. */
export function lookOf(node: GraphNode): KindInfo {
  const kind = KINDS[node.kind];
  if (node.kind === "task" && node.template) return { ...kind, icon: TEMPLATE_ICONS[node.template], label: TEMPLATES[node.template].title };
  return kind;
}
