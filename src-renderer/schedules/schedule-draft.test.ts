import { describe, expect, it } from "vitest";
import type { ScheduleView } from "../../shared/api/automation-contract.ts";
import { draftFromSchedule, draftTiming, draftToSpec, emptyDraft, localInputToMs, msToLocalInput } from "./schedule-draft.ts";
import { previewSpec } from "./preview.ts";

const params = [
  { name: "region", type: "string", default: "eu" },
  { name: "limit", type: "number" },
];

describe("the schedule form", () => {
  it("turns a cron draft into a spec with its zone, name, catch-up and parameters", () => {
    const draft = { ...emptyDraft("Europe/Paris", params), cron: " 0 9 * * 1-5 ", name: " Morning ", params: { region: "us", limit: "10" } };
    expect(draftToSpec(draft, params)).toEqual({
      ok: true,
      spec: { cron: "0 9 * * 1-5", timezone: "Europe/Paris", name: "Morning", catchUp: "latest", params: { region: "us", limit: 10 } },
    });
  });

  it("leaves parameters out for a flow without any, and the name when empty", () => {
    expect(draftToSpec({ ...emptyDraft("UTC", []), kind: "interval", every: "15m" }, [])).toEqual({ ok: true, spec: { every: "15m", catchUp: "latest" } });
  });

  it("names each wrong field", () => {
    const result = draftToSpec({ ...emptyDraft("UTC", params), params: { region: "", limit: "lots" } }, params);
    expect(result).toEqual({ ok: false, errors: { cron: expect.stringContaining("cron expression"), "param:limit": "limit must be a number, not 'lots'" } });
  });

  it("reads datetime-local fields in the user's zone and sends ms", () => {
    const at = localInputToMs("2026-12-01T09:00");
    expect(at).toBe(new Date(2026, 11, 1, 9, 0).getTime());
    expect(msToLocalInput(at!)).toBe("2026-12-01T09:00");
    expect(localInputToMs("")).toBeNull();
    expect(draftTiming({ ...emptyDraft("UTC", []), kind: "once", at: "2026-12-01T09:00" })).toEqual({ ok: true, spec: { at } });
    expect(draftTiming({ ...emptyDraft("UTC", []), kind: "once", at: "" })).toMatchObject({ ok: false, field: "at" });
    expect(draftTiming({ ...emptyDraft("UTC", []), kind: "interval", every: "1h", anchor: "2026-12-01T09:00" })).toEqual({ ok: true, spec: { every: "1h", anchor: at } });
  });

  it("edits an existing schedule from its record", () => {
    const schedule = {
      name: "Morning",
      catchUp: "skip",
      params: { limit: 5 },
      timing: { kind: "cron", cron: "0 9 * * 1-5", timezone: "Asia/Tokyo" },
      spec: { cron: "0 9 * * 1-5", timezone: "Asia/Tokyo" },
    } as unknown as ScheduleView;
    expect(draftFromSchedule(schedule, params, "UTC")).toMatchObject({ kind: "cron", name: "Morning", catchUp: "skip", cron: "0 9 * * 1-5", timezone: "Asia/Tokyo", params: { region: "eu", limit: "5" } });
  });
});

describe("the live preview", () => {
  const now = Date.UTC(2026, 10, 27, 12, 0); // Friday 27 November 2026, 13:00 in Paris

  it("reads a cron in words with its next fire times", () => {
    const preview = previewSpec({ cron: "0 9 * * 1-5", timezone: "Europe/Paris" }, now);
    expect(preview).toMatchObject({ ok: true, words: "every weekday at 09:00, Europe/Paris" });
    if (!preview.ok) throw new Error("not ok");
    expect(preview.times).toHaveLength(5);
    expect(preview.times[0]).toBe(Date.UTC(2026, 10, 30, 8, 0)); // Monday 09:00 CET
  });

  it("gives the one-line error without the prefix", () => {
    const preview = previewSpec({ cron: "0 9 * *", timezone: "Europe/Paris" }, now);
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.error).not.toContain("\n");
    expect(preview.error).not.toMatch(/^Invalid schedule/);
    expect(previewSpec({ cron: "0 9 * * *", timezone: "Mars/Olympus" }, now)).toMatchObject({ ok: false, error: expect.stringContaining("Mars/Olympus") });
  });
});
