import { describe, expect, it } from "vitest";
import { checkParams } from "./params.ts";

const declared = [
  { name: "city", type: "string" },
  { name: "days", type: "number", default: 3 },
  { name: "tags", type: "string[]", default: [] },
  { name: "options", type: "{ verbose: boolean }", default: { verbose: false } },
];

describe("checkParams", () => {
  it("accepts values of the declared types and leaves defaults to the flow", () => {
    expect(checkParams(declared, { city: "Paris", tags: ["a"], options: { anything: 1 } })).toEqual({ ok: true, params: { city: "Paris", tags: ["a"], options: { anything: 1 } } });
  });

  it("names each wrong field", () => {
    const result = checkParams(declared, { days: "three", tags: ["a", 2], colour: "red" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      "colour: the flow has no parameter 'colour' (it has city, days, tags, options)",
      "city: is required (string)",
      'days: must be a number, not "three"',
      "tags: item 1 must be a string, not number 2",
    ]);
  });

  it("refuses something that is not an object", () => {
    expect(checkParams(declared, [1])).toEqual({ ok: false, problems: ["parameters must be a JSON object of city, days, tags, options, not a list"] });
  });
});
