import { describe, expect, it } from "vitest";
import { globToRegExp, matchGlob } from "./glob.ts";

const cases: Array<[glob: string, yes: string[], no: string[]]> = [
  ["*.csv", ["a.csv", "orders 2026.csv"], ["a.json", "sub/a.csv", ".hidden.csv", "a.csv.tmp"]],
  ["**/*.json", ["x.json", "a/x.json", "a/b/c/x.json"], ["x.jsonl", "a/.x.json", ".git/x.json"]],
  ["incoming/**/*.json", ["incoming/x.json", "incoming/a/b/x.json"], ["x.json", "other/x.json", "incomingx.json"]],
  ["data/**", ["data/a", "data/a/b.txt"], ["dat/a", "data"]],
  ["report-??.txt", ["report-01.txt", "report-ab.txt"], ["report-1.txt", "report-001.txt", "report-0/.txt"]],
  ["*.{csv,json}", ["a.csv", "b.json"], ["a.xml", "a.csvjson"]],
  ["{in,out}/{*.csv,archive/*.{gz,zip}}", ["in/a.csv", "out/archive/x.gz", "in/archive/y.zip"], ["in/archive/a.csv", "x/a.csv"]],
  ["[abc]*.txt", ["a1.txt", "c.txt"], ["d.txt", "/a.txt"]],
  ["[!abc]*.txt", ["d.txt"], ["a.txt"]],
  ["a\\*b", ["a*b"], ["axb"]],
  ["a+b(1).csv", ["a+b(1).csv"], ["aab1.csv"]],
];

describe("globs", () => {
  for (const [glob, yes, no] of cases) {
    it(glob, () => {
      for (const path of yes) expect(matchGlob(path, glob), `${path} should match ${glob}`).toBe(true);
      for (const path of no) expect(matchGlob(path, glob), `${path} should not match ${glob}`).toBe(false);
    });
  }

  it("accepts Windows separators in the path", () => {
    expect(matchGlob("a\\b\\x.json", "**/*.json")).toBe(true);
  });

  it("refuses globs it cannot read, saying why", () => {
    expect(() => globToRegExp("{a,b")).toThrow(/never closed/);
    expect(() => globToRegExp("a}")).toThrow(/without a '\{'/);
    expect(() => globToRegExp("[ab")).toThrow(/never closed/);
    expect(() => globToRegExp("/abs/*.csv")).toThrow(/relative/);
    expect(() => globToRegExp("")).toThrow(/empty/);
  });
});
