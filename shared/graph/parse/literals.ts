/** Reads option values and defaults: JSON-like literals only, as the graph stores data, not code. */
import ts from "typescript";
import type { JsonValue } from "../print.ts";

export type Literal = { ok: true; value: JsonValue } | { ok: false; node: ts.Node };

export function literalValue(expr: ts.Expression): Literal {
  const fail = (node: ts.Node): Literal => ({ ok: false, node });
  if (ts.isParenthesizedExpression(expr)) return literalValue(expr.expression);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return { ok: true, value: expr.text };
  if (ts.isNumericLiteral(expr)) return { ok: true, value: Number(expr.text) };
  if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(expr.operand)) {
    return { ok: true, value: -Number(expr.operand.text) };
  }
  if (expr.kind === ts.SyntaxKind.TrueKeyword) return { ok: true, value: true };
  if (expr.kind === ts.SyntaxKind.FalseKeyword) return { ok: true, value: false };
  if (expr.kind === ts.SyntaxKind.NullKeyword) return { ok: true, value: null };
  if (ts.isArrayLiteralExpression(expr)) {
    const items: JsonValue[] = [];
    for (const el of expr.elements) {
      if (ts.isSpreadElement(el) || ts.isOmittedExpression(el)) return fail(el);
      const item = literalValue(el);
      if (!item.ok) return item;
      items.push(item.value);
    }
    return { ok: true, value: items };
  }
  if (ts.isObjectLiteralExpression(expr)) {
    const out: Record<string, JsonValue> = {};
    for (const prop of expr.properties) {
      const key = ts.isPropertyAssignment(prop) ? propertyKey(prop.name) : undefined;
      if (key === undefined || !ts.isPropertyAssignment(prop)) return fail(prop);
      const item = literalValue(prop.initializer);
      if (!item.ok) return item;
      // Not `out[key] =`: a "__proto__" key would set the prototype instead of staying a key.
      Object.defineProperty(out, key, { value: item.value, enumerable: true, writable: true, configurable: true });
    }
    return { ok: true, value: out };
  }
  return fail(expr);
}

/** The text of a property name that is written out (not computed). */
export function propertyKey(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isNumericLiteral(name)) return String(Number(name.text));
  // `["__proto__"]`, which the compiler writes for that key.
  if (ts.isComputedPropertyName(name) && (ts.isStringLiteral(name.expression) || ts.isNoSubstitutionTemplateLiteral(name.expression))) return name.expression.text;
  return undefined;
}
