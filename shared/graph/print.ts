/** Literal values and names printed through TypeScript's printer, so escaping is the compiler's own. */
import ts from "typescript";
import { isIdentifier } from "./model.ts";
import { isKeyword } from "./names.ts";

const f = ts.factory;
const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
const blank = ts.createSourceFile("print.ts", "", ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON value as a TypeScript expression: `{ retries: 2, tags: ["etl"] }`. */
export function printValue(value: unknown): string {
  return printer.printNode(ts.EmitHint.Expression, toExpression(value), blank);
}

export function printString(text: string): string {
  return printValue(text);
}

/** An object key: bare when it is an identifier, quoted otherwise. */
export function printKey(key: string): string {
  return printer.printNode(ts.EmitHint.Unspecified, propertyName(key), blank);
}

function toExpression(value: unknown): ts.Expression {
  if (value === null || value === undefined) return f.createNull();
  if (typeof value === "string") return ts.setEmitFlags(f.createStringLiteral(value), ts.EmitFlags.NoAsciiEscaping);
  if (typeof value === "boolean") return value ? f.createTrue() : f.createFalse();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return f.createNull();
    const literal = f.createNumericLiteral(String(Math.abs(value)));
    return value < 0 || Object.is(value, -0) ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, literal) : literal;
  }
  if (Array.isArray(value)) return f.createArrayLiteralExpression(value.map(toExpression), false);
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return f.createObjectLiteralExpression(entries.map(([k, v]) => f.createPropertyAssignment(propertyName(k), toExpression(v))), false);
  }
  return f.createNull();
}

function propertyName(key: string): ts.PropertyName {
  // `__proto__: v` (quoted or not) sets the object's prototype; only a computed name makes it a key.
  if (key === "__proto__") return f.createComputedPropertyName(f.createStringLiteral(key));
  if (isIdentifier(key) && !isKeyword(key)) return f.createIdentifier(key);
  return ts.setEmitFlags(f.createStringLiteral(key), ts.EmitFlags.NoAsciiEscaping);
}
