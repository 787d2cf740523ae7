/**
 * A small glob matcher for file triggers: `*`, `**`, `?`, `{a,b}` (nestable),
 * `[abc]` / `[!a-z]` and `\` escapes, matched against a path relative to the
 * watched folder with `/` separators. Our own rather than `path.matchesGlob`,
 * which is still experimental in Node 22 and absent from older Electron Nodes.
 * As in shells, a wildcard at the start of a segment does not match a leading
 * dot, so editors' hidden temp files (`.~lock.a.csv#`) do not start runs.
 */

const cache = new Map<string, RegExp>();

/** Throws an Error naming the problem when the glob cannot be read. */
export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  if (glob.trim() === "") throw new Error("the glob is empty");
  if (glob.startsWith("/")) throw new Error(`'${glob}' must be relative to the folder (no leading '/')`);
  let i = 0;
  const noDot = "(?!\\.)";
  const segmentStart = (at: number): boolean => {
    let k = at - 1;
    while (k >= 0 && (glob[k] === "{" || glob[k] === ",")) k--;
    return k < 0 || glob[k] === "/";
  };
  const parse = (depth: number): string => {
    let out = "";
    while (i < glob.length) {
      const c = glob[i]!;
      if (depth > 0 && (c === "," || c === "}")) return out;
      if (c === "*") {
        let j = i;
        while (glob[j] === "*") j++;
        const start = segmentStart(i);
        if (j - i >= 2 && start && (j === glob.length || glob[j] === "/")) {
          // `**` as a whole segment: any number of segments, including none.
          if (j === glob.length) out += `(?:${noDot}[^/]*(?:/${noDot}[^/]*)*)?`;
          else out += `(?:${noDot}[^/]*/)*`;
          i = j === glob.length ? j : j + 1;
        } else {
          out += `${start ? noDot : ""}[^/]*`;
          i = j;
        }
      } else if (c === "?") {
        out += `${segmentStart(i) ? noDot : ""}[^/]`;
        i++;
      } else if (c === "{") {
        i++;
        const alternatives = [parse(depth + 1)];
        while (glob[i] === ",") {
          i++;
          alternatives.push(parse(depth + 1));
        }
        if (glob[i] !== "}") throw new Error(`'${glob}' has a '{' that is never closed`);
        i++;
        out += `(?:${alternatives.join("|")})`;
      } else if (c === "}") {
        throw new Error(`'${glob}' has a '}' without a '{'`);
      } else if (c === "[") {
        const close = glob.indexOf("]", i + (glob[i + 1] === "!" || glob[i + 1] === "^" ? 3 : 2));
        if (close < 0) throw new Error(`'${glob}' has a '[' that is never closed`);
        let body = glob.slice(i + 1, close);
        const negate = body.startsWith("!") || body.startsWith("^");
        if (negate) body = body.slice(1);
        const escaped = body.replace(/[\\\]^]/g, "\\$&");
        out += negate ? `[^/${escaped}]` : `(?!/)[${escaped}]`;
        i = close + 1;
      } else if (c === "\\") {
        if (i + 1 >= glob.length) throw new Error(`'${glob}' ends with a lone '\\'`);
        out += escapeRegExp(glob[i + 1]!);
        i += 2;
      } else {
        out += escapeRegExp(c);
        i++;
      }
    }
    return out;
  };
  const source = parse(0);
  const re = new RegExp(`^${source}$`, "u");
  if (cache.size > 500) cache.clear();
  cache.set(glob, re);
  return re;
}

/** Whether a relative path (either separator) matches the glob. */
export function matchGlob(relativePath: string, glob: string): boolean {
  return globToRegExp(glob).test(relativePath.replaceAll("\\", "/"));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
