/**
 * Checks parameters given without a person at a form (a schedule, a webhook
 * body, an automation) against a graph flow's declared parameters, naming each
 * wrong field. Types the check cannot read (object shapes, unions) accept any JSON.
 */
import type { FlowParam } from "../graph/model.ts";

export type ParamCheck = { ok: true; params: Record<string, unknown> } | { ok: false; problems: string[] };

export function checkParams(declared: readonly FlowParam[], values: unknown): ParamCheck {
  if (values === null || typeof values !== "object" || Array.isArray(values)) {
    return { ok: false, problems: [`parameters must be a JSON object of ${declared.map((p) => p.name).join(", ") || "no fields"}, not ${describe(values)}`] };
  }
  const given = values as Record<string, unknown>;
  const problems: string[] = [];
  const known = new Set(declared.map((p) => p.name));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) problems.push(`${key}: the flow has no parameter '${key}'${known.size ? ` (it has ${[...known].join(", ")})` : ""}`);
  }
  for (const param of declared) {
    if (!Object.hasOwn(given, param.name)) {
      if (param.default === undefined && !/\|\s*undefined\b/.test(param.type)) problems.push(`${param.name}: is required (${param.type})`);
      continue;
    }
    const wrong = typeProblem(param.type.replace(/\s+/g, ""), given[param.name]);
    if (wrong) problems.push(`${param.name}: ${wrong}`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, params: given };
}

function typeProblem(type: string, value: unknown): string | null {
  const scalar = SCALARS[type];
  if (scalar) return scalar(value) ? null : `must be ${type === "Date" ? "a date string" : `a ${type}`}, not ${describe(value)}`;
  const list = /^(?:(\w+)\[\]|Array<(\w+)>)$/.exec(type);
  const item = list && SCALARS[list[1] ?? list[2]!];
  if (item) {
    if (!Array.isArray(value)) return `must be a list (${type}), not ${describe(value)}`;
    const at = value.findIndex((v) => !item(v));
    return at < 0 ? null : `item ${at} must be a ${list[1] ?? list[2]}, not ${describe(value[at])}`;
  }
  return null;
}

const SCALARS: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === "string",
  number: (v) => typeof v === "number" && Number.isFinite(v),
  boolean: (v) => typeof v === "boolean",
  Date: (v) => typeof v === "string" && !Number.isNaN(Date.parse(v)),
};

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
