/** Names in generated code: derived from titles, stable, and never clashing with the language or the SDK. */
import { isIdentifierPartCode, isIdentifierStartCode } from "./identifier-chars.ts";

/** Words that cannot name a parameter or variable in a strict-mode module. */
const KEYWORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with implements interface let package private " +
    "protected public static yield await arguments eval undefined NaN Infinity"
  ).split(" "),
);
/** Names the generated module uses itself, or that would shadow globals a body relies on. */
const MODULE_NAMES = new Set("flow task runFromCommandLine Params Promise Object Array JSON Math Date Error console globalThis process".split(" "));

/** SDK exports a body may use; the compiler imports the ones it sees. */
export const SDK_AUTO_IMPORTS = ["getLogger", "getRunContext", "NonRetryableError", "TimeoutError", "CancelledError", "TaskFuture"] as const;

/**
 * "Fetch orders" → "fetchOrders". Words are split on anything that is not a
 * letter or digit; a leading digit gets an underscore; a reserved word gets
 * "Step" appended ("delete" → "deleteStep").
 */
export function identFromTitle(title: string): string {
  const words = title.split(/[^\p{ID_Continue}]+|_+/u).filter(Boolean);
  if (words.length === 0) return "step";
  const [first, ...rest] = words;
  // Letters TypeScript does not know yet (its Unicode tables can trail the runtime's) are left out, also
  // when case mapping made them: "ɤ" is old, its capital "Ɤ" new in Unicode 16.
  let ident = Array.from(lowerFirst(first!) + rest.map(upperFirst).join(""))
    .filter((ch) => isIdentifierPartCode(ch.codePointAt(0)!))
    .join("");
  if (ident === "") return "step";
  if (!/^\p{ID_Start}/u.test(ident) || !isIdentifierStartCode(ident.codePointAt(0)!)) ident = `_${ident}`;
  return isReserved(ident) ? `${ident}Step` : ident;
}

/** Cannot name a task, a subflow or a result at module level. */
export function isReserved(name: string): boolean {
  return KEYWORDS.has(name) || MODULE_NAMES.has(name) || (SDK_AUTO_IMPORTS as readonly string[]).includes(name);
}

/** Cannot name a parameter. */
export function isKeyword(name: string): boolean {
  return KEYWORDS.has(name);
}

/** The variable a node's result is kept in inside the flow body. */
export function resultVar(ident: string): string {
  return `${ident}Result`;
}

function lowerFirst(word: string): string {
  // "HTTPRequest" reads better as "httpRequest" than "hTTPRequest".
  const caps = /^\p{Lu}+(?=\p{Lu}\p{Ll}|$)/u.exec(word)?.[0];
  if (caps && caps.length > 1) return caps.toLowerCase() + word.slice(caps.length);
  return word.charAt(0).toLowerCase() + word.slice(1);
}

function upperFirst(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
