import { describe, expect, it } from "vitest";
import { appOrigin, webhookUrl } from "./webhook-url.ts";

const hook = { id: "t1", secret: "s3cr/et", config: { kind: "webhook" as const } };

describe("webhook URLs", () => {
  it("joins the origin, id and secret", () => {
    expect(webhookUrl("http://127.0.0.1:4000/", hook)).toBe("http://127.0.0.1:4000/hooks/t1/s3cr%2Fet");
  });

  it("gives the path alone without an origin, nothing for file watches", () => {
    expect(webhookUrl(null, hook)).toBe("/hooks/t1/s3cr%2Fet");
    expect(webhookUrl("http://x", { id: "t2", secret: null, config: { kind: "file", folder: "/in", glob: "*.csv", param: "path" } })).toBeNull();
  });

  it("has an origin over HTTP only", () => {
    expect(appOrigin({ protocol: "http:", origin: "http://localhost:4000" })).toBe("http://localhost:4000");
    expect(appOrigin({ protocol: "file:", origin: "null" })).toBeNull();
  });
});
