import { and, asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { database } from "../../db/client.server";
import { consents, guardians, logEvents, logs } from "../../db/schema";
import * as home from "../../app/routes/_index";
import * as become from "../../app/routes/logs.$logId.make-relay-log";
import * as logPage from "../../app/routes/logs.$logId._index";
import { recordConsent, withdrawConsent } from "../../app/domain/consent/consents.server";
import { hasKeepConsent } from "../../app/domain/access/consent-gate.server";
import { addGuardian } from "../../app/domain/logs/lifecycle.server";
import { listMyLogs } from "../../app/domain/logs/lists.server";
import { viewLog } from "../../app/domain/logs/log-page.server";
import { sessionFor } from "../support/factories";
import { daysAgo, giveConsent, makeConcern, makeRelayLog, makeSchoolCast, today } from "../support/log-factories";
import { callAction, callLoader } from "../support/requests";

/**
 * Issue 9 point 3: the step that turns a concern into a relay log records the consent to
 * keep it (in the same transaction) or defers it with a reason on the timeline; a relay
 * log without a valid keep consent is flagged on the log and on "Mine logger".
 */
type Reply = { error?: Record<string, string[]> };
let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
let cookie = "";
let principalCookie = "";

beforeEach(async () => {
  cast = await makeSchoolCast();
  cookie = (await sessionFor(cast.ids.teacher)).cookie;
  principalCookie = (await sessionFor(cast.ids.principal)).cookie;
});
afterEach(() => vi.useRealTimers());

const teacher = () => cast.actors.teacher;

async function concernWithGuardians(name: string, count = 1) {
  const { logId } = await makeConcern(teacher(), cast.school.id, name);
  await addGuardian(teacher(), logId, { name: "Mor Testesen", relation: "mother", parentalResponsibility: true, toldOn: daysAgo(1) });
  if (count > 1) await addGuardian(teacher(), logId, { name: "Far Testesen", relation: "father", parentalResponsibility: true });
  const { db } = await database();
  const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
  const ids = (await db.select().from(guardians).where(eq(guardians.childId, log.childId)).orderBy(asc(guardians.createdAt))).map((g) => g.id);
  return { logId, guardianIds: ids };
}

async function eventsOf(logId: string) {
  const { db } = await database();
  return db.select().from(logEvents).where(eq(logEvents.logId, logId)).orderBy(asc(logEvents.seq));
}

async function logRow(logId: string) {
  const { db } = await database();
  return (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
}

const post = (logId: string, form: Record<string, string | string[]>) => callAction<Reply>(become.action, "/x", { cookie, params: { logId }, form });

describe("Gjør om til stafettlogg asks for the consent to keep the log", () => {
  it("the form offers the guardians with parental responsibility", async () => {
    const { logId, guardianIds } = await concernWithGuardians("Skjema Tilbud", 2);
    const page = await callLoader<{ guardians: { id: string }[] }>(become.loader, "/x", { cookie, params: { logId } });
    expect(page.data.guardians.map((g) => g.id)).toEqual(guardianIds);
  });

  it("records an oral consent from both guardians in the same step", async () => {
    const { logId, guardianIds } = await concernWithGuardians("Samtykke Nå", 2);
    const o = await post(logId, {
      level: "1",
      guardiansToldOn: daysAgo(1),
      keep: "record",
      guardianIds,
      consentForm: "oral",
      note: "Snakket med begge foreldrene på telefon.",
      purpose: "Føre stafettlogg",
      givenOn: today(),
    });
    expect(o.location).toContain("notice=became_log");
    expect(await logRow(logId)).toMatchObject({ kind: "relay", level: 1 });
    const { db } = await database();
    expect(await hasKeepConsent(db, logId)).toBe(true);
    const keep = await db.select().from(consents).where(and(eq(consents.logId, logId), eq(consents.scope, "keep"))).get();
    expect(keep).toMatchObject({ form: "oral", note: "Snakket med begge foreldrene på telefon.", givenOn: today(), recordedBy: cast.ids.teacher });
    const events = await eventsOf(logId);
    expect(events.slice(-2).map((e) => e.type)).toEqual(["became_log", "consent_recorded"]);
    expect(events.at(-2)!.data).toMatchObject({ keepConsent: { deferred: false } });
    expect(events.at(-1)!.data).toMatchObject({ scope: "keep", form: "oral", givenBy: ["Mor Testesen", "Far Testesen"] });
    expect((await viewLog(teacher(), logId, { locale: "nb" })).flags.missingKeepConsent).toBe(false);
  });

  it("refuses a recorded consent without who gave it, or an oral one without the note — and writes nothing", async () => {
    const { logId, guardianIds } = await concernWithGuardians("Samtykke Feil");
    const before = (await eventsOf(logId)).length;
    const noParty = await post(logId, { level: "1", guardiansToldOn: daysAgo(1), keep: "record", consentForm: "written", purpose: "x", givenOn: today() });
    expect(noParty.status).toBe(400);
    expect(noParty.data.error).toMatchObject({ guardianIds: ["errors.consent_party_required"] });
    const noNote = await post(logId, { level: "1", guardiansToldOn: daysAgo(1), keep: "record", guardianIds, consentForm: "oral", purpose: "x", givenOn: today() });
    expect(noNote.status).toBe(400);
    expect(noNote.data.error).toMatchObject({ note: ["errors.oral_consent_needs_note"] });
    // A consent given in the future fails in the domain, inside the same transaction: the log stays a concern.
    const future = await post(logId, { level: "1", guardiansToldOn: daysAgo(1), keep: "record", guardianIds, consentForm: "written", purpose: "x", givenOn: "2999-01-01" });
    expect(future.status).toBe(400);
    expect(future.data.error).toMatchObject({ givenOn: ["errors.date_in_future"] });
    expect(await logRow(logId)).toMatchObject({ kind: "concern" });
    expect((await eventsOf(logId)).length).toBe(before);
  });

  it("defers the consent only with a reason, which the timeline shows", async () => {
    const { logId } = await concernWithGuardians("Samtykke Senere");
    const none = await post(logId, { level: "1", guardiansToldOn: daysAgo(1), keep: "defer" });
    expect(none.status).toBe(400);
    expect(none.data.error).toMatchObject({ deferReason: ["validation.required"] });
    expect(await logRow(logId)).toMatchObject({ kind: "concern" });
    const neither = await post(logId, { level: "1", guardiansToldOn: daysAgo(1) });
    expect(neither.data.error).toMatchObject({ keep: ["validation.invalidChoice"] });

    const o = await post(logId, { level: "1", guardiansToldOn: daysAgo(1), keep: "defer", deferReason: "Far er på reise; møte neste uke." });
    expect(o.location).toContain("notice=became_log");
    const events = await eventsOf(logId);
    expect(events.at(-1)).toMatchObject({
      type: "became_log",
      data: { keepConsent: { deferred: true, reason: "Far er på reise; møte neste uke." } },
    });
    const { db } = await database();
    expect(await db.select().from(consents).where(eq(consents.logId, logId))).toEqual([]);
  });
});

describe("a relay log without a valid consent to keep it is flagged", () => {
  it("on the log page and on the home page (holder and leader) until a complete consent is recorded", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id, "Flagg Mangler");
    const flagOnPage = async () =>
      (await callLoader<{ flags: { missingKeepConsent: boolean } }>(logPage.loader, `/logs/${logId}`, { cookie, params: { logId } })).data.flags
        .missingKeepConsent;
    const flagAtHome = async (c: string) => {
      const page = await callLoader<{ myLogs: { logs: { id: string; flags: { missingKeepConsent: boolean } }[] } }>(home.loader, "/?q=Flagg", {
        cookie: c,
      });
      return page.data.myLogs.logs.find((l) => l.id === logId)!.flags.missingKeepConsent;
    };
    expect(await flagOnPage()).toBe(true);
    expect(await flagAtHome(cookie)).toBe(true);
    expect(await flagAtHome(principalCookie)).toBe(true);

    // One of two guardians is not a complete consent.
    await addGuardian(teacher(), logId, { name: "Far Testesen", relation: "father", parentalResponsibility: true });
    const { db } = await database();
    const log = await logRow(logId);
    const [mother] = await db.select().from(guardians).where(eq(guardians.childId, log.childId)).orderBy(asc(guardians.createdAt));
    await recordConsent(teacher(), logId, {
      scope: "keep",
      decision: "given",
      form: "written",
      purpose: "Føre logg",
      guardianIds: [mother!.id],
      youngPerson: false,
      serviceIds: [],
      givenOn: today(),
    });
    expect(await flagOnPage()).toBe(true);
    expect(await flagAtHome(cookie)).toBe(true);

    await giveConsent(teacher(), logId, "keep");
    expect(await flagOnPage()).toBe(false);
    expect(await flagAtHome(cookie)).toBe(false);
    expect(await flagAtHome(principalCookie)).toBe(false);
  });

  it("when the consent to keep it has expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-01T10:00:00Z"));
    const { logId } = await makeRelayLog(teacher(), cast.school.id, "Flagg Utløpt");
    const { db } = await database();
    const log = await logRow(logId);
    const guardianIds = (await db.select().from(guardians).where(eq(guardians.childId, log.childId))).map((g) => g.id);
    await recordConsent(teacher(), logId, {
      scope: "keep",
      decision: "given",
      form: "written",
      purpose: "Føre logg",
      guardianIds,
      youngPerson: false,
      serviceIds: [],
      givenOn: "2026-03-01",
      expiresOn: "2026-04-01",
    });
    expect((await listMyLogs(teacher(), { q: "Flagg Utløpt", page: 1 })).logs[0]!.flags.missingKeepConsent).toBe(false);
    vi.setSystemTime(new Date("2026-04-02T10:00:00Z"));
    expect((await listMyLogs(teacher(), { q: "Flagg Utløpt", page: 1 })).logs[0]!.flags.missingKeepConsent).toBe(true);
    expect((await viewLog(teacher(), logId, { locale: "nb" })).flags.missingKeepConsent).toBe(true);
  });

  it("is not raised for a level-0 concern or a closed log", async () => {
    const { logId } = await makeConcern(teacher(), cast.school.id, "Flagg Notat");
    expect((await viewLog(teacher(), logId, { locale: "nb" })).flags.missingKeepConsent).toBe(false);
    const relay = await makeRelayLog(teacher(), cast.school.id, "Flagg Trukket");
    const keep = await giveConsent(teacher(), relay.logId, "keep");
    await withdrawConsent(teacher(), relay.logId, keep.consentId, { reason: "Ønsker ikke logg", confirmLoss: true });
    expect((await viewLog(teacher(), relay.logId, { locale: "nb" })).flags.missingKeepConsent).toBe(false);
  });
});
