import { describe, expect, it } from "vitest";
import { hrefFor, parseRoute, type Route } from "./route.ts";

describe("hash routes", () => {
  it("round-trips every page, ids with slashes and odd characters included", () => {
    const routes: Route[] = [
      { page: "home" },
      { page: "new" },
      { page: "editor", flowId: "reports/weekly report" },
      { page: "runs" },
      { page: "runs", query: "state=FAILED&flow=etl" },
      { page: "run", runId: "0192-abc" },
      { page: "dashboard" },
      { page: "automations" },
    ];
    for (const route of routes) expect(parseRoute(hrefFor(route))).toEqual(route);
  });

  it("sends anything unknown to the flows list", () => {
    expect(parseRoute("#/nowhere")).toEqual({ page: "home" });
    expect(parseRoute("")).toEqual({ page: "home" });
  });
});
