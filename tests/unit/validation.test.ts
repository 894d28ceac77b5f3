import { describe, expect, it } from "vitest";
import { commonPasswords } from "../../app/lib/common-passwords";
import { LoginSchema, NewUserSchema, SetPasswordSchema } from "../../app/lib/schemas";
import { newPassword } from "../../app/lib/validation";

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues.map((i) => i.message) ?? [];

describe("passwords", () => {
  it("needs at least 12 characters", () => {
    expect(messages(newPassword.safeParse("kort-pass1"))).toEqual(["validation.passwordTooShort"]);
    expect(newPassword.safeParse("lang nok setning her").success).toBe(true);
  });

  it("refuses the common passwords, whatever their case", () => {
    expect(commonPasswords.size).toBeGreaterThan(30);
    for (const p of ["passwordpassword", "Password1234", "123456789012", "Velkommen123"]) {
      expect(messages(newPassword.safeParse(p)), p).toContain("validation.passwordCommon");
    }
  });

  it("every listed common password is long enough to pass the length rule", () => {
    // Otherwise the list would be dead weight: the length rule already refuses it.
    for (const p of commonPasswords) expect(p.length, p).toBeGreaterThanOrEqual(12);
  });

  it("the repeat must match", () => {
    const r = SetPasswordSchema.safeParse({ password: "en lang og god setning", confirm: "en lang og god setnin" });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ["confirm"], message: "validation.passwordMismatch" });
  });
});

describe("form schemas", () => {
  it("normalise e-mail addresses to lower case and trim names", () => {
    const r = NewUserSchema.parse({ name: "  Kari Testesen ", email: " Kari@Test.INVALID " });
    expect(r).toMatchObject({ name: "Kari Testesen", email: "kari@test.invalid", isAdministrator: false, role: "employee" });
  });

  it("bound text fields", () => {
    expect(messages(NewUserSchema.safeParse({ name: "x".repeat(201), email: "a@b.no" }))).toEqual(["validation.tooLong_200"]);
  });

  it("explain a malformed e-mail address", () => {
    expect(messages(LoginSchema.safeParse({ email: "ikke-en-adresse", password: "x" }))).toEqual(["validation.email"]);
  });
});
