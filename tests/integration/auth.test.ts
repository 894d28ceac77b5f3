import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { database } from "../../db/client.server";
import { loginThrottle, sessions, users } from "../../db/schema";
import * as home from "../../app/routes/_index";
import * as login from "../../app/routes/login";
import * as logout from "../../app/routes/logout";
import { makeUser, sessionFor, TEST_PASSWORD } from "../support/factories";
import { callAction, callLoader, cookieFrom } from "../support/requests";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

afterEach(() => {
  vi.useRealTimers();
});

async function clearThrottle() {
  const { transaction } = await database();
  await transaction((tx) => tx.delete(loginThrottle));
}

function attempt(email: string, password: string, clientAddress = "10.0.0.1") {
  return callAction<{ error?: Record<string, string[]>; initialValue?: Record<string, unknown> }>(
    login.action,
    "/login",
    { form: { email, password, redirectTo: "/" }, clientAddress },
  );
}

describe("sign-in", () => {
  it("opens a session and redirects with an HttpOnly cookie", async () => {
    const user = await makeUser();
    const outcome = await attempt(user.email, TEST_PASSWORD);
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/");
    const cookie = cookieFrom(outcome)!;
    expect(cookie).toMatch(/^stafettlogg_session=[a-z2-7]{32}\.[a-z2-7]{32}$/);
    const page = await callLoader(home.loader, "/", { cookie });
    expect(page.status).toBe(200);
  });

  it("accepts the e-mail address in any case", async () => {
    const user = await makeUser();
    expect((await attempt(user.email.toUpperCase(), TEST_PASSWORD)).status).toBe(302);
  });

  it("stores only the SHA-256 of the session secret", async () => {
    const user = await makeUser();
    const cookie = cookieFrom(await attempt(user.email, TEST_PASSWORD))!;
    const [id, secret] = cookie.split("=")[1]!.split(".");
    const { db } = await database();
    const row = await db.select().from(sessions).where(eq(sessions.id, id!)).get();
    expect(row).toBeDefined();
    expect(Buffer.from(row!.secretHash).toString("utf8")).not.toContain(secret);
    expect(row!.secretHash.byteLength).toBe(32);
  });

  it("hashes passwords with Argon2id", async () => {
    const user = await makeUser();
    const { db } = await database();
    const row = await db.select().from(users).where(eq(users.id, user.id)).get();
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("answers a wrong password, an unknown e-mail and a deactivated account with the same message", async () => {
    await clearThrottle();
    const user = await makeUser();
    const inactive = await makeUser({ active: false });
    const noPassword = await makeUser({ withPassword: false });
    const outcomes = [
      await attempt(user.email, "feil passord her", "10.0.1.1"),
      await attempt("ingen.slik@test.invalid", TEST_PASSWORD, "10.0.1.2"),
      await attempt(inactive.email, TEST_PASSWORD, "10.0.1.3"),
      await attempt(noPassword.email, TEST_PASSWORD, "10.0.1.4"),
    ];
    for (const o of outcomes) {
      expect(o.status).toBe(400);
      expect(o.data.error).toEqual({ "": ["errors.invalid_credentials"] });
      expect(o.headers.get("Set-Cookie")).toBeNull();
    }
  });

  it("keeps the e-mail typed but never echoes the password", async () => {
    const o = await attempt("ingen.slik@test.invalid", "hemmelig-passord-123", "10.0.2.1");
    expect(o.data.initialValue).toMatchObject({ email: "ingen.slik@test.invalid" });
    expect(JSON.stringify(o.data)).not.toContain("hemmelig-passord-123");
  });

  it("shows field errors for empty input and changes nothing", async () => {
    const o = await attempt("", "");
    expect(o.status).toBe(400);
    expect(o.data.error).toMatchObject({ email: ["validation.required"], password: ["validation.required"] });
  });

  it("never redirects off-site after sign-in", async () => {
    const user = await makeUser();
    const o = await callAction(login.action, "/login", {
      form: { email: user.email, password: TEST_PASSWORD, redirectTo: "//evil.example/" },
    });
    expect(o.location).toBe("/");
  });
});

describe("throttling", () => {
  it("slows an account down after three failures and then refuses it for a while", async () => {
    await clearThrottle();
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.UTC(2026, 10, 23, 9, 0);
    vi.setSystemTime(start);
    const user = await makeUser();
    // Different addresses, so only the account limit is in play.
    for (let i = 0; i < 3; i++) expect((await attempt(user.email, "galt passord nr", `10.1.0.${i}`)).status).toBe(400);
    // The fourth attempt, even with the right password, comes too early.
    const early = await attempt(user.email, TEST_PASSWORD, "10.1.0.9");
    expect(early.status).toBe(429);
    expect(early.data.error![""]![0]).toMatch(/^errors\.too_many_attempts\|\d+$/);
    // After the delay the right password works again and clears the counter.
    vi.setSystemTime(start + 1500);
    expect((await attempt(user.email, TEST_PASSWORD, "10.1.0.9")).status).toBe(302);
  });

  it("locks an account for 15 minutes after ten failures", async () => {
    await clearThrottle();
    vi.useFakeTimers({ toFake: ["Date"] });
    let now = Date.UTC(2026, 10, 23, 10, 0);
    vi.setSystemTime(now);
    const user = await makeUser();
    for (let i = 0; i < 10; i++) {
      now += 61_000; // wait out each delay
      vi.setSystemTime(now);
      expect((await attempt(user.email, "galt passord nr", `10.2.0.${i}`)).status).toBe(400);
    }
    now += 10 * MINUTE;
    vi.setSystemTime(now);
    const locked = await attempt(user.email, TEST_PASSWORD, "10.2.1.1");
    expect(locked.status).toBe(429);
    now += 6 * MINUTE;
    vi.setSystemTime(now);
    expect((await attempt(user.email, TEST_PASSWORD, "10.2.1.1")).status).toBe(302);
  });

  it("also limits one address trying many accounts", async () => {
    await clearThrottle();
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.UTC(2026, 10, 23, 11, 0);
    vi.setSystemTime(start);
    for (let i = 0; i < 10; i++) {
      expect((await attempt(`person${i}@test.invalid`, "galt passord nr", "10.3.0.1")).status).toBe(400);
    }
    const user = await makeUser();
    expect((await attempt(user.email, TEST_PASSWORD, "10.3.0.1")).status).toBe(429);
    expect((await attempt(user.email, TEST_PASSWORD, "10.3.0.2")).status).toBe(302);
  });
});

describe("session lifetime", () => {
  it("ends after 30 idle minutes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.UTC(2026, 10, 23, 12, 0);
    vi.setSystemTime(start);
    const user = await makeUser();
    const { cookie } = await sessionFor(user.id);
    vi.setSystemTime(start + 29 * MINUTE);
    expect((await callLoader(home.loader, "/", { cookie })).status).toBe(200);
    // Activity slides the idle window: 29 more minutes is still fine …
    vi.setSystemTime(start + 58 * MINUTE);
    expect((await callLoader(home.loader, "/", { cookie })).status).toBe(200);
    // … but 31 idle minutes are not.
    vi.setSystemTime(start + 89 * MINUTE);
    const expired = await callLoader(home.loader, "/", { cookie });
    expect(expired.status).toBe(302);
    expect(expired.location).toBe("/login");
  });

  it("ends after 12 hours however active the person is", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.UTC(2026, 10, 24, 6, 0);
    vi.setSystemTime(start);
    const user = await makeUser();
    const { cookie, sessionId } = await sessionFor(user.id);
    for (let t = 20 * MINUTE; t < 12 * HOUR; t += 20 * MINUTE) {
      vi.setSystemTime(start + t);
      expect((await callLoader(home.loader, "/", { cookie })).status, `at ${t / MINUTE} min`).toBe(200);
    }
    vi.setSystemTime(start + 12 * HOUR);
    expect((await callLoader(home.loader, "/", { cookie })).status).toBe(302);
    const { db } = await database();
    expect(await db.select().from(sessions).where(eq(sessions.id, sessionId)).get()).toBeUndefined();
  });

  it("refuses a token whose secret does not match", async () => {
    const user = await makeUser();
    const { token } = await sessionFor(user.id);
    const forged = `${token.split(".")[0]}.${"a".repeat(32)}`;
    expect((await callLoader(home.loader, "/", { cookie: `stafettlogg_session=${forged}` })).status).toBe(302);
  });

  it("sign-out deletes the session row, so the old cookie no longer works", async () => {
    const user = await makeUser();
    const { cookie, sessionId } = await sessionFor(user.id);
    const out = await callAction(logout.action, "/logout", { cookie });
    expect(out.status).toBe(302);
    expect(out.location).toBe("/login?signedOut");
    expect(out.headers.get("Set-Cookie")).toContain("Max-Age=0");
    const { db } = await database();
    expect(await db.select().from(sessions).where(eq(sessions.id, sessionId)).get()).toBeUndefined();
    expect((await callLoader(home.loader, "/", { cookie })).status).toBe(302);
  });

  it("a redirect to sign-in remembers where the person was going", async () => {
    const o = await callLoader(home.loader, "/?x=1");
    expect(o.location).toBe("/login?redirectTo=%2F%3Fx%3D1");
  });
});
