import { describe, expect, it } from "vitest";
import { filterPalette, paletteEntries, readPaletteDrag, relativeFlowPath } from "./palette-items.ts";

describe("palette entries", () => {
  const flows = [
    { id: "etl/orders", name: "orders" },
    { id: "reports/weekly", name: "weekly report", description: "Mails the numbers" },
  ];

  it("lists basics, every template, flow nodes and saved flows except the open one", () => {
    const keys = paletteEntries(flows, "etl/orders").map((e) => e.key);
    expect(keys.slice(0, 3)).toEqual(["task", "map", "branch"]);
    expect(keys).toContain("template-http-request");
    expect(keys).toContain("template-log");
    expect(keys).toContain("input");
    expect(keys).toContain("output");
    expect(keys).toContain("subflow-reports/weekly");
    expect(keys).not.toContain("subflow-etl/orders");
  });

  it("points a subflow at the other file relative to this one", () => {
    const entry = paletteEntries(flows, "etl/orders").find((e) => e.key === "subflow-reports/weekly")!;
    expect(entry.item).toEqual({ kind: "subflow", flow: "../reports/weekly", title: "weekly report" });
    expect(relativeFlowPath(null, "reports/weekly")).toBe("reports/weekly");
    expect(relativeFlowPath("reports/daily", "reports/weekly")).toBe("weekly");
    expect(relativeFlowPath("a/b/c", "a/x")).toBe("../x");
  });

  it("filters on every word, across label, description and group", () => {
    const entries = paletteEntries(flows, null);
    expect(filterPalette(entries, "http").map((e) => e.key)).toEqual(["template-http-request"]);
    expect(filterPalette(entries, "  FILE  write ").map((e) => e.key)).toEqual(["template-write-file"]);
    expect(filterPalette(entries, "mails").map((e) => e.key)).toEqual(["subflow-reports/weekly"]);
    expect(filterPalette(entries, "basics").map((e) => e.key)).toEqual(["task", "map", "branch"]);
    expect(filterPalette(entries, "nothing like this")).toEqual([]);
    expect(filterPalette(entries, "")).toHaveLength(entries.length);
  });

  it("accepts only palette items as drag data", () => {
    expect(readPaletteDrag('{"kind":"template","template":"delay"}')).toEqual({ kind: "template", template: "delay" });
    expect(readPaletteDrag('{"kind":"template","template":"nope"}')).toBeNull();
    expect(readPaletteDrag('{"kind":"rocket"}')).toBeNull();
    expect(readPaletteDrag("https://example.com")).toBeNull();
  });
});
