import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { database } from "../../db/client.server";
import { sessions, users } from "../../db/schema";
import * as home from "../../app/routes/_index";
import * as newUser from "../../app/routes/admin.users.new";
import * as userPage from "../../app/routes/admin.users.$userId";
import * as invitation from "../../app/routes/account-invitation.$token";
import * as login from "../../app/routes/login";
import { makeService, makeUser, sessionFor } from "../support/factories";
import { callAction, callLoader, cookieFrom } from "../support/requests";

afterEach(() => vi.useRealTimers());

const NEW_PASSWORD = "sola skinner over fjorden";

async function adminCookie() {
  const admin = await makeUser({ isAdministrator: true });
  return (await sessionFor(admin.id)).cookie;
}

async function createInvitedUser(cookie: string, email: string) {
  const service = await makeService();
  const outcome = await callAction<{ created: { id: string; url: string } | null }>(newUser.action, "/admin/users/new", {
    cookie,
    form: { name: "Nora Nyansatt", email, serviceId: service.id, role: "employee", title: "Kontaktlærer" },
  });
  expect(outcome.status).toBe(200);
  const created = outcome.data.created!;
  const token = new URL(created.url).pathname.split("/").pop()!;
  return { id: created.id, token, url: created.url };
}

const setPassword = (token: string, password = NEW_PASSWORD, confirm = password) =>
  callAction<{ error?: Record<string, string[]> }>(invitation.action, `/account-invitation/${token}`, {
    params: { token },
    form: { password, confirm },
  });

describe("invitation links", () => {
  it("lets the new user set a password once and signs them in", async () => {
    const cookie = await adminCookie();
    const { token, url } = await createInvitedUser(cookie, "nora.nyansatt@test.invalid");
    expect(url).toMatch(/^http:\/\/localhost:3000\/account-invitation\/[a-z2-7]{32}$/);

    const page = await callLoader<{ valid: boolean; email: string }>(invitation.loader, url, { params: { token } });
    expect(page.data).toMatchObject({ valid: true, email: "nora.nyansatt@test.invalid" });

    const done = await setPassword(token);
    expect(done.status).toBe(302);
    const session = cookieFrom(done)!;
    expect((await callLoader(home.loader, "/", { cookie: session })).status).toBe(200);

    // The same link again: gone.
    const again = await callLoader<{ valid: boolean }>(invitation.loader, url, { params: { token } });
    expect(again.status).toBe(404);
    expect(again.data.valid).toBe(false);
    expect((await setPassword(token, "et helt annet passord")).status).toBe(404);

    // And the password works on the sign-in form.
    const signIn = await callAction(login.action, "/login", {
      form: { email: "nora.nyansatt@test.invalid", password: NEW_PASSWORD },
    });
    expect(signIn.status).toBe(302);
  });

  it("expires after 72 hours", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.UTC(2026, 10, 23, 8, 0);
    vi.setSystemTime(start);
    const cookie = await adminCookie();
    const { token } = await createInvitedUser(cookie, "sen.bruker@test.invalid");
    vi.setSystemTime(start + 71 * 3_600_000);
    expect((await callLoader(invitation.loader, `/account-invitation/${token}`, { params: { token } })).status).toBe(200);
    vi.setSystemTime(start + 72 * 3_600_000 + 1);
    expect((await callLoader(invitation.loader, `/account-invitation/${token}`, { params: { token } })).status).toBe(404);
    expect((await setPassword(token)).status).toBe(404);
  });

  it("a new link revokes the earlier one", async () => {
    const cookie = await adminCookie();
    const { id, token: first } = await createInvitedUser(cookie, "to.lenker@test.invalid");
    const reissued = await callAction<{ invitation: { url: string } }>(userPage.action, `/admin/users/${id}`, {
      cookie,
      params: { userId: id },
      form: { intent: "reissue" },
    });
    const second = new URL(reissued.data.invitation.url).pathname.split("/").pop()!;
    expect(second).not.toBe(first);
    expect((await setPassword(first)).status).toBe(404);
    expect((await setPassword(second)).status).toBe(302);
  });

  it("refuses weak or mismatched passwords next to the field, keeps the link usable and echoes no password", async () => {
    const cookie = await adminCookie();
    const { id, token } = await createInvitedUser(cookie, "svak.passord@test.invalid");
    const short = await setPassword(token, "kort");
    expect(short.status).toBe(400);
    expect(short.data.error).toMatchObject({ password: ["validation.passwordTooShort"] });
    expect(JSON.stringify(short.data)).not.toContain("kort\"");
    const common = await setPassword(token, "passwordpassword");
    expect(common.data.error).toMatchObject({ password: ["validation.passwordCommon"] });
    const mismatch = await setPassword(token, NEW_PASSWORD, NEW_PASSWORD + "!");
    expect(mismatch.data.error).toMatchObject({ confirm: ["validation.passwordMismatch"] });
    const sameAsEmail = await setPassword(token, "svak.passord@test.invalid");
    expect(sameAsEmail.data.error).toMatchObject({ password: ["errors.password_is_email"] });
    const { db } = await database();
    expect((await db.select().from(users).where(eq(users.id, id)).get())!.passwordHash).toBeNull();
    expect((await setPassword(token)).status).toBe(302);
  });

  it("dies with the account when the user is deactivated", async () => {
    const cookie = await adminCookie();
    const { id, token } = await createInvitedUser(cookie, "slutter.snart@test.invalid");
    await callAction(userPage.action, `/admin/users/${id}`, { cookie, params: { userId: id }, form: { intent: "deactivate" } });
    expect((await setPassword(token)).status).toBe(404);
  });

  it("answers garbage tokens with 404", async () => {
    for (const token of ["", "abc", "x".repeat(32), "../../etc/passwd"]) {
      expect((await callLoader(invitation.loader, `/account-invitation/x`, { params: { token } })).status).toBe(404);
    }
  });

  it("ends the account's earlier sessions when the password is set", async () => {
    const cookie = await adminCookie();
    const { id, token } = await createInvitedUser(cookie, "ny.start@test.invalid");
    const old = await sessionFor(id);
    expect((await setPassword(token)).status).toBe(302);
    const { db } = await database();
    expect(await db.select().from(sessions).where(eq(sessions.id, old.sessionId)).get()).toBeUndefined();
  });
});
