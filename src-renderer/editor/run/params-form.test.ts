import { describe, expect, it } from "vitest";
import { fieldKind, initialText, parseParams } from "./params-form.ts";

const params = [
  { name: "name", type: "string", default: "world" },
  { name: "limit", type: "number" },
  { name: "dryRun", type: "boolean", default: false },
  { name: "ids", type: "number[]", default: [1, 2] },
];

describe("the run dialog's parameters", () => {
  it("picks a field per type", () => {
    expect(params.map((p) => fieldKind(p.type))).toEqual(["string", "number", "boolean", "json"]);
  });

  it("starts from the last values used, else the defaults", () => {
    expect(initialText(params[0]!, undefined)).toBe("world");
    expect(initialText(params[3]!, undefined)).toBe("[1,2]");
    expect(initialText(params[1]!, 7)).toBe("7");
  });

  it("parses typed values and leaves defaults to the flow", () => {
    expect(parseParams(params, { name: "", limit: "3", dryRun: "true", ids: "[4]" })).toEqual({ ok: true, params: { limit: 3, dryRun: true, ids: [4] } });
  });

  it("names every field that is wrong or missing", () => {
    const parsed = parseParams(params, { name: "x", limit: "", dryRun: "false", ids: "[4," });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.limit).toBe("limit is required (number)");
    expect(parsed.errors.ids).toMatch(/^ids is not JSON/);
    expect(parseParams(params, { limit: "ten" })).toMatchObject({ ok: false, errors: { limit: "limit must be a number, not 'ten'" } });
  });
});
