import { describe, expect, it } from "vitest";
import { BOX_ZOOM, detailAt, shortTitle, TITLE_ZOOM } from "./detail.tsx";

describe("level of detail", () => {
  it("is the full card from TITLE_ZOOM up, a titled box down to BOX_ZOOM, then a plain box", () => {
    expect(detailAt(1)).toBe("full");
    expect(detailAt(TITLE_ZOOM)).toBe("full");
    expect(detailAt(TITLE_ZOOM - 0.01)).toBe("title");
    expect(detailAt(BOX_ZOOM)).toBe("title");
    expect(detailAt(BOX_ZOOM - 0.01)).toBe("box");
    expect(detailAt(0.05)).toBe("box");
  });

  it("cuts long titles to one line with an ellipsis, leaving short ones alone", () => {
    expect(shortTitle("fetch orders")).toBe("fetch orders");
    const cut = shortTitle("a very long task title that would overflow the card");
    expect(cut).toHaveLength(24);
    expect(cut.endsWith("…")).toBe(true);
  });
});
