import { describe, expect, it } from "vitest";
import { parseSettings, SettingsError } from "../../app/config.server";

describe("settings", () => {
  it("needs nothing for the demo and has the documented defaults", () => {
    const s = parseSettings({});
    expect(s).toMatchObject({
      PORT: 3000,
      DATABASE_URL: "data/stafettlogg.db",
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_HOURS: 12,
      FAMILY_SESSION_IDLE_MINUTES: 15,
      DEMO_DATA: true,
      TRUST_PROXY: false,
    });
  });

  it("reads valid values", () => {
    const s = parseSettings({
      PORT: "8080",
      DATABASE_URL: "file:/var/lib/stafettlogg/db.sqlite",
      SESSION_IDLE_MINUTES: "15",
      SESSION_ABSOLUTE_HOURS: "8",
      FAMILY_SESSION_IDLE_MINUTES: "10",
      DEMO_DATA: "false",
      INITIAL_ADMIN_EMAIL: "drift@kommune.invalid",
      TRUST_PROXY: "true",
      PUBLIC_URL: "https://stafettlogg.kommune.invalid",
    });
    expect(s).toMatchObject({
      PORT: 8080,
      SESSION_IDLE_MINUTES: 15,
      SESSION_ABSOLUTE_HOURS: 8,
      FAMILY_SESSION_IDLE_MINUTES: 10,
      DEMO_DATA: false,
      TRUST_PROXY: true,
    });
  });

  it("treats empty values as unset", () => {
    expect(parseSettings({ PORT: "  " }).PORT).toBe(3000);
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "0"],
    ["PORT", "65536"],
    ["SESSION_ABSOLUTE_HOURS", "-3"],
    ["TRUST_PROXY", "perhaps"],
    ["INITIAL_ADMIN_EMAIL", "nobody"],
    ["DATABASE_URL", "postgres://db/stafett"],
  ])("refuses %s=%s with an error naming the setting", (name, value) => {
    try {
      parseSettings({ [name]: value });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError);
      expect((error as SettingsError).setting).toBe(name);
      expect((error as Error).message).toMatch(new RegExp(`^Invalid setting ${name}: [^\\n]+$`));
    }
  });
});

describe("mail settings", () => {
  it("default to writing mail into a folder, so the demo needs no mail server", () => {
    const s = parseSettings({});
    expect(s).toMatchObject({
      MAIL_TRANSPORT: "folder",
      MAIL_FOLDER: "data/mail",
      MAIL_FROM: "Stafettlogg <ikke-svar@stafettlogg.invalid>",
      SMTP_PORT: 587,
      SMTP_SECURE: false,
      SMTP_REQUIRE_TLS: true,
    });
    expect(s.SMTP_HOST).toBeUndefined();
  });

  it("give the demo its own address for links, http://localhost:PORT", () => {
    expect(parseSettings({}).PUBLIC_URL).toBe("http://localhost:3000");
    expect(parseSettings({ PORT: "8080" }).PUBLIC_URL).toBe("http://localhost:8080");
  });

  it("require PUBLIC_URL in production (DEMO_DATA=false), with a one-line message", () => {
    expect(() => parseSettings({ DEMO_DATA: "false" })).toThrow(/^Invalid setting PUBLIC_URL: required when DEMO_DATA=false[^\n]*$/);
    expect(parseSettings({ DEMO_DATA: "false", PUBLIC_URL: "https://stafettlogg.kommune.invalid" }).PUBLIC_URL).toBe(
      "https://stafettlogg.kommune.invalid",
    );
  });

  it("read an SMTP configuration", () => {
    const s = parseSettings({
      MAIL_TRANSPORT: "smtp",
      SMTP_HOST: "smtp.kommune.invalid",
      SMTP_PORT: "465",
      SMTP_SECURE: "true",
      SMTP_REQUIRE_TLS: "false",
      SMTP_USER: "stafettlogg",
      SMTP_PASSWORD: "hemmelig",
      MAIL_FROM: "Stafettlogg <stafettlogg@kommune.invalid>",
    });
    expect(s).toMatchObject({ MAIL_TRANSPORT: "smtp", SMTP_HOST: "smtp.kommune.invalid", SMTP_PORT: 465, SMTP_SECURE: true, SMTP_REQUIRE_TLS: false });
  });

  it("drop trailing slashes from PUBLIC_URL and keep a path", () => {
    expect(parseSettings({ PUBLIC_URL: "https://stafettlogg.kommune.invalid/" }).PUBLIC_URL).toBe("https://stafettlogg.kommune.invalid");
    expect(parseSettings({ PUBLIC_URL: "https://kommune.invalid/stafett//" }).PUBLIC_URL).toBe("https://kommune.invalid/stafett");
  });

  it.each([
    [{ MAIL_TRANSPORT: "sendmail" }, "MAIL_TRANSPORT"],
    [{ MAIL_TRANSPORT: "smtp" }, "SMTP_HOST"],
    [{ SMTP_PORT: "99999" }, "SMTP_PORT"],
    [{ SMTP_SECURE: "maybe" }, "SMTP_SECURE"],
    [{ SMTP_REQUIRE_TLS: "sometimes" }, "SMTP_REQUIRE_TLS"],
    [{ SMTP_USER: "stafettlogg" }, "SMTP_PASSWORD"],
    [{ SMTP_PASSWORD: "hemmelig" }, "SMTP_USER"],
    [{ PUBLIC_URL: "stafettlogg.kommune.invalid" }, "PUBLIC_URL"],
    [{ PUBLIC_URL: "ftp://stafettlogg.kommune.invalid" }, "PUBLIC_URL"],
    [{ PUBLIC_URL: "https://stafettlogg.kommune.invalid/?x=1" }, "PUBLIC_URL"],
  ])("refuse %o with an error naming %s", (env, name) => {
    try {
      parseSettings(env);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError);
      expect((error as SettingsError).setting).toBe(name);
      expect((error as Error).message).toMatch(new RegExp(`^Invalid setting ${name}: [^\\n]+$`));
    }
  });
});

describe("OpenID Connect settings", () => {
  it("are off by default, with ID-porten's defaults ready", () => {
    const s = parseSettings({});
    expect(s.OIDC_ISSUER).toBeUndefined();
    expect(s).toMatchObject({ OIDC_LABEL: "ID-porten", OIDC_SCOPE: "openid profile", OIDC_NATIONAL_ID_CLAIM: "pid" });
    expect(s.OIDC_REDIRECT_URL).toBeUndefined();
  });

  it("read a provider, keeping the issuer as typed", () => {
    const s = parseSettings({
      OIDC_ISSUER: "https://idporten.no/",
      OIDC_CLIENT_ID: "stafettlogg",
      OIDC_CLIENT_SECRET: "hemmelig",
      OIDC_LABEL: "MinID / BankID",
      OIDC_SCOPE: "openid profile",
      OIDC_NATIONAL_ID_CLAIM: "fnr",
      OIDC_REDIRECT_URL: "https://stafettlogg.kommune.invalid/family/oidc/callback",
    });
    expect(s).toMatchObject({
      OIDC_ISSUER: "https://idporten.no/",
      OIDC_CLIENT_ID: "stafettlogg",
      OIDC_LABEL: "MinID / BankID",
      OIDC_NATIONAL_ID_CLAIM: "fnr",
      OIDC_REDIRECT_URL: "https://stafettlogg.kommune.invalid/family/oidc/callback",
    });
  });

  it.each([
    [{ OIDC_ISSUER: "idporten.no" }, "OIDC_ISSUER"],
    [{ OIDC_ISSUER: "https://idporten.no/?x=1" }, "OIDC_ISSUER"],
    [{ OIDC_ISSUER: "https://idporten.no", OIDC_CLIENT_SECRET: "hemmelig" }, "OIDC_CLIENT_ID"],
    [{ OIDC_ISSUER: "https://idporten.no", OIDC_CLIENT_ID: "stafettlogg" }, "OIDC_CLIENT_SECRET"],
    [{ OIDC_ISSUER: "https://idporten.no", OIDC_CLIENT_ID: "stafettlogg", OIDC_CLIENT_SECRET: "x", OIDC_SCOPE: "profile" }, "OIDC_SCOPE"],
    [{ OIDC_REDIRECT_URL: "/family/oidc/callback" }, "OIDC_REDIRECT_URL"],
  ])("refuse %o with an error naming %s", (env, name) => {
    try {
      parseSettings(env);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError);
      expect((error as SettingsError).setting).toBe(name);
    }
  });
});
