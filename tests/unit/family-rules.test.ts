import { describe, expect, it } from "vitest";
import { FamilyAccessSchema, FamilyCodeSchema, FamilyConsentSchema, FamilyEntrySchema } from "../../app/lib/family-schemas";

/** The family's forms: what they accept and the translated message for what they refuse. */
const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("the one-time code", () => {
  it("takes six digits, with spaces as people type them from a phone", () => {
    expect(FamilyCodeSchema.parse({ code: " 482 913 " })).toEqual({ code: "482913" });
  });
  it.each([
    ["", "validation.required"],
    ["48291", "validation.code"],
    ["4829134", "validation.code"],
    ["48291a", "validation.code"],
  ])("refuses %j with %s", (code, message) => {
    expect(errorsOf(FamilyCodeSchema.safeParse({ code }))).toEqual({ code: message });
  });
});

describe("a note or a view", () => {
  it("needs text and a known kind", () => {
    expect(errorsOf(FamilyEntrySchema.safeParse({ kind: "note", text: "   " }))).toEqual({ text: "validation.required" });
    expect(errorsOf(FamilyEntrySchema.safeParse({ kind: "diary", text: "Hei" }))).toEqual({ kind: "validation.invalidChoice" });
    expect(FamilyEntrySchema.parse({ kind: "view", text: " Vi er enige. " })).toEqual({ kind: "view", text: "Vi er enige." });
  });
});

describe("consent forms", () => {
  it("tells give, renew and withdraw apart, each with what it needs", () => {
    expect(FamilyConsentSchema.parse({ intent: "give", serviceId: "s1", purpose: "Samtaler" })).toEqual({
      intent: "give",
      serviceId: "s1",
      purpose: "Samtaler",
    });
    expect(errorsOf(FamilyConsentSchema.safeParse({ intent: "give", serviceId: "", purpose: "" }))).toEqual({
      serviceId: "validation.invalidChoice",
      purpose: "validation.required",
    });
    expect(FamilyConsentSchema.parse({ intent: "withdraw", consentId: "c1", serviceId: "s1" })).toEqual({
      intent: "withdraw",
      consentId: "c1",
      serviceId: "s1",
      reason: "",
    });
    expect(FamilyConsentSchema.safeParse({ intent: "delete", consentId: "c1" }).success).toBe(false);
  });
});

describe("giving the family access", () => {
  it("needs a real e-mail address and, if given, a valid national id number", () => {
    expect(errorsOf(FamilyAccessSchema.safeParse({ who: "g1", email: "ikke-en-adresse" }))).toEqual({ email: "validation.email" });
    expect(errorsOf(FamilyAccessSchema.safeParse({ who: "g1", email: "mor@eksempel.no", nationalId: "12345678901" }))).toEqual({
      nationalId: "validation.nationalId",
    });
    expect(FamilyAccessSchema.parse({ who: "g1", email: " Mor@Eksempel.no ", nationalId: "" })).toEqual({
      who: "g1",
      email: "mor@eksempel.no",
      nationalId: undefined,
    });
  });
});
