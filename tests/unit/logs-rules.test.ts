import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isRealIsoDate, todayInOslo } from "../../app/lib/dates";
import { activeFlags, flagCount, flagsFor, type FlagInput } from "../../app/lib/flags";
import { isValidNationalId, parseNationalId } from "../../app/lib/national-id";
import { syntheticNationalId as syntheticId, withControlDigits } from "../../app/lib/national-id";

describe("national identity numbers", () => {
  it("accepts a fødselsnummer with both control digits right and a real date", () => {
    const id = withControlDigits("010190120")!; // 1 January 1990, individual 120
    expect(parseNationalId(id)).toEqual({ birthDate: "1990-01-01", kind: "fnr", synthetic: false });
  });

  it("accepts D-numbers (day + 40) and synthetic numbers (month + 40 or + 80)", () => {
    expect(parseNationalId(withControlDigits("410190120")!)).toMatchObject({ birthDate: "1990-01-01", kind: "dnr" });
    expect(parseNationalId(withControlDigits("014190121")!)).toMatchObject({ birthDate: "1990-01-01", synthetic: true });
    const tenor = syntheticId("2016-03-14");
    expect(parseNationalId(tenor)).toMatchObject({ birthDate: "2016-03-14", synthetic: true });
  });

  it("refuses a wrong control digit, an impossible date and anything not 11 digits", () => {
    const good = withControlDigits("010190120")!;
    const badFirst = good.slice(0, 9) + ((Number(good[9]) + 1) % 10) + good[10];
    const badSecond = good.slice(0, 10) + ((Number(good[10]) + 1) % 10);
    expect(isValidNationalId(badFirst)).toBe(false);
    expect(isValidNationalId(badSecond)).toBe(false);
    const feb30 = withControlDigits("300290123");
    if (feb30) expect(isValidNationalId(feb30)).toBe(false);
    for (const v of ["", "1234567890", "123456789012", "0101901234a"]) expect(isValidNationalId(v)).toBe(false);
  });

  it("reads the century from the individual number", () => {
    expect(parseNationalId(withControlDigits("010116523")!)?.birthDate).toBe("2016-01-01");
    const old = withControlDigits("010160950");
    if (old) expect(parseNationalId(old)?.birthDate).toBe("1960-01-01");
  });
});

describe("dates", () => {
  it("today is Norway's date, not UTC's", () => {
    expect(todayInOslo(Date.UTC(2026, 11, 31, 23, 30))).toBe("2027-01-01");
    expect(todayInOslo(Date.UTC(2026, 6, 1, 21, 59))).toBe("2026-07-01");
    expect(todayInOslo(Date.UTC(2026, 6, 1, 22, 1))).toBe("2026-07-02");
  });
  it("adds days across months and years; counts days between", () => {
    expect(addDays("2026-12-20", 14)).toBe("2027-01-03");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(daysBetween("2026-11-23", "2027-01-04")).toBe(42);
  });
  it("knows real dates", () => {
    expect(isRealIsoDate("2026-02-29")).toBe(false);
    expect(isRealIsoDate("2028-02-29")).toBe(true);
    expect(isRealIsoDate("2026-13-01")).toBe(false);
  });
});

describe("flags", () => {
  const relay: FlagInput = {
    kind: "relay",
    state: "open",
    level: 1,
    nextEvaluationOn: "2026-11-30",
    lastChildVoiceOn: "2026-11-01",
    decisionDueOn: null,
  };
  const today = "2026-11-23";

  it("overdue evaluation only when the date has passed on an open relay log", () => {
    expect(flagsFor(relay, today, 42).overdueEvaluation).toBe(false);
    expect(flagsFor({ ...relay, nextEvaluationOn: "2026-11-22" }, today, 42).overdueEvaluation).toBe(true);
    expect(flagsFor({ ...relay, nextEvaluationOn: "2026-11-22", state: "closed" }, today, 42).overdueEvaluation).toBe(false);
  });

  it("missing child's voice at level ≥ 1 when none or older than the interval", () => {
    expect(flagsFor(relay, today, 42).missingChildVoice).toBe(false);
    expect(flagsFor({ ...relay, lastChildVoiceOn: null }, today, 42).missingChildVoice).toBe(true);
    expect(flagsFor({ ...relay, lastChildVoiceOn: "2026-10-11" }, today, 42).missingChildVoice).toBe(true);
    expect(flagsFor({ ...relay, lastChildVoiceOn: "2026-10-12" }, today, 42).missingChildVoice).toBe(false);
    expect(flagsFor({ ...relay, lastChildVoiceOn: null, level: 0 }, today, 42).missingChildVoice).toBe(false);
  });

  it("the child's voice flag says 'not heard yet' when never heard and 'not heard recently' when old", () => {
    const messages = (input: FlagInput) => activeFlags(flagsFor(input, today, 42)).map((f) => f.message);
    expect(messages({ ...relay, lastChildVoiceOn: null })).toEqual(["childVoiceNotYetHeard"]);
    expect(messages({ ...relay, lastChildVoiceOn: "2026-10-11" })).toEqual(["missingChildVoice"]);
    expect(messages(relay)).toEqual([]);
    // The detail is never a flag of its own, so it is neither shown nor counted.
    expect(flagCount(flagsFor({ ...relay, lastChildVoiceOn: null }, today, 42))).toBe(1);
  });

  it("every raised flag is listed with its own text, in a fixed order", () => {
    const flags = flagsFor({ ...relay, nextEvaluationOn: "2026-11-22", lastChildVoiceOn: "2026-01-01" }, today, 42);
    expect(activeFlags(flags)).toEqual([
      { key: "overdueEvaluation", message: "overdueEvaluation" },
      { key: "missingChildVoice", message: "missingChildVoice" },
    ]);
  });

  it("missing consent to keep the log: an open relay log known to lack one", () => {
    expect(flagsFor({ ...relay, hasKeepConsent: false }, today, 42).missingKeepConsent).toBe(true);
    expect(flagsFor({ ...relay, hasKeepConsent: true }, today, 42).missingKeepConsent).toBe(false);
    expect(flagsFor(relay, today, 42).missingKeepConsent).toBe(false);
    expect(flagsFor({ ...relay, hasKeepConsent: false, state: "closed" }, today, 42).missingKeepConsent).toBe(false);
    expect(flagsFor({ ...relay, hasKeepConsent: false, kind: "concern", level: 0 }, today, 42).missingKeepConsent).toBe(false);
  });

  it("level-0 decision deadline: soon within three days, overdue from the day itself", () => {
    const concern: FlagInput = { ...relay, kind: "concern", level: 0, nextEvaluationOn: null, decisionDueOn: "2026-11-26" };
    expect(flagsFor(concern, today, 42)).toMatchObject({ decisionSoon: true, decisionOverdue: false });
    expect(flagsFor({ ...concern, decisionDueOn: "2026-11-27" }, today, 42)).toMatchObject({ decisionSoon: false });
    expect(flagsFor({ ...concern, decisionDueOn: today }, today, 42)).toMatchObject({ decisionOverdue: true, decisionSoon: false });
  });
});
