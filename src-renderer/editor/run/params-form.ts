/**
 * The run dialog's fields, from the flow's parameters: text for strings, a
 * number field, a checkbox, or JSON for anything else. Values are checked
 * here so a run never starts with parameters its types reject.
 */
import type { FlowParam } from "../../../shared/graph/model.ts";

export type FieldKind = "string" | "number" | "boolean" | "json";

export function fieldKind(type: string): FieldKind {
  const t = type.replace(/\s+/g, "");
  if (t === "string") return "string";
  if (t === "number") return "number";
  if (t === "boolean") return "boolean";
  return "json";
}

/** The text a field starts with: the last value used, else the default, else empty. */
export function initialText(param: FlowParam, last: unknown): string {
  const value = last !== undefined ? last : param.default;
  if (value === undefined) return fieldKind(param.type) === "boolean" ? "false" : "";
  return fieldKind(param.type) === "string" && typeof value === "string" ? value : JSON.stringify(value);
}

export type ParsedParams = { ok: true; params: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

export function parseParams(params: readonly FlowParam[], texts: Readonly<Record<string, string>>): ParsedParams {
  const out: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const param of params) {
    const text = texts[param.name] ?? "";
    const kind = fieldKind(param.type);
    if (text.trim() === "" && kind !== "string") {
      if (param.default === undefined) errors[param.name] = `${param.name} is required (${param.type})`;
      continue;
    }
    if (kind === "string") {
      if (text === "" && param.default !== undefined) continue;
      out[param.name] = text;
    } else if (kind === "number") {
      const n = Number(text);
      if (!Number.isFinite(n)) errors[param.name] = `${param.name} must be a number, not '${text}'`;
      else out[param.name] = n;
    } else if (kind === "boolean") {
      out[param.name] = text === "true";
    } else {
      try {
        out[param.name] = JSON.parse(text) as unknown;
      } catch (error) {
        errors[param.name] = `${param.name} is not JSON: ${(error as Error).message}`;
      }
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, params: out };
}

const KEY = "flowbench.lastParams";

export function lastParams(flowId: string): Record<string, unknown> {
  try {
    const all = JSON.parse(localStorage.getItem(KEY) ?? "{}") as Record<string, Record<string, unknown>>;
    return all[flowId] ?? {};
  } catch {
    return {};
  }
}

export function rememberParams(flowId: string, params: Record<string, unknown>): void {
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(localStorage.getItem(KEY) ?? "{}") as Record<string, unknown>;
  } catch {
    all = {};
  }
  all[flowId] = params;
  localStorage.setItem(KEY, JSON.stringify(all));
}
