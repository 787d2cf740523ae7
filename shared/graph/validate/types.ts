/**
 * Port type checks that need no compiler: when both ends are simple types
 * (primitives, their arrays, unions of them) and differ, the edge is wrong.
 * Anything richer is left to the full type check of the compiled file.
 */

const SIMPLE = /^(string|number|boolean|bigint|null|undefined|void|object|symbol)(\[\])*$/;
const OPEN = new Set(["any", "unknown"]);

export function normalizeType(type: string): string {
  return type.replace(/\s+/g, "").replace(/^Array<(.+)>$/, "$1[]").replace(/^ReadonlyArray<(.+)>$/, "$1[]").replace(/^readonly/, "");
}

/** The array type of a list of `item`. */
export function arrayOf(item: string): string {
  const t = normalizeType(item);
  return /[|&]/.test(t) ? `(${t})[]` : `${t}[]`;
}

/** false only when both types are known and a value of `from` cannot go to `to`. */
export function assignable(from: string | undefined, to: string | undefined): boolean {
  if (from === undefined || to === undefined) return true;
  const a = normalizeType(from);
  const b = normalizeType(to);
  if (a === b || OPEN.has(a) || OPEN.has(b) || a === "never") return true;
  const targets = b.split("|");
  const sources = a.split("|");
  if (![...targets, ...sources].every((t) => SIMPLE.test(t))) return true;
  return sources.every((s) => targets.includes(s));
}

/** Whether a JSON default fits a simple declared type; unknown types accept anything. */
export function defaultFits(value: unknown, type: string): boolean {
  const t = normalizeType(type).split("|");
  if (!t.every((x) => SIMPLE.test(x))) return true;
  const actual = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  return t.some((x) => x === actual || (actual === "array" && x.endsWith("[]")) || (x === "object" && actual === "object"));
}
