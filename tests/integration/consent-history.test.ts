import { and, eq } from "drizzle-orm";
import { createElement as h } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { children, consentServices, consents, guardians, logEvents, logs } from "../../db/schema";
import { resetSettingsForTests } from "../../app/config.server";
import { createSession, SESSION_COOKIE } from "../../app/domain/auth/session.server";
import type { Actor } from "../../app/domain/auth/permissions";
import { consentState, recordConsent, type ConsentInput } from "../../app/domain/consent/consents.server";
import { giveFamilyAccess } from "../../app/domain/family/accounts.server";
import { viewLog } from "../../app/domain/logs/log-page.server";
import { EventItem } from "../../app/components/logs/EventItem";
import { addDays } from "../../app/lib/dates";
import type { TimelineEvent } from "../../app/lib/timeline";
import * as familyLogPage from "../../app/routes/family.logs.$logId._index";
import * as familyConsentsPage from "../../app/routes/family.logs.$logId.consents";
import * as logPage from "../../app/routes/logs.$logId._index";
import * as withdrawPage from "../../app/routes/logs.$logId.consents.$consentId.withdraw";
import { makeService, makeUser, sessionFor } from "../support/factories";
import { actorOf, addParticipant, daysAgo, giveConsent, makeRelayLog, makeSchoolCast, today } from "../support/log-factories";
import { articles, renderComponent, renderRoute, textOf } from "../support/render";
import { callAction, callLoader } from "../support/requests";
import { smtpSettings, startSmtpServer, type RunningSmtpServer } from "../support/smtp";

/**
 * Issue 9 points 1, 2 and 4: the consent history tells the truth. A withdrawal — whole or
 * for one service, by the family or by staff — is a withdrawal on both timelines (which
 * service, by whom, today); "withdraw for X" ends every consent of that person covering X,
 * and what the pages say beforehand and afterwards is what the gate then does; giving
 * again renews; a consent shows how it was given. Pages are server-rendered from their
 * real loaders, the way a browser without script gets them. All people are invented.
 */
let smtp: RunningSmtpServer;
let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
const PPT = "PPT Vestkanten";
const HEALTH = "Helsestasjonen Vestkanten";
let ppt: string;
let health: string;
let adviser: Actor;
let nurse: Actor;
let teacherCookie: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  Object.assign(process.env, smtpSettings(smtp));
  resetSettingsForTests();
});

beforeEach(async () => {
  cast = await makeSchoolCast();
  ppt = (await makeService({ name: PPT, kind: "ppt" })).id;
  health = (await makeService({ name: HEALTH, kind: "health_clinic" })).id;
  adviser = await actorOf((await makeUser({ name: "Per Rådgiver", memberships: [{ serviceId: ppt, role: "employee" }] })).id);
  nurse = await actorOf((await makeUser({ name: "Siri Sykepleier", memberships: [{ serviceId: health, role: "employee" }] })).id);
  teacherCookie = (await sessionFor(cast.ids.teacher)).cookie;
});

afterAll(async () => {
  for (const key of Object.keys(smtpSettings(smtp))) delete process.env[key];
  resetSettingsForTests();
  await smtp.close();
});

const teacher = () => cast.actors.teacher;
const longDate = (iso: string, locale: "nb" | "en" = "nb") =>
  new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nb-NO", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

/** Whether the person's next request for the log gets it (true) or the 404 (false). */
const canRead = (who: Actor, logId: string) =>
  viewLog(who, logId, { locale: "nb" }).then(
    () => true,
    (e: { status?: number }) => (e.status === 404 ? false : Promise.reject(e)),
  );

/**
 * A relay log held by the teacher, with consent to keep it, the PPT adviser and the nurse
 * taking part, and the guardian ("Mor Vestby") signed in to the family pages.
 */
async function setting() {
  const { logId } = await makeRelayLog(teacher(), cast.school.id, "Ola Vestby");
  await giveConsent(teacher(), logId, "keep");
  const { db } = await database();
  const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
  const guardian = (await db.select().from(guardians).where(eq(guardians.childId, log.childId)).get())!;
  await giveFamilyAccess(teacher(), logId, { who: guardian.id, email: `mor-${logId.slice(0, 6)}@familie.invalid` }, {
    signInUrl: "http://localhost:3000/family/login",
    locale: "nb",
  });
  const account = (await db.select().from(guardians).where(eq(guardians.id, guardian.id)).get())!.userId!;
  const { token } = await createSession(account, "family");
  await addParticipant(logId, adviser.id, ppt);
  await addParticipant(logId, nurse.id, health);
  return { logId, log, guardian, account, cookie: `${SESSION_COOKIE}=${token}` };
}

/** The holder records a consent from the guardian (oral, with a note, unless told otherwise). */
function staffConsent(logId: string, guardianId: string, serviceIds: string[], more: Partial<ConsentInput> = {}, confirmLoss = false) {
  return recordConsent(teacher(), logId, {
    scope: "share",
    decision: "given",
    form: "oral",
    note: "Mor sa ja i telefonen etter foreldremøtet.",
    purpose: "Samarbeid om lesing",
    guardianIds: [guardianId],
    youngPerson: false,
    serviceIds,
    givenOn: daysAgo(10),
    ...more,
  }, { confirmLoss });
}

const familyAction = (logId: string, cookie: string, form: Record<string, string>) =>
  callAction(familyConsentsPage.action, `/family/logs/${logId}/consents`, { cookie, params: { logId }, form });

async function eventsOf(logId: string) {
  const { db } = await database();
  return db.select().from(logEvents).where(eq(logEvents.logId, logId)).orderBy(logEvents.seq);
}

describe("a withdrawal is recorded as a withdrawal", () => {
  it("a guardian withdrawing one service of a two-service consent: 'withdrawn, PPT, by her, today' on the family and the staff timeline", async () => {
    const { logId, guardian, account, cookie } = await setting();
    const { consentId } = await staffConsent(logId, guardian.id, [ppt, health]);
    const before = (await eventsOf(logId)).filter((e) => e.type === "consent_recorded").length;

    const o = await familyAction(logId, cookie, { intent: "withdraw", consentId, serviceId: ppt, reason: "" });
    expect(o.location).toBe(`/family/logs/${logId}?notice=consentWithdrawn`);

    const events = await eventsOf(logId);
    // No new consent is recorded: the narrowing is the withdrawal itself.
    expect(events.filter((e) => e.type === "consent_recorded")).toHaveLength(before);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ type: "consent_withdrawn", occurredOn: today(), authorId: account });
    expect(last.data).toMatchObject({ services: [PPT], remaining: [HEALTH], scope: "share" });

    // The family's timeline, as the page renders it.
    const family = await renderRoute(familyLogPage, "/family/logs/:logId", `/family/logs/${logId}`, { cookie });
    expect(family.status).toBe(200);
    const familyEntry = textOf(articles(family.html)[0]!);
    expect(familyEntry).toContain(`Samtykke trukket tilbake · ${longDate(today())}`);
    expect(familyEntry).toContain(`Trukket tilbake for: ${PPT}`);
    expect(familyEntry).toContain(`Samtykket gjelder fortsatt for: ${HEALTH}`);
    expect(familyEntry).toContain("Foresatt Testesen (familien)");
    expect(familyEntry).not.toMatch(/Samtykke (gitt|registrert)/);
    expect(family.html).not.toContain("Samtykke registrert");

    // The teacher's timeline says the same, and the consent list shows what remains as changed today.
    const staff = await renderRoute(logPage, "/logs/:logId", `/logs/${logId}`, { cookie: teacherCookie });
    const staffEntry = textOf(articles(staff.html)[0]!);
    expect(staffEntry).toContain(`Samtykke trukket tilbake · ${longDate(today())}`);
    expect(staffEntry).toContain(`Trukket tilbake for: ${PPT}`);
    expect(staffEntry).toContain("Foresatt Testesen (familien)");
    const section = textOf(staff.html.slice(staff.html.indexOf('id="consents-heading"')));
    expect(section).toContain(`1 av 1 foresatte har samtykket til deling med: ${HEALTH} –`);
    expect(section).toContain(`Gitt ${longDate(daysAgo(10))}`);
    expect(section).toContain(`Endret ${longDate(today())}`);

    // In English too.
    const en = await renderRoute(logPage, "/logs/:logId", `/logs/${logId}`, { cookie: teacherCookie, locale: "en" });
    expect(textOf(articles(en.html)[0]!)).toContain(`Consent withdrawn · ${longDate(today(), "en")}`);
    expect(textOf(articles(en.html)[0]!)).toContain(`Withdrawn for: ${PPT}`);

    // And the gate: PPT is out at once, the health service still in.
    expect(await canRead(adviser, logId)).toBe(false);
    expect(await canRead(nurse, logId)).toBe(true);
  });

  it("the holder's 'change' that removes a service reads as a narrowing, one that adds as a widening, the same services as a renewal", async () => {
    const { logId, guardian } = await setting();
    const first = await staffConsent(logId, guardian.id, [ppt, health]);
    const narrowed = await staffConsent(logId, guardian.id, [health], { replacesId: first.consentId, givenOn: today() }, true);
    const widened = await staffConsent(logId, guardian.id, [health, ppt], { replacesId: narrowed.consentId, givenOn: today() });
    await staffConsent(logId, guardian.id, [health, ppt], { replacesId: widened.consentId, givenOn: today() });
    const recorded = (await eventsOf(logId)).filter((e) => e.type === "consent_recorded").slice(-4);
    expect(recorded.map((e) => (e.data as { change?: string }).change)).toEqual(["given", "narrowed", "widened", "renewed"]);
    expect(recorded[1]!.data).toMatchObject({ removed: [PPT] });
    expect(recorded[2]!.data).toMatchObject({ added: [PPT] });

    const staff = await renderRoute(logPage, "/logs/:logId", `/logs/${logId}`, { cookie: teacherCookie });
    const [renewed, widenedEntry, narrowedEntry, given] = articles(staff.html).map(textOf);
    expect(renewed).toContain("Samtykke fornyet");
    expect(widenedEntry).toContain("Samtykke utvidet");
    expect(widenedEntry).toContain(`Lagt til: ${PPT}`);
    expect(narrowedEntry).toContain("Samtykke innskrenket");
    expect(narrowedEntry).toContain(`Trukket tilbake for: ${PPT}`);
    expect(narrowedEntry).toContain(`Gjelder nå: ${HEALTH}`);
    expect(narrowedEntry).not.toContain("Samtykke gitt");
    expect(given).toContain("Samtykke gitt");
  });

  it("events recorded before this change still render, and a replacement among them never reads as given", () => {
    const base = {
      id: "e1",
      seq: 5,
      occurredOn: "2026-10-01",
      recordedAt: "2026-11-20T10:00:00.000Z",
      authorName: "Foresatt Testesen",
      authorServiceName: null,
      authorKind: "family" as const,
      correctsEventId: null,
      correctedBy: null,
      restrictedReason: null,
      canCorrect: false,
      canRestrict: false,
    };
    const legacyNarrowing: TimelineEvent = {
      ...base,
      type: "consent_recorded",
      data: {
        consentId: "c2",
        scope: "share",
        decision: "given",
        form: "digital",
        purpose: "Samarbeid",
        services: [HEALTH],
        givenBy: ["Foresatt Testesen"],
        youngPerson: false,
        givenOn: "2026-10-01",
        expiresOn: "2027-10-01",
        replaces: "c1",
      },
    };
    const text = textOf(renderComponent(h(EventItem, { event: legacyNarrowing, logId: "x" })));
    expect(text).toContain("Samtykke endret · 1. oktober 2026");
    expect(text).toContain(`Gjelder nå: ${HEALTH}`);
    expect(text).not.toContain("Samtykke gitt");
    const legacyWithdrawal: TimelineEvent = {
      ...base,
      type: "consent_withdrawn",
      data: { consentId: "c1", scope: "share", services: [PPT, HEALTH], reason: "Ønsker ikke deling" },
    };
    const withdrawn = textOf(renderComponent(h(EventItem, { event: legacyWithdrawal, logId: "x" }), "en"));
    expect(withdrawn).toContain(`Consent withdrawn · 1 October 2026`);
    expect(withdrawn).toContain(`It covered: ${PPT}, ${HEALTH}`);
    expect(withdrawn).toContain("Ønsker ikke deling");
  });
});

describe("one answer per guardian, service and purpose", () => {
  it("after 'withdraw for PPT' the PPT adviser's next request is 404, however many consents covered PPT and whoever recorded them", async () => {
    const { logId, guardian, cookie } = await setting();
    // The guardian herself, in the app…
    const give = await familyAction(logId, cookie, { intent: "give", serviceId: ppt, purpose: "Vurdering hos PPT" });
    expect(give.location).toBe(`/family/logs/${logId}?notice=consentGiven`);
    // …and the holder, twice, in parallel: written for PPT and health, oral for PPT alone.
    const written = await staffConsent(logId, guardian.id, [ppt, health], { form: "written", note: undefined });
    await staffConsent(logId, guardian.id, [ppt]);
    const { db } = await database();
    const covering = async () =>
      (
        await db
          .select({ id: consents.id })
          .from(consents)
          .innerJoin(consentServices, eq(consentServices.consentId, consents.id))
          .where(and(eq(consents.logId, logId), eq(consents.status, "active"), eq(consentServices.serviceId, ppt)))
      ).length;
    expect(await covering()).toBe(3);
    expect(await canRead(adviser, logId)).toBe(true);

    // The page says beforehand that nobody else's consent keeps PPT in.
    const page = await renderRoute(familyConsentsPage, "/family/logs/:logId/consents", `/family/logs/${logId}/consents`, { cookie });
    expect(textOf(page.html)).not.toContain(`Trekker du tilbake for ${PPT}, kan tjenesten fortsatt lese loggen`);

    const o = await familyAction(logId, cookie, { intent: "withdraw", consentId: written.consentId, serviceId: ppt, reason: "Vi vil vente" });
    expect(o.location).toBe(`/family/logs/${logId}?notice=consentWithdrawn`);
    expect(await covering()).toBe(0);
    expect(await canRead(adviser, logId)).toBe(false);
    const adviserPage = await callLoader(logPage.loader, `/logs/${logId}`, { cookie: (await sessionFor(adviser.id)).cookie, params: { logId } });
    expect(adviserPage.status).toBe(404);
    expect(await canRead(nurse, logId)).toBe(true);
    // One withdrawal, naming every consent it ended.
    const last = (await eventsOf(logId)).at(-1)!;
    expect(last.type).toBe("consent_withdrawn");
    expect((last.data as { consentIds: string[] }).consentIds).toHaveLength(3);
  });

  it("when another person's consent keeps the service in, the family page says so before and after, and the gate agrees", async () => {
    const { logId, log, guardian, cookie } = await setting();
    const { transaction } = await database();
    // Ola is 17: from the consent age (16) he consents himself.
    await transaction((tx) => tx.update(children).set({ birthDate: addDays(today(), -17 * 366) }).where(eq(children.id, log.childId)));
    const mine = await staffConsent(logId, guardian.id, [ppt, health]);
    await staffConsent(logId, guardian.id, [ppt], { guardianIds: [], youngPerson: true, note: "Ola sa ja selv i samtale." });

    const page = await renderRoute(familyConsentsPage, "/family/logs/:logId/consents", `/family/logs/${logId}/consents`, { cookie });
    const text = textOf(page.html);
    expect(text).toContain(`Trekker du tilbake for ${PPT}, kan tjenesten fortsatt lese loggen, fordi ungdommen selv har samtykket.`);
    expect(text).not.toContain(`Trekker du tilbake for ${HEALTH}, kan tjenesten fortsatt`);
    // The guardian may not withdraw the young person's own consent: no button for it.
    const youngCard = page.html.split("<li").find((li) => li.includes("Gitt av ungdommen selv"))!;
    expect(youngCard).not.toContain('value="withdraw"');

    const o = await familyAction(logId, cookie, { intent: "withdraw", consentId: mine.consentId, serviceId: ppt, reason: "" });
    expect(o.location).toBe(`/family/logs/${logId}?notice=consentWithdrawnStillIn`);
    expect(await canRead(adviser, logId)).toBe(true);
    const after = await renderRoute(familyLogPage, "/family/logs/:logId", `/family/logs/${logId}?notice=consentWithdrawnStillIn`, { cookie });
    expect(textOf(after.html)).toContain("Tjenesten kan likevel fortsatt lese loggen, fordi et annet samtykke gjelder for den.");

    // The holder withdraws the young person's consent: the form says PPT loses access, and it does.
    const youngId = (await consentState((await database()).db, log)).find((c) => c.youngPerson)!.id;
    const form = await renderRoute(withdrawPage, "/logs/:logId/consents/:consentId/withdraw", `/logs/${logId}/consents/${youngId}/withdraw`, {
      cookie: teacherCookie,
    });
    expect(textOf(form.html)).toContain(`${PPT} mister tilgangen til loggen med en gang.`);
    const w = await callAction(withdrawPage.action, "/x", { cookie: teacherCookie, params: { logId, consentId: youngId }, form: { reason: "Ola trakk det tilbake", confirmLoss: "on" } });
    expect(w.status).toBe(302);
    expect(await canRead(adviser, logId)).toBe(false);
  });

  it("staff withdraw one service of a multi-service consent without going through 'change', the form telling first what will happen", async () => {
    const { logId, guardian } = await setting();
    const both = await staffConsent(logId, guardian.id, [ppt, health], { form: "written", note: undefined, attachment: new TextEncoder().encode("%PDF-1.4 skjema") });
    await staffConsent(logId, guardian.id, [ppt]);

    const staff = await renderRoute(logPage, "/logs/:logId", `/logs/${logId}`, { cookie: teacherCookie });
    expect(staff.html).toContain(`href="/logs/${logId}/consents/${both.consentId}/withdraw?service=${ppt}"`);
    expect(textOf(staff.html)).toContain(`Trekk tilbake for ${PPT}`);

    const path = `/logs/${logId}/consents/${both.consentId}/withdraw?service=${ppt}`;
    const form = await renderRoute(withdrawPage, "/logs/:logId/consents/:consentId/withdraw", path, { cookie: teacherCookie });
    const text = textOf(form.html);
    expect(text).toContain(`Trekk tilbake samtykke for ${PPT}`);
    expect(text).toContain(`Samtykket for ${PPT} er registrert 2 ganger for de samme personene. Alle trekkes tilbake.`);
    expect(text).toContain(`${PPT} mister tilgangen til loggen med en gang.`);
    expect(form.html).toContain(`<input type="hidden" name="serviceId" value="${ppt}"/>`);

    // A missing reason: the message next to the field, nothing written.
    const count = (await eventsOf(logId)).length;
    const bad = await callAction(withdrawPage.action, path, { cookie: teacherCookie, params: { logId, consentId: both.consentId }, form: { serviceId: ppt, reason: " " } });
    expect(bad.status).toBe(400);
    expect((await eventsOf(logId)).length).toBe(count);
    expect(await canRead(adviser, logId)).toBe(true);

    const ok = await callAction(withdrawPage.action, path, {
      cookie: teacherCookie,
      params: { logId, consentId: both.consentId },
      form: { serviceId: ppt, reason: "Mor ringte og trakk samtykket for PPT", confirmLoss: "on" },
    });
    expect(ok.location).toBe(`/logs/${logId}?notice=withdrawn#notice`);
    expect(await canRead(adviser, logId)).toBe(false);
    expect(await canRead(nurse, logId)).toBe(true);
    const last = (await eventsOf(logId)).at(-1)!;
    expect(last).toMatchObject({ type: "consent_withdrawn", occurredOn: today(), authorId: cast.ids.teacher });
    expect(last.data).toMatchObject({ services: [PPT], remaining: [HEALTH], reason: "Mor ringte og trakk samtykket for PPT" });
    // What remains is the same written consent: its signed form is still there.
    const rest = (await consentState((await database()).db, (await (await database()).db.select().from(logs).where(eq(logs.id, logId)).get())!)).find(
      (c) => c.scope === "share",
    )!;
    expect(rest).toMatchObject({ form: "written", hasAttachment: true, givenOn: daysAgo(10), changedOn: today() });
    expect(rest.services.map((s) => s.name)).toEqual([HEALTH]);
  });

  it("giving consent for a service already covered renews it, and the form does not offer it as new", async () => {
    const { logId, cookie } = await setting();
    await familyAction(logId, cookie, { intent: "give", serviceId: ppt, purpose: "Vurdering hos PPT" });
    const page = await callLoader<{ services: { id: string }[] }>(familyConsentsPage.loader, `/family/logs/${logId}/consents`, { cookie, params: { logId } });
    expect(page.data.services.map((s) => s.id)).not.toContain(ppt);
    expect(page.data.services.map((s) => s.id)).toContain(health);
    const html = (await renderRoute(familyConsentsPage, "/family/logs/:logId/consents", `/family/logs/${logId}/consents`, { cookie })).html;
    expect(html).not.toContain(`<option value="${ppt}"`);
    expect(html).toContain(`<option value="${health}"`);

    // Posted anyway (an old tab): a renewal, not a second consent.
    const again = await familyAction(logId, cookie, { intent: "give", serviceId: ppt, purpose: "Vurdering hos PPT" });
    expect(again.status).toBe(302);
    const { db } = await database();
    const active = await db
      .select()
      .from(consents)
      .where(and(eq(consents.logId, logId), eq(consents.scope, "share"), eq(consents.status, "active")));
    expect(active).toHaveLength(1);
    expect(active[0]!.supersedesId).not.toBeNull();
    expect((await eventsOf(logId)).at(-1)!.data).toMatchObject({ change: "renewed", services: [PPT] });
  });
});

describe("a consent shows how it was given", () => {
  it("written with its signed form, oral with the note of the conversation, digital by whom — on the staff list and the family's page", async () => {
    const { logId, guardian, cookie } = await setting();
    await staffConsent(logId, guardian.id, [ppt], { form: "written", note: undefined, attachment: new TextEncoder().encode("%PDF-1.4 skjema") });
    await staffConsent(logId, guardian.id, [health], { note: "Mor sa ja på telefon 20. november, etter samtalen om lesing." });
    const other = await makeService({ name: "BUP Vestkanten", kind: "bup" as never });
    await familyAction(logId, cookie, { intent: "give", serviceId: other.id, purpose: "Utredning" });
    const { db } = await database();
    const state = await consentState(db, (await db.select().from(logs).where(eq(logs.id, logId)).get())!);
    const written = state.find((c) => c.form === "written" && c.scope === "share")!;

    const staff = textOf((await renderRoute(logPage, "/logs/:logId", `/logs/${logId}`, { cookie: teacherCookie })).html);
    const staffHtml = (await renderRoute(logPage, "/logs/:logId", `/logs/${logId}`, { cookie: teacherCookie })).html;
    expect(staffHtml).toContain(`<a href="/logs/${logId}/consents/${written.id}/attachment">Signert skjema</a>`);
    expect(staff).toContain("Skriftlig samtykke: Signert skjema");
    expect(staff).toContain("Muntlig samtykke. Notat fra samtalen: Mor sa ja på telefon 20. november, etter samtalen om lesing.");
    expect(staff).toContain("Gitt digitalt i Stafettlogg av Foresatt Testesen");

    const family = textOf((await renderRoute(familyConsentsPage, "/family/logs/:logId/consents", `/family/logs/${logId}/consents`, { cookie })).html);
    expect(family).toContain("Dere skrev under på et skjema.");
    expect(family).toContain("Dere sa ja i en samtale. Dette ble skrevet ned: «Mor sa ja på telefon 20. november, etter samtalen om lesing.»");
    expect(family).toContain("Gitt her i Stafettlogg av Foresatt Testesen.");
  });
});
