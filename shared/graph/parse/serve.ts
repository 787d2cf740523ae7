/**
 * Reads `export const serveOptions: ServeOptions = { schedules: [...], policy: {...} }`
 * back into the graph's `serve`. Only literal data can be shown in the app, and
 * each schedule must be valid by scheduleSpecSchema; anything else is a problem
 * on the exact field, worded for the person who wrote it.
 */
import ts from "typescript";
import { DEFAULT_FLOW_POLICY, flowPolicySchema, scheduleSpecSchema, type FlowPolicy, type ScheduleSpec } from "../../schedule/spec.ts";
import { POLICY_KEYS, SCHEDULE_KEYS, type GraphServe } from "../compile/serve.ts";
import type { JsonValue } from "../print.ts";
import { literalValue, propertyKey } from "./literals.ts";
import type { Problems } from "./problems.ts";

const WHEN_KEYS = ["cron", "every", "at"] as const;
type When = (typeof WHEN_KEYS)[number];
/** The field that goes only with one kind of schedule. */
const COMPANION: Partial<Record<string, When>> = { timezone: "cron", anchor: "every" };

/** What each field must be, for messages: zod's own union messages say only "Invalid input". */
const FIELD_RULES: Record<string, string> = {
  name: "text of 1 to 200 characters",
  active: "true or false",
  params: "an object of parameter values, like { since: \"2026-01-01\" }",
  catchUp: "\"skip\", \"latest\" or \"all\"",
  maxCatchUp: "a whole number from 1 to 1000",
  cron: "a cron expression, like \"0 9 * * 1-5\"",
  timezone: "an IANA time zone, like \"Europe/Paris\"",
  every: "a duration: whole milliseconds above 0, or text like \"15m\" or \"1h30m\"",
  anchor: "a time: milliseconds since 1970, or an ISO 8601 date like \"2026-01-01T09:00:00Z\"",
  at: "a time: milliseconds since 1970, or an ISO 8601 date like \"2026-01-01T09:00:00Z\"",
  overlap: "\"skip\", \"queue\" or \"parallel\"",
  maxConcurrentRuns: "a whole number from 1 to 1000, or null for the overlap's default",
};

/** The union's member for each kind of schedule, so issues name the field, not "Invalid input". */
const BRANCHES = new Map(WHEN_KEYS.map((when) => [when, scheduleSpecSchema.options.find((o) => when in o.shape)!] as const));

export function readServeOptions(expr: ts.Expression, problems: Problems): GraphServe | undefined {
  const fields = readFields(expr, ["schedules", "policy"], "The serve options", "{ schedules: [...], policy: { ... } }", problems);
  if (!fields) return undefined;
  const serve: GraphServe = { schedules: [] };
  const schedules = fields.get("schedules");
  if (schedules) {
    if (!ts.isArrayLiteralExpression(schedules.value)) {
      problems.at(schedules.value, "The serve options' 'schedules' must be a list written out: [{ cron: \"0 9 * * *\" }, ...]");
    } else {
      schedules.value.elements.forEach((el, i) => {
        const spec = readSchedule(el, i, problems);
        if (spec) serve.schedules.push(spec);
      });
    }
  }
  const policy = fields.get("policy");
  if (policy) {
    const value = readPolicy(policy.value, problems);
    if (value) serve.policy = value;
  }
  return serve;
}

function readSchedule(el: ts.Expression, index: number, problems: Problems): ScheduleSpec | undefined {
  let label = `Schedule ${index + 1}`;
  if (ts.isSpreadElement(el) || ts.isOmittedExpression(el)) {
    problems.at(el, `${label} must be written out as an object, like { cron: "0 9 * * *" }`);
    return undefined;
  }
  const fields = readFields(el, SCHEDULE_KEYS, label, "{ cron: \"0 9 * * *\" }", problems);
  if (!fields) return undefined;
  const name = fields.get("name")?.literal;
  if (typeof name === "string" && name.trim() !== "") label = `${label} (${JSON.stringify(name.trim())})`;
  const values = literals(fields, label, problems);
  if (!values) return undefined;

  const whens = WHEN_KEYS.filter((k) => fields.has(k));
  if (whens.length !== 1) {
    const found = whens.length === 0 ? "has none" : `has ${whens.map((k) => `'${k}'`).join(" and ")}`;
    problems.at(el, `${label} needs exactly one of 'cron', 'every' or 'at' (it ${found})`);
    return undefined;
  }
  const when = whens[0]!;
  let ok = true;
  for (const [key, needs] of Object.entries(COMPANION)) {
    const field = fields.get(key);
    if (field && needs !== when) {
      problems.at(field.node, `${label}: '${key}' goes only with '${needs}', and this schedule uses '${when}'`);
      ok = false;
    }
  }
  const params = values.params;
  if (params && typeof params === "object" && !Array.isArray(params) && Object.hasOwn(params, "__proto__")) {
    // The schedule schema would drop this key without a word.
    problems.at(fields.get("params")!.value, `${label}: 'params' cannot have a "__proto__" key`);
    ok = false;
  }
  if (!ok) return undefined;
  const checked = BRANCHES.get(when)!.safeParse(values);
  if (checked.success) return checked.data;
  reportIssues(checked.error.issues, fields, el, label, problems);
  return undefined;
}

function readPolicy(expr: ts.Expression, problems: Problems): FlowPolicy | undefined {
  const label = "The serve policy";
  const fields = readFields(expr, POLICY_KEYS, label, "{ overlap: \"queue\", maxConcurrentRuns: 2 }", problems);
  if (!fields) return undefined;
  const values = literals(fields, label, problems);
  if (!values) return undefined;
  // ServeOptions takes a partial policy; serve() fills the rest from the default, and so does the graph.
  const checked = flowPolicySchema.safeParse({ ...DEFAULT_FLOW_POLICY, ...values });
  if (checked.success) return checked.data;
  reportIssues(checked.error.issues, fields, expr, label, problems);
  return undefined;
}

interface Field {
  node: ts.PropertyAssignment;
  value: ts.Expression;
  /** The value when it is a literal. */
  literal?: JsonValue;
}

/**
 * An object literal's `key: value` pairs, each key one of `known` and given
 * once. Undefined (with the problems reported) when it is not such an object.
 */
function readFields(expr: ts.Expression, known: readonly string[], label: string, example: string, problems: Problems): Map<string, Field> | undefined {
  while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
  if (!ts.isObjectLiteralExpression(expr)) {
    problems.at(expr, `${label} must be written out as an object literal, like ${example}`);
    return undefined;
  }
  const fields = new Map<string, Field>();
  let ok = true;
  for (const prop of expr.properties) {
    const key = ts.isPropertyAssignment(prop) ? propertyKey(prop.name) : undefined;
    if (key === undefined || !ts.isPropertyAssignment(prop)) {
      problems.at(prop, `${label}: write each field as 'key: value' (no spreads, shorthands, methods or computed keys)`);
      ok = false;
    } else if (!known.includes(key)) {
      problems.at(prop.name, `${label}: '${key}' is not a field it can have (it can: ${known.join(", ")})`);
      ok = false;
    } else if (fields.has(key)) {
      problems.at(prop.name, `${label}: '${key}' is given twice`);
      ok = false;
    } else {
      const literal = literalValue(prop.initializer);
      fields.set(key, { node: prop, value: prop.initializer, ...(literal.ok ? { literal: literal.value } : {}) });
    }
  }
  return ok ? fields : undefined;
}

/** The fields' literal values, or undefined after reporting each one that is code. */
function literals(fields: ReadonlyMap<string, Field>, label: string, problems: Problems): Record<string, JsonValue> | undefined {
  const out: Record<string, JsonValue> = {};
  let ok = true;
  for (const [key, field] of fields) {
    if (field.literal === undefined) {
      problems.at(field.value, `${label}: '${key}' must be a literal value (a string, number, boolean, null, list or object), not code`);
      ok = false;
    } else {
      out[key] = field.literal;
    }
  }
  return ok ? out : undefined;
}

function reportIssues(issues: readonly { path: PropertyKey[]; message: string }[], fields: ReadonlyMap<string, Field>, whole: ts.Node, label: string, problems: Problems): void {
  const seen = new Set<string>();
  for (const issue of issues) {
    const key = typeof issue.path[0] === "string" ? issue.path[0] : "";
    if (seen.has(key)) continue;
    seen.add(key);
    const rule = FIELD_RULES[key];
    const field = fields.get(key);
    if (rule && field) problems.at(field.value, `${label}: '${key}' must be ${rule}`);
    else problems.at(field?.value ?? whole, `${label}${key ? `: '${key}'` : ""}: ${issue.message}`);
  }
}
