import { describe, expect, it } from "vitest";
import { workerFlags } from "./worker-run.ts";

describe("workerFlags", () => {
  it("keeps resolution and loader flags, and drops the V8 and process flags workers refuse", () => {
    expect(workerFlags(["--expose-gc", "--conditions=flowbench-source", "--max-old-space-size=4096", "-C", "dev", "--import", "./x.js", "--enable-source-maps", "--inspect"])).toEqual([
      "--conditions=flowbench-source",
      "-C",
      "dev",
      "--import",
      "./x.js",
      "--enable-source-maps",
    ]);
  });
});
