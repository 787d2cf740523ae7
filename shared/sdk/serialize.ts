import { makeError } from "../errors.ts";

/**
 * Results are stored as JSON with a few tagged values ({"$fb": kind, v}) so that
 * what comes back from the cache equals what the task returned.
 */
const TAG = "$fb";

export function encodeValue(value: unknown, what = "the value"): string {
  const text = JSON.stringify(toJson(value, "result", false, what));
  return text;
}

export function decodeValue(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === "object" && TAG in value) return fromTagged(value as Tagged);
    return value;
  });
}

/** A canonical text of task arguments: equal inputs give equal text in any process. */
export function stableKey(value: unknown, what = "the inputs"): string {
  return JSON.stringify(toJson(value, "args", true, what));
}

type Tagged = { [TAG]: string; v?: unknown };

function toJson(value: unknown, path: string, sortKeys: boolean, what: string): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0) ? value : { [TAG]: "num", v: Object.is(value, -0) ? "-0" : String(value) };
    case "undefined":
      return { [TAG]: "undef" };
    case "bigint":
      return { [TAG]: "bigint", v: value.toString() };
    case "function":
    case "symbol":
      throw makeError("not-serializable", [what, `${path} is a ${typeof value}`]);
  }
  if (value === null) return null;
  if (Array.isArray(value)) return value.map((item, i) => toJson(item, `${path}[${i}]`, sortKeys, what));
  if (value instanceof Date) return { [TAG]: "date", v: value.toISOString() };
  if (value instanceof Map) {
    const entries = [...value.entries()].map(([k, v], i) => [toJson(k, `${path}<key ${i}>`, sortKeys, what), toJson(v, `${path}<value ${i}>`, sortKeys, what)]);
    if (sortKeys) entries.sort((a, b) => (JSON.stringify(a[0]) < JSON.stringify(b[0]) ? -1 : 1));
    return { [TAG]: "map", v: entries };
  }
  if (value instanceof Set) {
    const items = [...value].map((v, i) => toJson(v, `${path}<item ${i}>`, sortKeys, what));
    if (sortKeys) items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    return { [TAG]: "set", v: items };
  }
  if (value instanceof Uint8Array) return { [TAG]: "bytes", v: Array.from(value) };
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const name = (value as object).constructor?.name ?? "object";
    throw makeError("not-serializable", [what, `${path} is a ${name}, not plain data`]);
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (sortKeys) keys.sort();
  // No prototype, so a "__proto__" key stays data.
  const out: Record<string, unknown> = Object.create(null);
  for (const key of keys) out[key] = toJson(record[key], `${path}.${key}`, sortKeys, what);
  return out;
}

function fromTagged(tagged: Tagged): unknown {
  switch (tagged[TAG]) {
    case "undef":
      return undefined;
    case "num":
      return Number(tagged.v);
    case "bigint":
      return BigInt(String(tagged.v));
    case "date":
      return new Date(String(tagged.v));
    case "map":
      return new Map(tagged.v as Array<[unknown, unknown]>);
    case "set":
      return new Set(tagged.v as unknown[]);
    case "bytes":
      return Uint8Array.from(tagged.v as number[]);
    default:
      return tagged;
  }
}

/**
 * A bounded, readable JSON rendering for the UI: never throws, never walks more
 * than `budget` characters of output, and marks where it cut.
 */
export function previewValue(value: unknown, budget = 2000): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value === "boolean" || typeof value === "number") return String(value);
  if (typeof value === "string" && value.length + 2 <= budget) return JSON.stringify(value);
  if (Array.isArray(value) && value.length <= 8 && value.every(isShortPrimitive)) return JSON.stringify(value);
  const out: string[] = [];
  let used = 0;
  const seen = new Set<object>();
  const push = (s: string): boolean => {
    if (used + s.length > budget) {
      out.push(s.slice(0, Math.max(0, budget - used)), "…");
      used = budget + 1;
      return false;
    }
    out.push(s);
    used += s.length;
    return true;
  };
  const walk = (v: unknown, depth: number): boolean => {
    if (used > budget) return false;
    if (v === null || v === undefined || typeof v === "number" || typeof v === "boolean") return push(String(v));
    if (typeof v === "string") return push(JSON.stringify(v.length > budget ? v.slice(0, budget) : v));
    if (typeof v === "bigint") return push(`${v}n`);
    if (typeof v === "function") return push(`[function ${v.name || "anonymous"}]`);
    if (typeof v === "symbol") return push(v.toString());
    const obj = v as object;
    if (seen.has(obj)) return push('"[circular]"');
    if (depth > 6) return push('"[…]"');
    if (obj instanceof Date) return push(JSON.stringify(obj.toISOString()));
    const describe = (obj as { [PREVIEW]?: () => string })[PREVIEW];
    if (typeof describe === "function") return push(describe.call(obj));
    seen.add(obj);
    try {
      if (Array.isArray(obj) || obj instanceof Set) {
        if (!push("[")) return false;
        let i = 0;
        for (const item of obj) {
          if (i++ > 0 && !push(",")) return false;
          if (!walk(item, depth + 1)) return false;
        }
        return push("]");
      }
      const entries = obj instanceof Map ? [...obj.entries()].map(([k, val]) => [String(k), val] as const) : Object.entries(obj);
      if (!push("{")) return false;
      let i = 0;
      for (const [k, val] of entries) {
        if (i++ > 0 && !push(",")) return false;
        if (!push(JSON.stringify(k) + ":")) return false;
        if (!walk(val, depth + 1)) return false;
      }
      return push("}");
    } finally {
      seen.delete(obj);
    }
  };
  walk(value, 0);
  return out.join("");
}

function isShortPrimitive(v: unknown): boolean {
  return v === null || (typeof v === "number" && Number.isFinite(v)) || typeof v === "boolean" || (typeof v === "string" && v.length < 64);
}

/** Objects that know how to show themselves in a preview (task futures, say). */
export const PREVIEW: unique symbol = Symbol.for("flowbench.preview");
