import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { accessLog, children, consents, guardians, logEvents, logs, signInCodes, users } from "../../db/schema";
import { resetSettingsForTests } from "../../app/config.server";
import { SESSION_COOKIE, validateSessionToken } from "../../app/domain/auth/session.server";
import type { Actor } from "../../app/domain/auth/permissions";
import { giveFamilyAccess, revokeFamilyAccess } from "../../app/domain/family/accounts.server";
import { addAction, evaluateAction } from "../../app/domain/logs/actions.server";
import { addEntry } from "../../app/domain/logs/entries.server";
import { addGuardian } from "../../app/domain/logs/lifecycle.server";
import { viewLog } from "../../app/domain/logs/log-page.server";
import { recordWelfareReport, restrictEvent } from "../../app/domain/logs/restrictions.server";
import { addDays, todayInOslo } from "../../app/lib/dates";
import { createId } from "../../app/lib/ids";
import type { TimelineEvent } from "../../app/lib/timeline";
import * as staffHome from "../../app/routes/_index";
import * as familyHome from "../../app/routes/family._index";
import * as codePage from "../../app/routes/family.code";
import * as loginPage from "../../app/routes/family.login";
import * as familyLog from "../../app/routes/family.logs.$logId._index";
import * as closePage from "../../app/routes/family.logs.$logId.close";
import * as consentsPage from "../../app/routes/family.logs.$logId.consents";
import * as entryPage from "../../app/routes/family.logs.$logId.entry";
import * as readersPage from "../../app/routes/family.logs.$logId.readers";
import * as accessPage from "../../app/routes/logs.$logId.family-access";
import { makeService, makeUser, sessionFor } from "../support/factories";
import { actorOf, addParticipant, daysAgo, giveConsent, makeConcern, makeRelayLog, makeSchoolCast } from "../support/log-factories";
import { callAction, callLoader, cookieFrom, type Outcome } from "../support/requests";
import { codeFrom, smtpSettings, startSmtpServer, type RunningSmtpServer } from "../support/smtp";

/**
 * Issue 5: the family's own access — code sign-in, isolation, restricted entries, their
 * voice, digital consent through the gate, "who has read our log", closing at their
 * request. Route modules get real Requests; mail goes to a real SMTP server in-process.
 */
let smtp: RunningSmtpServer;
let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
let address = 0;

beforeAll(async () => {
  smtp = await startSmtpServer();
  Object.assign(process.env, smtpSettings(smtp));
  resetSettingsForTests();
});

beforeEach(async () => {
  cast = await makeSchoolCast();
});

afterAll(async () => {
  for (const key of Object.keys(smtpSettings(smtp))) delete process.env[key];
  resetSettingsForTests();
  await smtp.close();
});

/** Each sign-in comes from its own client address, so throttling tests stay independent. */
const nextAddress = () => `10.0.0.${++address}`;
const uniqueEmail = (who: string) => `${who}-${createId().slice(0, 8)}@familie.invalid`;

async function guardianOf(logId: string, name?: string) {
  const { db } = await database();
  const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
  const rows = await db.select().from(guardians).where(eq(guardians.childId, log.childId));
  return name ? rows.find((g) => g.name === name)! : rows[0]!;
}

/** A relay log held by the teacher, with its guardian given family access by e-mail. */
async function familyLog_(options: { holder?: Actor; serviceId?: string } = {}) {
  const holder = options.holder ?? cast.actors.teacher;
  const { logId } = await makeRelayLog(holder, options.serviceId ?? cast.school.id);
  await giveConsent(holder, logId, "keep");
  const guardian = await guardianOf(logId);
  const email = uniqueEmail("forelder");
  await giveFamilyAccess(holder, logId, { who: guardian.id, email }, { signInUrl: "http://localhost:3000/family/login", locale: "nb" });
  return { logId, guardian, email };
}

async function askForCode(email: string, clientAddress = nextAddress()) {
  const outcome = await callAction(loginPage.action, "/family/login", { form: { email }, clientAddress });
  return { outcome, challenge: cookieFrom(outcome) ?? "", clientAddress };
}

async function signIn(email: string) {
  const { challenge, clientAddress } = await askForCode(email);
  const mail = await smtp.waitForMail((m) => m.to.includes(email) && m.subject === "Engangskode til Stafettlogg");
  smtp.messages.splice(smtp.messages.indexOf(mail), 1);
  const outcome = await callAction(codePage.action, "/family/code", {
    form: { code: codeFrom(mail) },
    cookie: challenge,
    clientAddress,
  });
  expect(outcome.status).toBe(302);
  expect(outcome.location).toBe("/family");
  return cookieFrom(outcome)!;
}

const fieldErrors = (o: Outcome) => (o.data as { error?: Record<string, string[]> }).error ?? {};

describe("signing in with a one-time code", () => {
  it("signs the family member in with the right code: a family session with a shorter idle time", async () => {
    const { email } = await familyLog_();
    const cookie = await signIn(email);
    expect(cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    const session = await validateSessionToken(cookie.slice(SESSION_COOKIE.length + 1));
    expect(session?.kind).toBe("family");
    expect(session!.expiresAt.getTime() - session!.createdAt.getTime()).toBe(15 * 60_000);
  });

  it("e-mails only the code and a generic text: no child's name, no service", async () => {
    const { email } = await familyLog_();
    await askForCode(email);
    const mail = await smtp.waitForMail((m) => m.to.includes(email) && m.subject === "Engangskode til Stafettlogg");
    expect(codeFrom(mail)).toMatch(/^\d{6}$/);
    expect(mail.text).not.toContain("Testbarn");
    expect(mail.text).not.toContain("Testtjeneste");
  });

  it("refuses a wrong code next to the field and counts the attempt", async () => {
    const { email } = await familyLog_();
    const { challenge, clientAddress } = await askForCode(email);
    const mail = await smtp.waitForMail((m) => m.to.includes(email) && m.subject === "Engangskode til Stafettlogg");
    const wrong = codeFrom(mail) === "000000" ? "111111" : "000000";
    const outcome = await callAction(codePage.action, "/family/code", { form: { code: wrong }, cookie: challenge, clientAddress });
    expect(outcome.status).toBe(400);
    expect(fieldErrors(outcome).code).toEqual(["errors.code_wrong"]);
    const { db } = await database();
    const row = await db.select().from(signInCodes).where(eq(signInCodes.id, challenge.split("=")[1]!)).get();
    expect(row?.attempts).toBe(1);
    // The right code still works after one mistake.
    const right = await callAction(codePage.action, "/family/code", { form: { code: codeFrom(mail) }, cookie: challenge, clientAddress });
    expect(right.status).toBe(302);
  });

  it("refuses an expired code", async () => {
    const { email } = await familyLog_();
    const { challenge, clientAddress } = await askForCode(email);
    const mail = await smtp.waitForMail((m) => m.to.includes(email) && m.subject === "Engangskode til Stafettlogg");
    const { transaction } = await database();
    await transaction((tx) =>
      tx.update(signInCodes).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(signInCodes.id, challenge.split("=")[1]!)),
    );
    const outcome = await callAction(codePage.action, "/family/code", { form: { code: codeFrom(mail) }, cookie: challenge, clientAddress });
    expect(outcome.status).toBe(400);
    expect(fieldErrors(outcome).code).toEqual(["errors.code_expired"]);
    expect(cookieFrom(outcome)).toBeUndefined();
  });

  it("spends the code after five wrong tries: even the right one is refused then", async () => {
    const { email } = await familyLog_();
    const { challenge, clientAddress } = await askForCode(email);
    const mail = await smtp.waitForMail((m) => m.to.includes(email) && m.subject === "Engangskode til Stafettlogg");
    const code = codeFrom(mail);
    const wrong = code === "123456" ? "654321" : "123456";
    const answers: string[][] = [];
    for (let i = 0; i < 5; i++) {
      const o = await callAction(codePage.action, "/family/code", { form: { code: wrong }, cookie: challenge, clientAddress });
      answers.push(fieldErrors(o).code ?? []);
    }
    expect(answers.slice(0, 4).every((a) => a[0] === "errors.code_wrong")).toBe(true);
    expect(answers[4]).toEqual(["errors.code_too_many_attempts"]);
    const right = await callAction(codePage.action, "/family/code", { form: { code }, cookie: challenge, clientAddress });
    expect(right.status).toBe(400);
    expect(fieldErrors(right).code).toEqual(["errors.code_too_many_attempts"]);
  });

  it("answers an unknown address exactly like a known one, and sends nothing", async () => {
    const unknown = uniqueEmail("ukjent");
    const { outcome } = await askForCode(unknown);
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/family/code");
    expect(cookieFrom(outcome)).toMatch(/^stafettlogg_code=[a-z2-7]{26}$/);
    const { email } = await familyLog_();
    await askForCode(email);
    await smtp.waitForMail((m) => m.to.includes(email));
    expect(smtp.messages.some((m) => m.to.includes(unknown))).toBe(false);
  });

  it("limits how many codes one address can ask for", async () => {
    const { email } = await familyLog_();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await askForCode(email)).outcome.status);
    expect(statuses.slice(0, 3)).toEqual([302, 302, 302]);
    expect(statuses[3]).toBe(429);
  });

  it("keeps staff and family apart: each is sent to their own pages", async () => {
    const { email } = await familyLog_();
    const family = await signIn(email);
    expect((await callLoader(staffHome.loader, "/", { cookie: family })).location).toBe("/family");
    const staff = await sessionFor(cast.ids.teacher);
    expect((await callLoader(familyHome.loader, "/family", { cookie: staff.cookie })).location).toBe("/family/login");
  });
});

describe("isolation between families", () => {
  it("shows each family only their own child's log; another family's log is a 404", async () => {
    const a = await familyLog_();
    const b = await familyLog_();
    const cookieA = await signIn(a.email);
    const home = await callLoader<{ logs: { id: string }[] }>(familyHome.loader, "/family", { cookie: cookieA });
    expect(home.data.logs.map((l) => l.id)).toEqual([a.logId]);
    for (const [mod, path] of [
      [familyLog, ""],
      [consentsPage, "/consents"],
      [readersPage, "/readers"],
      [entryPage, "/entry"],
      [closePage, "/close"],
    ] as const) {
      const o = await callLoader(mod.loader, `/family/logs/${b.logId}${path}`, { cookie: cookieA, params: { logId: b.logId } });
      expect(o.status, path).toBe(404);
    }
    const write = await callAction(entryPage.action, `/family/logs/${b.logId}/entry`, {
      cookie: cookieA,
      params: { logId: b.logId },
      form: { kind: "note", text: "Skal ikke komme fram" },
    });
    expect(write.status).toBe(404);
  });

  it("needs parental responsibility: losing it (or the holder taking access away) ends access at once", async () => {
    const { logId, guardian, email } = await familyLog_();
    const cookie = await signIn(email);
    const path = `/family/logs/${logId}`;
    expect((await callLoader(familyLog.loader, path, { cookie, params: { logId } })).status).toBe(200);
    const { transaction } = await database();
    await transaction((tx) => tx.update(guardians).set({ parentalResponsibility: false }).where(eq(guardians.id, guardian.id)));
    expect((await callLoader(familyLog.loader, path, { cookie, params: { logId } })).status).toBe(404);
    await transaction((tx) => tx.update(guardians).set({ parentalResponsibility: true }).where(eq(guardians.id, guardian.id)));
    expect((await callLoader(familyLog.loader, path, { cookie, params: { logId } })).status).toBe(200);
    await revokeFamilyAccess(cast.actors.teacher, logId, guardian.id);
    expect((await callLoader(familyLog.loader, path, { cookie, params: { logId } })).status).toBe(404);
  });

  it("gives access only to guardians with parental responsibility, and to the young person from the consent age", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    await addGuardian(cast.actors.teacher, logId, {
      name: "Uten Foreldreansvar",
      relation: "father",
      parentalResponsibility: false,
      toldOn: daysAgo(1),
    });
    const without = await guardianOf(logId, "Uten Foreldreansvar");
    const options = { signInUrl: "http://localhost:3000/family/login", locale: "nb" as const };
    await expect(giveFamilyAccess(cast.actors.teacher, logId, { who: without.id, email: uniqueEmail("far") }, options)).rejects.toMatchObject({
      code: "guardian_without_responsibility",
    });
    // The child in makeRelayLog is ten: under any consent age.
    await expect(giveFamilyAccess(cast.actors.teacher, logId, { who: "young_person", email: uniqueEmail("barn") }, options)).rejects.toMatchObject({
      code: "young_person_under_consent_age",
    });
    // Someone other than the holder may not give access at all.
    const other = await makeRelayLog(cast.actors.teacher, cast.school.id);
    const g = await guardianOf(other.logId);
    await expect(giveFamilyAccess(cast.actors.colleague, other.logId, { who: g.id, email: uniqueEmail("x") }, options)).rejects.toMatchObject({
      status: 404,
    });
  });

  it("lets a young person from the consent age read the log about themself and add their own view", async () => {
    const { logId } = await makeConcern(cast.actors.teacher, cast.school.id, "Ungdom Eksempel");
    const { transaction } = await database();
    await transaction(async (tx) => {
      const log = (await tx.select().from(logs).where(eq(logs.id, logId)).get())!;
      await tx.update(children).set({ birthDate: addDays(todayInOslo(), -17 * 366) }).where(eq(children.id, log.childId));
    });
    await addGuardian(cast.actors.teacher, logId, { name: "Mor Ungdom", relation: "mother", parentalResponsibility: true, toldOn: daysAgo(1) });
    const { becomeRelayLog } = await import("../../app/domain/logs/lifecycle.server");
    await becomeRelayLog(cast.actors.teacher, logId, { level: 1, guardiansToldOn: daysAgo(1), keep: { kind: "defer", reason: "Senere" } });
    const email = uniqueEmail("ungdom");
    await giveFamilyAccess(cast.actors.teacher, logId, { who: "young_person", email }, { signInUrl: "http://x.invalid/family/login", locale: "en" });
    const cookie = await signIn(email);
    const o = await callAction(entryPage.action, `/family/logs/${logId}/entry`, {
      cookie,
      params: { logId },
      form: { kind: "view", text: "Jeg vil ha mer tid på prøver." },
    });
    expect(o.status).toBe(302);
    const { db } = await database();
    const voice = await db.select().from(logEvents).where(and(eq(logEvents.logId, logId), eq(logEvents.type, "child_voice"))).get();
    expect(voice?.data).toEqual({ text: "Jeg vil ha mer tid på prøver.", method: "written" });
    expect((await db.select().from(logs).where(eq(logs.id, logId)).get())?.lastChildVoiceOn).toBe(todayInOslo());
    // The young person cannot close the log: that is for the guardians.
    const close = await callAction(closePage.action, `/family/logs/${logId}/close`, { cookie, params: { logId }, form: { message: "" } });
    expect(close.status).toBe(403);
  });
});

describe("restricted entries", () => {
  it("are absent from every family page, with their reasons, and leave no trace", async () => {
    const { logId, email } = await familyLog_();
    const teacher = cast.actors.teacher;
    await addEntry(teacher, logId, { type: "observation", occurredOn: daysAgo(0), text: "SKJULT-OBSERVASJON-1" , restrictedReason: "GRUNN-A" } as never);
    await recordWelfareReport(teacher, logId, {
      sentOn: daysAgo(0),
      sentBy: "Rektor",
      summary: "SKJULT-MELDING-2",
      restrictedReason: "GRUNN-B",
    });
    const actionId = await addAction(teacher, logId, {
      description: "SKJULT-TILTAK-3",
      goal: "Mål",
      responsible: { kind: "other", text: "Lærer" },
      startOn: daysAgo(0),
      evaluateOn: addDays(todayInOslo(), 30),
    });
    const { db } = await database();
    const actionEvent = (await db
      .select()
      .from(logEvents)
      .where(and(eq(logEvents.logId, logId), eq(logEvents.type, "action")))
      .get())!;
    await restrictEvent(teacher, logId, actionEvent.id, { reason: "GRUNN-C" });
    // An evaluation of the hidden action names it: hidden with it.
    await evaluateAction(teacher, logId, actionId, {
      evaluatedOn: daysAgo(0),
      whatHappened: "SKJULT-EVALUERING-4",
      whatWorked: "Noe",
      childExperience: "Noe",
      decision: "continue",
      nextEvaluateOn: addDays(todayInOslo(), 20),
    });
    await addEntry(teacher, logId, { type: "note", occurredOn: daysAgo(0), text: "SYNLIG-NOTAT" });

    const cookie = await signIn(email);
    const pages = await Promise.all(
      [
        [familyLog, ""],
        [consentsPage, "/consents"],
        [readersPage, "/readers"],
        [entryPage, "/entry"],
        [closePage, "/close"],
      ].map(([mod, path]) =>
        callLoader((mod as typeof familyLog).loader, `/family/logs/${logId}${path}`, { cookie, params: { logId } }),
      ),
    );
    const home = await callLoader(familyHome.loader, "/family", { cookie });
    const everything = JSON.stringify([...pages.map((p) => p.data), home.data]);
    expect(everything).toContain("SYNLIG-NOTAT");
    for (const hidden of ["SKJULT-OBSERVASJON-1", "SKJULT-MELDING-2", "SKJULT-TILTAK-3", "SKJULT-EVALUERING-4", "GRUNN-A", "GRUNN-B", "GRUNN-C", "welfare_report", "restriction", "restricted", "\"seq\"", "nextBefore"]) {
      expect(everything, hidden).not.toContain(hidden);
    }
    // The staff still see all of it.
    const staffView = await viewLog(teacher, logId, { locale: "nb" });
    expect(JSON.stringify(staffView)).toContain("SKJULT-OBSERVASJON-1");
    // … and see that the evaluation of the hidden action is hidden with it, and why.
    const evaluation = staffView.events.find((e: TimelineEvent) => e.type === "evaluation")!;
    expect(evaluation).toMatchObject({ restrictedReason: "GRUNN-C", canRestrict: false });
  });
});

describe("their own voice", () => {
  it("adds a guardian's note and the guardians' view as events with the family member as author and no service", async () => {
    const { logId, email, guardian } = await familyLog_();
    const cookie = await signIn(email);
    for (const [kind, text] of [
      ["note", "Vi har begynt med faste leggetider."],
      ["view", "Vi synes samarbeidet går fint."],
    ]) {
      const o = await callAction(entryPage.action, `/family/logs/${logId}/entry`, { cookie, params: { logId }, form: { kind: kind!, text: text! } });
      expect(o.location).toBe(`/family/logs/${logId}?notice=saved`);
    }
    const { db } = await database();
    const rows = await db.select().from(logEvents).where(eq(logEvents.logId, logId));
    const note = rows.find((r) => r.type === "note" && (r.data as { text: string }).text.startsWith("Vi har"))!;
    const view = rows.find((r) => r.type === "guardian_voice")!;
    const account = (await db.select().from(guardians).where(eq(guardians.id, guardian.id)).get())!.userId;
    expect(note.authorId).toBe(account);
    expect(note.authorServiceId).toBeNull();
    expect(view.data).toEqual({ text: "Vi synes samarbeidet går fint.", method: "written", who: guardian.name });
    // The staff timeline marks them as the family's.
    const staff = await viewLog(cast.actors.teacher, logId, { locale: "nb" });
    const shown = staff.events.find((e: TimelineEvent) => e.id === note.id)!;
    expect(shown.authorKind).toBe("family");
    // Empty text: a message next to the field, nothing written.
    const bad = await callAction(entryPage.action, `/family/logs/${logId}/entry`, { cookie, params: { logId }, form: { kind: "note", text: "  " } });
    expect(bad.status).toBe(400);
    expect((await db.select().from(logEvents).where(eq(logEvents.logId, logId))).length).toBe(rows.length);
  });
});

describe("consent, digitally", () => {
  async function nurseOn(logId: string) {
    await addParticipant(logId, cast.ids.nurse, cast.health.id);
  }
  const nurseCanRead = async (logId: string) =>
    viewLog(cast.actors.nurse, logId, { locale: "nb" }).then(
      () => true,
      (e: { status?: number }) => (e.status === 404 ? false : Promise.reject(e)),
    );

  it("the guardian's consent lets the nurse in; the guardian's withdrawal cuts the nurse's access at once", async () => {
    const { logId, email } = await familyLog_();
    await nurseOn(logId);
    expect(await nurseCanRead(logId)).toBe(false);
    const cookie = await signIn(email);
    const give = await callAction(consentsPage.action, `/family/logs/${logId}/consents`, {
      cookie,
      params: { logId },
      form: { intent: "give", serviceId: cast.health.id, purpose: "Samtaler med helsesykepleier" },
    });
    expect(give.location).toBe(`/family/logs/${logId}?notice=consentGiven`);
    expect(await nurseCanRead(logId)).toBe(true);
    const { db } = await database();
    const consent = (await db.select().from(consents).where(and(eq(consents.logId, logId), eq(consents.scope, "share"))).get())!;
    expect(consent.form).toBe("digital");
    const event = (await db.select().from(logEvents).where(and(eq(logEvents.logId, logId), eq(logEvents.type, "consent_recorded"))).all()).at(-1)!;
    const account = (await db.select().from(users).where(and(eq(users.kind, "family"), eq(users.email, email))).get())!;
    expect(event.authorId).toBe(account.id);
    expect(consent.recordedBy).toBe(account.id);

    const withdraw = await callAction(consentsPage.action, `/family/logs/${logId}/consents`, {
      cookie,
      params: { logId },
      form: { intent: "withdraw", consentId: consent.id, serviceId: cast.health.id, reason: "" },
    });
    expect(withdraw.location).toBe(`/family/logs/${logId}?notice=consentWithdrawn`);
    expect(await nurseCanRead(logId)).toBe(false);
  });

  it("narrows a consent that covers several services: only the withdrawn service loses access", async () => {
    const { logId, email } = await familyLog_();
    const ppt = await makeService({ kind: "ppt" });
    const adviser = await makeUser({ memberships: [{ serviceId: ppt.id, role: "employee" }] });
    await giveConsent(cast.actors.teacher, logId, "share", [ppt.id, cast.health.id]);
    await nurseOn(logId);
    await addParticipant(logId, adviser.id, ppt.id);
    const pptActor = await actorOf(adviser.id);
    const cookie = await signIn(email);
    const page = await callLoader<{ consents: { id: string; scope: string; services: { id: string }[] }[] }>(
      consentsPage.loader,
      `/family/logs/${logId}/consents`,
      { cookie, params: { logId } },
    );
    const shared = page.data.consents.find((c) => c.scope === "share")!;
    expect(shared.services.map((s) => s.id).sort()).toEqual([ppt.id, cast.health.id].sort());
    await callAction(consentsPage.action, `/family/logs/${logId}/consents`, {
      cookie,
      params: { logId },
      form: { intent: "withdraw", consentId: shared.id, serviceId: cast.health.id },
    });
    expect(await nurseCanRead(logId)).toBe(false);
    await expect(viewLog(pptActor, logId, { locale: "nb" })).resolves.toBeTruthy();
  });

  it("with two guardians, one guardian's consent is partial until the other joins it", async () => {
    const { logId, email } = await familyLog_();
    await addGuardian(cast.actors.teacher, logId, { name: "Far Testesen", relation: "father", parentalResponsibility: true, toldOn: daysAgo(1) });
    const father = await guardianOf(logId, "Far Testesen");
    const fatherEmail = uniqueEmail("far");
    await giveFamilyAccess(cast.actors.teacher, logId, { who: father.id, email: fatherEmail }, { signInUrl: "http://x.invalid/family/login", locale: "nb" });
    await nurseOn(logId);
    const mother = await signIn(email);
    await callAction(consentsPage.action, `/family/logs/${logId}/consents`, {
      cookie: mother,
      params: { logId },
      form: { intent: "give", serviceId: cast.health.id, purpose: "Samtaler" },
    });
    expect(await nurseCanRead(logId)).toBe(false);
    const fatherCookie = await signIn(fatherEmail);
    const page = await callLoader<{ consents: { id: string; scope: string; mine: boolean; complete: boolean }[] }>(
      consentsPage.loader,
      `/family/logs/${logId}/consents`,
      { cookie: fatherCookie, params: { logId } },
    );
    const partial = page.data.consents.find((c) => c.scope === "share")!;
    expect(partial).toMatchObject({ mine: false, complete: false });
    await callAction(consentsPage.action, `/family/logs/${logId}/consents`, {
      cookie: fatherCookie,
      params: { logId },
      form: { intent: "renew", consentId: partial.id },
    });
    expect(await nurseCanRead(logId)).toBe(true);
  });

  it("renews the consent to keep the log for another period; the log stays open", async () => {
    const { logId, email } = await familyLog_();
    const { transaction, db } = await database();
    await transaction((tx) =>
      tx.update(consents).set({ expiresOn: addDays(todayInOslo(), 3) }).where(and(eq(consents.logId, logId), eq(consents.scope, "keep"))),
    );
    const keep = (await db.select().from(consents).where(and(eq(consents.logId, logId), eq(consents.scope, "keep"))).get())!;
    const cookie = await signIn(email);
    const o = await callAction(consentsPage.action, `/family/logs/${logId}/consents`, {
      cookie,
      params: { logId },
      form: { intent: "renew", consentId: keep.id },
    });
    expect(o.location).toBe(`/family/logs/${logId}?notice=consentRenewed`);
    const active = (await db.select().from(consents).where(and(eq(consents.logId, logId), eq(consents.status, "active"))))!;
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ scope: "keep", form: "digital", supersedesId: keep.id });
    expect(active[0]!.expiresOn > addDays(todayInOslo(), 300)).toBe(true);
    expect((await db.select().from(logs).where(eq(logs.id, logId)).get())?.state).toBe("open");
    // Withdrawing the consent to keep the log is not done here: that is closing the log.
    const withdraw = await callAction(consentsPage.action, `/family/logs/${logId}/consents`, {
      cookie,
      params: { logId },
      form: { intent: "withdraw", consentId: active[0]!.id, serviceId: cast.school.id },
    });
    expect(withdraw.status).toBe(409);
  });

  it("refuses an unknown service next to the field and changes nothing", async () => {
    const { logId, email } = await familyLog_();
    const cookie = await signIn(email);
    const { db } = await database();
    const before = (await db.select().from(consents).where(eq(consents.logId, logId))).length;
    const o = await callAction(consentsPage.action, `/family/logs/${logId}/consents`, {
      cookie,
      params: { logId },
      form: { intent: "give", serviceId: "finnesikke", purpose: "Noe" },
    });
    expect(o.status).toBe(400);
    expect(fieldErrors(o).serviceId).toEqual(["errors.service_unknown"]);
    expect((await db.select().from(consents).where(eq(consents.logId, logId))).length).toBe(before);
  });
});

describe("who has read our log", () => {
  type Reader = {
    userId: string;
    name: string;
    family: boolean;
    serviceName: string | null;
    count: number;
    lastAt: string;
    reads: { id: string; what: string; at: string; serviceName: string | null }[];
    hasMore: boolean;
  };
  const readers = (cookie: string, logId: string, query = "") =>
    callLoader<{ people: Reader[]; person: Reader | null }>(readersPage.loader, `/family/logs/${logId}/readers${query}`, {
      cookie,
      params: { logId },
    });

  it("groups the reads per person — service, count, last read — staff first, so the family's own visits don't drown them", async () => {
    const { logId, email } = await familyLog_();
    for (let i = 0; i < 3; i++) await viewLog(cast.actors.teacher, logId, { locale: "nb" });
    const cookie = await signIn(email);
    for (let i = 0; i < 12; i++) await callLoader(familyLog.loader, `/family/logs/${logId}`, { cookie, params: { logId } });
    const { people } = (await readers(cookie, logId)).data;
    // The readers page itself is a read too (a "view" of the heading), so the family has 13 or more.
    expect(people.map((p) => p.family)).toEqual([false, true]);
    const [teacher, family] = people as [Reader, Reader];
    expect(teacher).toMatchObject({ name: cast.actors.teacher.name, count: 3, hasMore: false });
    expect(teacher.serviceName).toMatch(/^Testtjeneste/);
    expect(teacher.reads).toHaveLength(3);
    expect(teacher.reads.every((r) => r.what === "view")).toBe(true);
    expect(family.count).toBeGreaterThanOrEqual(13);
    expect(family).toMatchObject({ serviceName: null, hasMore: true });
    // Details on demand: the latest ten, newest first, ending at the last read.
    expect(family.reads).toHaveLength(10);
    const times = family.reads.map((r) => r.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(family.lastAt).toBe(times[0]);
  });

  it("pages one person's every read, and shows nobody else's there", async () => {
    const { logId, email } = await familyLog_();
    await viewLog(cast.actors.teacher, logId, { locale: "nb" });
    const cookie = await signIn(email);
    const { db } = await database();
    const me = (await db.select().from(users).where(eq(users.email, email)).get())!;
    const start = Date.now() - 100 * 60_000;
    await db.insert(accessLog).values(
      Array.from({ length: 60 }, (_, i) => ({ id: createId(), logId, userId: me.id, serviceId: null, kind: "view" as const, at: new Date(start + i * 60_000) })),
    );
    const first = (await readers(cookie, logId, `?person=${me.id}`)).data;
    expect(first.people).toHaveLength(1);
    expect(first.person).toMatchObject({ userId: me.id, family: true, hasMore: true });
    expect(first.person!.count).toBeGreaterThanOrEqual(61);
    expect(first.person!.reads).toHaveLength(50);
    // The next page starts after the last read shown, although this visit was a read too.
    const second = (await readers(cookie, logId, `?person=${me.id}&before=${first.person!.reads.at(-1)!.id}`)).data;
    expect(second.person!.reads.length).toBe(first.person!.count - 50);
    expect(second.person!.hasMore).toBe(false);
    const shown = [...first.person!.reads, ...second.person!.reads].map((r) => r.id);
    expect(new Set(shown).size).toBe(first.person!.count);
    // A person who has not read this log gives an empty page, not someone else's reads.
    const other = (await readers(cookie, logId, `?person=${createId()}`)).data;
    expect(other).toMatchObject({ people: [], person: null });
  });
});

describe("closing at the family's request", () => {
  it("closes the log with the reason, tells the holder by e-mail, and leaves it readable but not writable", async () => {
    const holderService = await makeService({ kind: "school" });
    const holder = await makeUser({ email: uniqueEmail("holder"), memberships: [{ serviceId: holderService.id, role: "employee" }] });
    const { logId, email } = await familyLog_({ holder: await actorOf(holder.id), serviceId: holderService.id });
    const cookie = await signIn(email);
    const o = await callAction(closePage.action, `/family/logs/${logId}/close`, {
      cookie,
      params: { logId },
      form: { message: "Det går bra nå." },
    });
    expect(o.location).toBe(`/family/logs/${logId}?notice=closed`);
    const { db } = await database();
    const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
    expect(log.state).toBe("closed");
    expect(log.closeReason).toBe("guardians_request");
    const mail = await smtp.waitForMail((m) => m.to.includes(holder.email));
    expect(mail.text).toContain(`/logs/${logId}`);
    expect(mail.text).not.toContain("Testbarn");
    expect((await callLoader(familyLog.loader, `/family/logs/${logId}`, { cookie, params: { logId } })).status).toBe(200);
    const write = await callAction(entryPage.action, `/family/logs/${logId}/entry`, { cookie, params: { logId }, form: { kind: "note", text: "Etterpå" } });
    expect(write.status).toBe(409);
  });
});

describe("the holder gives access", () => {
  it("through the form: the guardian gets a mail with the sign-in link, and the timeline says so", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    const guardian = await guardianOf(logId);
    const staff = await sessionFor(cast.ids.teacher);
    const page = await callLoader<{ guardians: { id: string; hasAccess: boolean }[] }>(accessPage.loader, `/logs/${logId}/family-access`, {
      cookie: staff.cookie,
      params: { logId },
    });
    expect(page.data.guardians).toEqual([expect.objectContaining({ id: guardian.id, hasAccess: false })]);
    const email = uniqueEmail("invitert");
    const bad = await callAction(accessPage.action, `/logs/${logId}/family-access`, {
      cookie: staff.cookie,
      params: { logId },
      form: { who: guardian.id, email, nationalId: "12345678901" },
    });
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad).nationalId).toBeDefined();
    const o = await callAction(accessPage.action, `/logs/${logId}/family-access`, {
      cookie: staff.cookie,
      params: { logId },
      form: { who: guardian.id, email },
    });
    expect(o.location).toBe(`/logs/${logId}?notice=given`);
    const mail = await smtp.waitForMail((m) => m.to.includes(email));
    expect(mail.text).toContain("http://localhost:3000/family/login");
    expect(mail.text).not.toContain("Testbarn");
    const { db } = await database();
    const event = await db.select().from(logEvents).where(and(eq(logEvents.logId, logId), eq(logEvents.type, "family_access"))).get();
    expect(event?.data).toEqual({ name: guardian.name, role: "guardian", granted: true });
    // A family account is not a staff account: the administrator's list does not show it.
    const account = await db.select().from(users).where(and(eq(users.kind, "family"), eq(users.email, email))).get();
    expect(account?.passwordHash).toBeNull();
  });
});
