import { describe, expect, it } from "vitest";
import { flow } from "../../shared/sdk/flow.ts";
import { pickFlow } from "./pick-flow.ts";

const a = flow({ name: "alpha" }, async () => "a");
const b = flow({ name: "beta" }, async () => "b");
const FILE = "/w/flows.ts";

describe("pickFlow", () => {
  it("takes the default export, even beside other flows", () => {
    expect(pickFlow({ default: b, a, b }, FILE)).toBe(b);
  });

  it("takes the only flow when there is no default, ignoring other exports", () => {
    expect(pickFlow({ a, helper: () => 1, VALUE: 3 }, FILE)).toBe(a);
    expect(pickFlow({ a, again: a }, FILE)).toBe(a);
  });

  it("takes the flow flowName names, by export name or by the flow's own name", () => {
    expect(pickFlow({ default: a, b }, FILE, "b")).toBe(b);
    expect(pickFlow({ a, b }, FILE, "beta")).toBe(b);
  });

  it("refuses to guess, naming the file and what it found", () => {
    expect(() => pickFlow({ a, b }, FILE)).toThrow("No flow to run in /w/flows.ts: it exports 2 flows ('alpha', 'beta') and none as default; name the one to run");
    expect(() => pickFlow({ default: 42, helper: () => 1 }, FILE)).toThrow("No flow to run in /w/flows.ts: it exports no flow");
    expect(() => pickFlow({ a }, FILE, "gamma")).toThrow("No flow to run in /w/flows.ts: it has no flow named 'gamma' (its flows: 'alpha')");
  });
});
