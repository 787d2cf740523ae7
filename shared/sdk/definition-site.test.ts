import { describe, expect, it } from "vitest";
import { definitionSite } from "./definition-site.ts";

describe("definition site", () => {
  it("takes the first frame outside the SDK, as a path", () => {
    const stack = [
      "Error",
      "    at makeFlow (file:///app/node_modules/flowbench/dist/shared/sdk/flow.js:30:20)",
      "    at flow (file:///app/node_modules/flowbench/dist/shared/sdk/flow.js:12:12)",
      "    at file:///home/ada/my%20flows/etl.ts:5:21",
      "    at ModuleJob.run (node:internal/modules/esm/module_job:271:25)",
    ].join("\n");
    expect(definitionSite(stack)).toBe("/home/ada/my flows/etl.ts");
    expect(definitionSite("Error\n    at Object.<anonymous> (/srv/jobs/report.js:3:9)")).toBe("/srv/jobs/report.js");
  });

  it("gives null when no frame names a file", () => {
    expect(definitionSite("Error\n    at node:internal/x:1:1")).toBeNull();
    expect(definitionSite("")).toBeNull();
  });
});
