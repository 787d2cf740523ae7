/**
 * Node code for the graph generator: valid async function bodies, drawn from
 * a hand-written list or put together from statements with random text in
 * strings, template literals and comments, then shifted, padded with blank
 * lines or given CRLF or CR line ends (which normalization undoes).
 */
import fc from "fast-check";
import { CODES } from "./graph-samples.ts";

const lineText = fc.oneof(
  fc.constantFrom("", " ", "  x", "\tindented", "}", "{", "`", "${", "\\", "//", "/*", "*/", "\u2028", "const x = 1;"),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: "grapheme", maxLength: 4 }),
);
const indentation = fc.constantFrom("", "", "  ", "    ", "\t", " ", "   ");

/** Text for a template literal, escaped so it stays one: lines with their own indentation. */
const templateText = fc.array(fc.tuple(indentation, lineText), { minLength: 1, maxLength: 4 }).map((lines) =>
  lines
    .map(([pad, t]) => pad + t.replace(/\r/g, ""))
    .join("\n")
    .replace(/\\/g, "\\\\")
    .replace(/`/g, "\\`")
    .replace(/\$\{/g, "\\${"),
);

const statement = fc.oneof(
  templateText.map((t) => `const t = \`${t}\`;`),
  templateText.map((t) => `log(\`${t}\${\`inner ${t.replace(/\n/g, " ")}\`}\`);`),
  lineText.map((t) => `const s = ${JSON.stringify(t)};`),
  lineText.map((t) => `// ${t.replace(/[\r\n\u2028\u2029]/g, " ")}`),
  templateText.map((t) => `/* ${t.replace(/\*\//g, "* /")} */`),
  fc.constantFrom("if (ok) {\n  run();\n}", "for (const x of xs) {\n    if (x) { continue; }\n}", "return value;", "await Promise.resolve();", ""),
);

/** A body of a few statements, each with its own indentation (continuation lines of literals included). */
const composed = fc.array(fc.tuple(indentation, statement), { minLength: 1, maxLength: 5 }).map((parts) =>
  parts.map(([pad, st]) => st.split("\n").map((line) => (line ? pad + line : line)).join("\n")).join("\n"),
);

export const nodeCode = fc
  .record({
    body: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...CODES) }, composed),
    shift: fc.constantFrom("", "", "", "  ", "\t", "    "),
    eol: fc.constantFrom("\n", "\n", "\r\n", "\r"),
    blank: fc.boolean(),
  })
  .map(({ body, shift, eol, blank }) => {
    let out = shift ? body.split("\n").map((l) => (l ? shift + l : l)).join("\n") : body;
    if (blank) out = `\n  \n${out}\n\n`;
    return out.replace(/\n/g, eol);
  });
