import { describe, expect, it } from "vitest";
import { describeLoadError } from "./load-error.ts";

describe("describeLoadError", () => {
  it("adds where a syntax error is when only the stack says so", () => {
    const error = Object.assign(new SyntaxError("Expression expected"), { stack: "/w/flow.ts:2\nconst x = 1 + ;\n              ^\n\nSyntaxError: Expression expected\n    at parse" });
    expect(describeLoadError(error, "/w/flow.ts")).toEqual({ name: "SyntaxError", message: "Expression expected (/w/flow.ts:2)", stack: error.stack });
  });

  it("reads the place from a stack that names the file by its URL too", () => {
    const error = Object.assign(new SyntaxError("Expression expected"), { stack: "file:///w/my%20flow.ts:7\nx\n^\n" });
    expect(describeLoadError(error, "/w/my flow.ts").message).toBe("Expression expected (/w/my flow.ts:7)");
  });

  it("keeps other errors' messages as they are", () => {
    expect(describeLoadError(new Error("Cannot find module 'left-pad'"), "/w/flow.ts")).toMatchObject({ name: "Error", message: "Cannot find module 'left-pad'" });
    expect(describeLoadError("just a string", "/w/flow.ts")).toMatchObject({ message: "just a string" });
  });
});
