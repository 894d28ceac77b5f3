import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { parseSettings, resetSettingsForTests } from "../../app/config.server";
import { publicBaseUrl, sendMail } from "../../app/domain/mail/mailer.server";
import { familyInvitationMessage, signInCodeMessage, somethingNewMessage } from "../../app/domain/mail/messages.server";
import { createId } from "../../app/lib/ids";
import { locales } from "../../app/lib/enums";
import { freePort } from "../support/server";
import { codeFrom, startSmtpServer, type RunningSmtpServer } from "../support/smtp";

/** Mail settings a test sets; removed again after each test so the next starts clean. */
const mailKeys = ["MAIL_TRANSPORT", "MAIL_FOLDER", "MAIL_FROM", "SMTP_HOST", "SMTP_PORT", "SMTP_REQUIRE_TLS", "SMTP_USER", "SMTP_PASSWORD"];

function useSettings(env: Record<string, string>) {
  for (const key of mailKeys) delete process.env[key];
  Object.assign(process.env, env);
  resetSettingsForTests();
}

afterEach(() => useSettings({}));

const recipient = "forelder.testesen@eksempel.no";

describe("sending through SMTP", () => {
  let smtp: RunningSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.close());

  const viaSmtp = () => ({
    MAIL_TRANSPORT: "smtp",
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(smtp.port),
    // The loopback test server offers no STARTTLS.
    SMTP_REQUIRE_TLS: "false",
  });

  it("delivers the message with its recipient, sender, subject and both bodies", async () => {
    useSettings(viaSmtp());
    await sendMail({ to: recipient, ...signInCodeMessage("nb", { code: "482913", minutes: 10 }) });
    const mail = await smtp.waitForMail((m) => m.to.includes(recipient));
    expect(mail.from).toBe("Stafettlogg <ikke-svar@stafettlogg.invalid>");
    expect(mail.subject).toBe("Engangskode til Stafettlogg");
    expect(codeFrom(mail)).toBe("482913");
    expect(mail.text).toContain("Den gjelder i 10 minutter.");
    expect(mail.html).toContain('<html lang="nb">');
    expect(mail.html).toContain("<strong>482913</strong>");
  });

  it("uses MAIL_FROM and sends one mail per call", async () => {
    useSettings({ ...viaSmtp(), MAIL_FROM: "Stafettlogg Eksempel kommune <stafett@kommune.invalid>" });
    const url = "https://stafettlogg.kommune.invalid/logs/abc";
    await sendMail({ to: "a@eksempel.no", ...somethingNewMessage("en", { url }) });
    await sendMail({ to: "b@eksempel.no", ...somethingNewMessage("en", { url }) });
    const a = await smtp.waitForMail((m) => m.to.includes("a@eksempel.no"));
    const b = await smtp.waitForMail((m) => m.to.includes("b@eksempel.no"));
    expect(a.to).toEqual(["a@eksempel.no"]);
    expect(b.to).toEqual(["b@eksempel.no"]);
    expect(a.from).toBe("Stafettlogg Eksempel kommune <stafett@kommune.invalid>");
    expect(a.subject).toBe("Something new in Stafettlogg");
    expect(a.text).toContain(url);
  });

  it("signs in with SMTP_USER and SMTP_PASSWORD", async () => {
    const guarded = await startSmtpServer({ credentials: { user: "stafettlogg", pass: "hemmelig-passord" } });
    try {
      const env = { ...viaSmtp(), SMTP_PORT: String(guarded.port), SMTP_USER: "stafettlogg" };
      useSettings({ ...env, SMTP_PASSWORD: "feil-passord" });
      await expect(sendMail({ to: recipient, ...signInCodeMessage("nb", { code: "111111", minutes: 10 }) })).rejects.toThrow(/EAUTH/);
      useSettings({ ...env, SMTP_PASSWORD: "hemmelig-passord" });
      await sendMail({ to: recipient, ...signInCodeMessage("nb", { code: "222222", minutes: 10 }) });
      const mail = await guarded.waitForMail(() => true);
      expect(mail.user).toBe("stafettlogg");
      expect(codeFrom(mail)).toBe("222222");
      expect(guarded.messages).toHaveLength(1);
    } finally {
      await guarded.close();
    }
  });

  it("refuses a plain-text server when STARTTLS is required (the default)", async () => {
    const { SMTP_REQUIRE_TLS: _, ...env } = viaSmtp();
    useSettings(env);
    const before = smtp.messages.length;
    await expect(sendMail({ to: recipient, ...signInCodeMessage("nb", { code: "333333", minutes: 10 }) })).rejects.toThrow(
      /^Mail could not be sent/,
    );
    expect(smtp.messages).toHaveLength(before);
  });

  it("fails with a message that names neither the recipient nor the content", async () => {
    useSettings({ ...viaSmtp(), SMTP_PORT: String(await freePort()) });
    const error = await sendMail({ to: recipient, ...signInCodeMessage("nb", { code: "444444", minutes: 10 }) }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toMatch(/^Mail could not be sent through 127\.0\.0\.1:\d+ \((ECONNECTION|ESOCKET)\)$/);
    expect(error!.message).not.toContain(recipient);
    expect(error!.message).not.toContain("444444");
    expect(error!.cause).toBeUndefined();
  });
});

describe("the folder transport (the demo default)", () => {
  const folder = resolve(process.cwd(), "tests/.tmp", `mail-${createId()}`);
  // The console is where the folder transport reports; keep it quiet and readable here.
  let log: MockInstance<typeof console.log>;
  beforeEach(() => {
    log = vi.spyOn(console, "log").mockImplementation(() => {});
  });
  afterEach(() => log.mockRestore());
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("is what an unconfigured install uses", () => {
    expect(parseSettings({}).MAIL_TRANSPORT).toBe("folder");
  });

  it("writes an .eml file and says where, without the recipient or the content", async () => {
    useSettings({ MAIL_FOLDER: folder });
    await sendMail({ to: recipient, ...signInCodeMessage("en", { code: "918273", minutes: 10 }) });

    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{6}\.eml$/);
    expect(log).toHaveBeenCalledTimes(1);
    const line = log.mock.calls[0]!.join(" ");
    expect(line).toBe(`Mail written to ${join(folder, files[0]!)}`);
    for (const secret of [recipient, "918273", "One-time code"]) expect(line).not.toContain(secret);

    const raw = readFileSync(join(folder, files[0]!));
    expect(raw.toString("latin1")).toContain("\r\n");
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe("One-time code for Stafettlogg");
    expect(parsed.text).toContain("Your one-time code for Stafettlogg is 918273.");
    expect(JSON.stringify(parsed.to)).toContain(recipient);
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
  });

  it("writes each message to its own file", async () => {
    useSettings({ MAIL_FOLDER: folder });
    const before = readdirSync(folder).length;
    await sendMail({ to: recipient, ...somethingNewMessage("nb", { url: "http://localhost:3000/" }) });
    await sendMail({ to: recipient, ...somethingNewMessage("nb", { url: "http://localhost:3000/" }) });
    expect(readdirSync(folder)).toHaveLength(before + 2);
  });

  it("refuses more than one recipient in a message", async () => {
    useSettings({ MAIL_FOLDER: folder });
    await expect(sendMail({ to: "a@eksempel.no, b@eksempel.no", ...somethingNewMessage("nb", { url: "http://localhost:3000/" }) })).rejects.toThrow(
      /^Mail could not be sent/,
    );
  });
});

describe("the messages", () => {
  const signInUrl = "https://stafettlogg.kommune.invalid/family/sign-in?token=Ab1&x=<2>";
  const childName = "Nora Nordmann-Testesen";
  const cases = locales.flatMap((locale) => [
    { locale, name: "signInCode", render: (extra: object) => signInCodeMessage(locale, { code: "135790", minutes: 10, ...extra }), passed: ["135790"] },
    { locale, name: "familyInvitation", render: (extra: object) => familyInvitationMessage(locale, { signInUrl, ...extra }), passed: [signInUrl] },
    { locale, name: "somethingNew", render: (extra: object) => somethingNewMessage(locale, { url: signInUrl, ...extra }), passed: [signInUrl] },
  ]);

  it.each(cases)("$name ($locale) carries nothing but the code or link it was given", ({ render, passed }) => {
    // Anything else slipped in (a child's name, a service) must not reach the mail.
    const message = render({ childName, name: childName, serviceName: "PPT Eksempel" });
    const all = [message.subject, message.text, message.html ?? ""].join("\n");
    expect(all).not.toContain("Nora");
    expect(all).not.toContain("PPT");
    for (const value of passed) expect(message.text).toContain(value);
    // The code never stands in the subject.
    expect(message.subject).not.toMatch(/\d/);
  });

  it.each(cases)("$name ($locale) changes only where the code or link goes", ({ locale, name }) => {
    const render = (value: string) => {
      if (name === "signInCode") return signInCodeMessage(locale, { code: value, minutes: 10 });
      const url = `https://example.invalid/${value}`;
      return name === "familyInvitation" ? familyInvitationMessage(locale, { signInUrl: url }) : somethingNewMessage(locale, { url });
    };
    const strip = (m: ReturnType<typeof render>, value: string) => JSON.stringify(m).replaceAll(value, "VALUE");
    expect(strip(render("111111"), "111111")).toBe(strip(render("999999"), "999999"));
  });

  it.each(locales)("has accessible HTML in %s with every inserted value escaped", (locale) => {
    const { html, text } = familyInvitationMessage(locale, { signInUrl });
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html).toContain("<title>");
    const escaped = "https://stafettlogg.kommune.invalid/family/sign-in?token=Ab1&amp;x=&lt;2&gt;";
    expect(html).toContain(`<a href="${escaped}">${escaped}</a>`);
    expect(html).not.toContain("<2>");
    expect(text).toContain(signInUrl);
  });

  it("refuses a link that is not an http(s) URL", () => {
    expect(() => somethingNewMessage("nb", { url: "javascript:alert(1)" })).toThrow(/http\(s\) URL/);
    expect(() => familyInvitationMessage("en", { signInUrl: "/relative/path" })).toThrow(/http\(s\) URL/);
  });
});

describe("publicBaseUrl", () => {
  it("is PUBLIC_URL, or the demo's own localhost address; it takes no request", () => {
    expect(publicBaseUrl(parseSettings({ PUBLIC_URL: "https://stafettlogg.kommune.invalid/" }))).toBe("https://stafettlogg.kommune.invalid");
    expect(publicBaseUrl(parseSettings({}))).toBe("http://localhost:3000");
    expect(publicBaseUrl(parseSettings({ PORT: "4100" }))).toBe("http://localhost:4100");
    expect(publicBaseUrl.length).toBe(1);
  });
});
