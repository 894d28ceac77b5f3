import { afterEach, describe, expect, it, vi } from "vitest";
import { ActionSchema, ConcernSchema, EvaluationSchema } from "../../app/lib/log-schemas";
import { InviteSchema } from "../../app/lib/collaboration-schemas";
import { addYears, isTooFarAhead, isTooOldForBirthDate } from "../../app/lib/dates";
import { birthDate, optionalPlannedDate, plannedDate } from "../../app/lib/validation";

/** Issue 9 point 10: the pure date limits, answered by the schemas at once (the domain checks again). */
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

afterEach(() => {
  vi.useRealTimers();
});

function at(isoDate: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(`${isoDate}T12:00:00Z`));
}

describe("addYears", () => {
  it("keeps the calendar day, and turns 29 February into the 28th in other years", () => {
    expect(addYears("2026-12-02", 2)).toBe("2028-12-02");
    expect(addYears("2026-12-02", -26)).toBe("2000-12-02");
    expect(addYears("2028-02-29", 1)).toBe("2029-02-28");
    expect(addYears("2028-02-29", 4)).toBe("2032-02-29");
  });
});

describe("birth dates", () => {
  it("allows a young person of 25, not one who has turned 26", () => {
    expect(isTooOldForBirthDate("2000-12-03", "2026-12-02")).toBe(false);
    expect(isTooOldForBirthDate("2000-12-02", "2026-12-02")).toBe(true);
  });

  it("the schema refuses a birth date in the future or of someone older than 25", () => {
    at("2026-12-02");
    expect(messages(birthDate.safeParse("2026-12-03"))).toEqual(["errors.date_in_future"]);
    expect(messages(birthDate.safeParse("2000-12-02"))).toEqual(["errors.birth_date_too_old"]);
    expect(birthDate.safeParse("2000-12-03").success).toBe(true);
    expect(birthDate.safeParse("2026-12-02").success).toBe(true);
    // An impossible date gets the one message it needs.
    expect(messages(birthDate.safeParse("2016-02-30"))).toEqual(["validation.date"]);
    expect(messages(ConcernSchema.safeParse({ serviceId: "s", childName: "A", birthDate: "1990-01-01", noticedOn: "2026-12-01", what: "x" }))).toEqual([
      "errors.birth_date_too_old",
    ]);
  });
});

describe("evaluation and respond-by dates", () => {
  it("are at most two years ahead", () => {
    expect(isTooFarAhead("2028-12-02", "2026-12-02")).toBe(false);
    expect(isTooFarAhead("2028-12-03", "2026-12-02")).toBe(true);
    at("2026-12-02");
    expect(plannedDate.safeParse("2028-12-02").success).toBe(true);
    expect(messages(plannedDate.safeParse("2028-12-03"))).toEqual(["errors.date_too_far_ahead"]);
    expect(optionalPlannedDate.safeParse(undefined).success).toBe(true);
    expect(messages(optionalPlannedDate.safeParse("2030-01-01"))).toEqual(["errors.date_too_far_ahead"]);
  });

  it("the action, evaluation and invitation forms use that limit", () => {
    at("2026-12-02");
    const far = "2029-01-01";
    const action = ActionSchema.safeParse({ description: "a", goal: "b", responsible: "other", responsibleOther: "c", startOn: "2026-12-02", evaluateOn: far });
    expect(messages(action)).toEqual(["errors.date_too_far_ahead"]);
    const evaluation = EvaluationSchema.safeParse({
      evaluatedOn: "2026-12-02",
      whatHappened: "a",
      whatWorked: "b",
      childExperience: "c",
      decision: "continue",
      nextEvaluateOn: far,
    });
    expect(messages(evaluation)).toEqual(["errors.date_too_far_ahead"]);
    const invitation = InviteSchema.safeParse({ person: `${"a".repeat(26)}:${"b".repeat(26)}`, message: "Hei", respondBy: far });
    expect(messages(invitation)).toEqual(["errors.date_too_far_ahead"]);
  });
});
