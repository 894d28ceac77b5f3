import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetSettingsForTests } from "../../app/config.server";
import { giveFamilyAccess } from "../../app/domain/family/accounts.server";
import { createId } from "../../app/lib/ids";
import * as newUserPage from "../../app/routes/admin.users.new";
import * as codePage from "../../app/routes/family.code";
import * as loginPage from "../../app/routes/family.login";
import * as closePage from "../../app/routes/family.logs.$logId.close";
import * as accessPage from "../../app/routes/logs.$logId.family-access";
import { database } from "../../db/client.server";
import { guardians, logs } from "../../db/schema";
import { makeService, makeUser, sessionFor } from "../support/factories";
import { actorOf, giveConsent, makeRelayLog, makeSchoolCast } from "../support/log-factories";
import { callAction, cookieFrom } from "../support/requests";
import { codeFrom, smtpSettings, startSmtpServer, type RunningSmtpServer } from "../support/smtp";

/**
 * Issue 9 point 7: links in e-mails never come from the request. A request's Host header
 * is chosen by whoever sends it; here every request is addressed to evil.example, and the
 * mail must still link to PUBLIC_URL (or, in the demo, to http://localhost:PORT).
 */
const EVIL = "http://evil.example";
const PUBLIC = "https://stafettlogg.kommune.invalid";

let smtp: RunningSmtpServer;
let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
let address = 0;

function useSettings(env: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetSettingsForTests();
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  useSettings(smtpSettings(smtp));
});

afterAll(async () => {
  const smtpKeys = Object.fromEntries(Object.keys(smtpSettings(smtp)).map((key) => [key, undefined]));
  useSettings({ ...smtpKeys, PUBLIC_URL: "http://localhost:3000", DEMO_DATA: "false", PORT: undefined });
  await smtp.close();
});

beforeEach(async () => {
  useSettings({ DEMO_DATA: "false", PUBLIC_URL: PUBLIC, PORT: undefined });
  cast = await makeSchoolCast();
});

const uniqueEmail = (who: string) => `${who}-${createId().slice(0, 8)}@familie.invalid`;
const fromEvil = { headers: { Host: "evil.example", Origin: EVIL, "X-Forwarded-Host": "evil.example" } };

/** Every link in a mail's text and html. */
function links(mail: { text: string; html: string }) {
  return [...`${mail.text} ${mail.html}`.matchAll(/https?:\/\/[^\s"<>]+/g)].map((m) => m[0]);
}

async function familyMember(holderEmail: string) {
  const service = await makeService({ kind: "school" });
  const holder = await makeUser({ email: holderEmail, memberships: [{ serviceId: service.id, role: "employee" }] });
  const holderActor = await actorOf(holder.id);
  const { logId } = await makeRelayLog(holderActor, service.id);
  await giveConsent(holderActor, logId, "keep");
  const { db } = await database();
  const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
  const guardian = (await db.select().from(guardians).where(eq(guardians.childId, log.childId)).get())!;
  const email = uniqueEmail("forelder");
  await giveFamilyAccess(holderActor, logId, { who: guardian.id, email }, { signInUrl: `${PUBLIC}/family/login`, locale: "nb" });
  const clientAddress = `10.9.0.${++address}`;
  const asked = await callAction(loginPage.action, "/family/login", { form: { email }, clientAddress });
  const codeMail = await smtp.waitForMail((m) => m.to.includes(email) && m.subject === "Engangskode til Stafettlogg");
  const signedIn = await callAction(codePage.action, "/family/code", {
    form: { code: codeFrom(codeMail) },
    cookie: cookieFrom(asked) ?? "",
    clientAddress,
  });
  expect(signedIn.location).toBe("/family");
  return { logId, cookie: cookieFrom(signedIn)! };
}

describe("links in e-mails", () => {
  it("a guardian's close request sent to Host: evil.example mails the holder a link to PUBLIC_URL", async () => {
    const holderEmail = uniqueEmail("holder");
    const { logId, cookie } = await familyMember(holderEmail);
    const closed = await callAction(closePage.action, `${EVIL}/family/logs/${logId}/close`, {
      ...fromEvil,
      cookie,
      params: { logId },
      form: { message: "Det går bra nå." },
    });
    expect(closed.location).toBe(`/family/logs/${logId}?notice=closed`);
    const mail = await smtp.waitForMail((m) => m.to.includes(holderEmail));
    expect(links(mail)).toContain(`${PUBLIC}/logs/${logId}`);
    expect(`${mail.text}${mail.html}`).not.toContain("evil.example");
  });

  it("in the demo (no PUBLIC_URL) the link is the demo's own http://localhost:PORT, not the request's host", async () => {
    const holderEmail = uniqueEmail("holder");
    const { logId, cookie } = await familyMember(holderEmail);
    useSettings({ DEMO_DATA: "true", PUBLIC_URL: undefined, PORT: "4123" });
    await callAction(closePage.action, `${EVIL}/family/logs/${logId}/close`, { ...fromEvil, cookie, params: { logId }, form: { message: "" } });
    const mail = await smtp.waitForMail((m) => m.to.includes(holderEmail));
    expect(links(mail)).toContain(`http://localhost:4123/logs/${logId}`);
    expect(`${mail.text}${mail.html}`).not.toContain("evil.example");
  });

  it("the holder's 'give access' form sent to Host: evil.example mails the guardian the demo's own sign-in link", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    const { db } = await database();
    const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
    const guardian = (await db.select().from(guardians).where(eq(guardians.childId, log.childId)).get())!;
    const staff = await sessionFor(cast.ids.teacher);
    const email = uniqueEmail("invitert");
    useSettings({ DEMO_DATA: "true", PUBLIC_URL: undefined, PORT: "4124" });
    const given = await callAction(accessPage.action, `${EVIL}/logs/${logId}/family-access`, {
      ...fromEvil,
      cookie: staff.cookie,
      params: { logId },
      form: { who: guardian.id, email },
    });
    expect(given.location).toBe(`/logs/${logId}?notice=given`);
    const mail = await smtp.waitForMail((m) => m.to.includes(email));
    expect(links(mail)).toContain("http://localhost:4124/family/login");
    expect(`${mail.text}${mail.html}`).not.toContain("evil.example");
  });

  it("the invitation link an administrator passes on points to PUBLIC_URL too", async () => {
    const admin = await makeUser({ email: uniqueEmail("admin"), isAdministrator: true });
    const session = await sessionFor(admin.id);
    const created = await callAction<{ created?: { url: string } }>(newUserPage.action, `${EVIL}/admin/users/new`, {
      ...fromEvil,
      cookie: session.cookie,
      form: { name: "Ny Ansatt", email: uniqueEmail("ny") },
    });
    expect(created.data.created?.url).toMatch(new RegExp(`^${PUBLIC.replace(/\./g, "\\.")}/account-invitation/[a-z2-7]{32}$`));
  });
});
