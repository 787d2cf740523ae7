/**
 * Finds comments the graph would drop: anything outside the header, task
 * bodies, parameter descriptions and the canvas block. A file with such a
 * comment opens as code, so nobody's notes vanish on save.
 */
import ts from "typescript";
import type { Problems } from "./problems.ts";

/** Ranges [start, end) whose comments the graph keeps. */
export type Range = readonly [number, number];

export function flagStrayComments(text: string, keep: readonly Range[], problems: Problems): void {
  const ranges = [...keep].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  // Template literals need re-scanning at each `}` that closes a `${`.
  const braces: boolean[] = [];
  let next = 0;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    const start = scanner.getTokenStart();
    while (next < ranges.length && ranges[next]![1] <= start) next++;
    const range = ranges[next];
    if (range && range[0] <= start) {
      scanner.resetTokenState(range[1]);
      next++;
      continue;
    }
    switch (token) {
      case ts.SyntaxKind.SingleLineCommentTrivia:
      case ts.SyntaxKind.MultiLineCommentTrivia:
        problems.range(start, scanner.getTokenEnd(), "This comment is outside task bodies and the header, so the graph would drop it");
        break;
      case ts.SyntaxKind.TemplateHead:
        braces.push(true);
        break;
      case ts.SyntaxKind.OpenBraceToken:
        braces.push(false);
        break;
      case ts.SyntaxKind.CloseBraceToken:
        if (braces.pop()) {
          if (scanner.reScanTemplateToken(false) === ts.SyntaxKind.TemplateMiddle) braces.push(true);
        }
        break;
    }
  }
}
