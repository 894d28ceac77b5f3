import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { database } from "../../db/client.server";
import { children, logs } from "../../db/schema";
import { consentState, recordConsent, withdrawConsent } from "../../app/domain/consent/consents.server";
import { answerHandover, proposeHandover } from "../../app/domain/logs/handovers.server";
import { answerLogInvitation, inviteToLog, myLogInvitations, overdueLogInvitationsInMyServices } from "../../app/domain/logs/log-invitations.server";
import { appointHolder, orphanedLogs } from "../../app/domain/logs/orphaned-logs.server";
import { endParticipation } from "../../app/domain/logs/participants.server";
import { addEntry } from "../../app/domain/logs/entries.server";
import { addGuardian } from "../../app/domain/logs/lifecycle.server";
import { listMyLogs } from "../../app/domain/logs/lists.server";
import { viewLog } from "../../app/domain/logs/log-page.server";
import { setUserActive } from "../../app/domain/people/users.server";
import { makeService, makeUser } from "../support/factories";
import { actorOf, giveConsent, makeRelayLog, makeSchoolCast, today } from "../support/log-factories";

let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
let pptService: string;
let ppt: Awaited<ReturnType<typeof actorOf>>;
let welfare: Awaited<ReturnType<typeof actorOf>>;
let healthLeader: Awaited<ReturnType<typeof actorOf>>;

beforeEach(async () => {
  cast = await makeSchoolCast();
  pptService = (await makeService({ kind: "ppt" })).id;
  ppt = await actorOf((await makeUser({ memberships: [{ serviceId: pptService, role: "employee" }] })).id);
  const welfareService = (await makeService({ kind: "child_welfare" })).id;
  welfare = await actorOf((await makeUser({ memberships: [{ serviceId: welfareService, role: "employee" }] })).id);
  healthLeader = await actorOf((await makeUser({ memberships: [{ serviceId: cast.health.id, role: "leader" }] })).id);
});
afterEach(() => vi.useRealTimers());

const teacher = () => cast.actors.teacher;
const nurse = () => cast.actors.nurse;
const read = (who: Awaited<ReturnType<typeof actorOf>>, logId: string) => viewLog(who, logId, { locale: "nb" });

/** A relay log with consent to keep it and to share with the health service and PPT, the nurse and the PPT adviser taking part. */
async function collaboration(name = "Samarbeid Barn") {
  const { logId } = await makeRelayLog(teacher(), cast.school.id, name);
  await giveConsent(teacher(), logId, "keep");
  const share = await giveConsent(teacher(), logId, "share", [cast.health.id, pptService]);
  for (const [who, service] of [
    [nurse(), cast.health.id],
    [ppt, pptService],
  ] as const) {
    const { invitationId } = await inviteToLog(teacher(), logId, { inviteeId: who.id, serviceId: service, message: "Vil du være med?" });
    await answerLogInvitation(who, invitationId, { accept: true });
  }
  return { logId, shareId: share.consentId };
}

describe("no invitation without a covering consent", () => {
  it("refuses to invite into a service no consent covers, and accepts once one does", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    await expect(inviteToLog(teacher(), logId, { inviteeId: nurse().id, serviceId: cast.health.id, message: "x" })).rejects.toMatchObject({
      code: "service_not_covered",
      details: { field: "serviceId" },
    });
    await giveConsent(teacher(), logId, "share", [pptService]);
    await expect(inviteToLog(teacher(), logId, { inviteeId: nurse().id, serviceId: cast.health.id, message: "x" })).rejects.toMatchObject({
      code: "service_not_covered",
    });
    await giveConsent(teacher(), logId, "share", [cast.health.id]);
    const { invitationId } = await inviteToLog(teacher(), logId, { inviteeId: nurse().id, serviceId: cast.health.id, message: "x" });
    expect((await myLogInvitations(nurse())).map((i) => i.id)).toContain(invitationId);
  });

  it("the same person cannot be invited twice while an invitation waits or they take part", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    await inviteToLog(teacher(), logId, { inviteeId: cast.ids.colleague, serviceId: cast.school.id, message: "x" });
    await expect(inviteToLog(teacher(), logId, { inviteeId: cast.ids.colleague, serviceId: cast.school.id, message: "y" })).rejects.toMatchObject({
      code: "already_invited",
      details: { field: "inviteeId" },
    });
  });

  it("a colleague in the holder's own service needs no sharing consent", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    const { invitationId } = await inviteToLog(teacher(), logId, { inviteeId: cast.ids.colleague, serviceId: cast.school.id, message: "x" });
    await answerLogInvitation(cast.actors.colleague, invitationId, { accept: true });
    expect((await read(cast.actors.colleague, logId)).role).toBe("participant");
  });

  it("a refusal is recorded but covers nothing", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    const log = (await (await database()).db.select().from(logs).where(eq(logs.id, logId)).get())!;
    const { db } = await database();
    const guardianRows = await db.query.guardians.findMany({ where: (g, { eq: e }) => e(g.childId, log.childId) });
    await recordConsent(teacher(), logId, {
      scope: "share",
      decision: "refused",
      form: "oral",
      note: "Mor ønsker ikke at PPT kobles inn nå.",
      purpose: "Samarbeid med PPT",
      guardianIds: guardianRows.map((g) => g.id),
      youngPerson: false,
      serviceIds: [pptService],
      givenOn: today(),
    });
    await expect(inviteToLog(teacher(), logId, { inviteeId: ppt.id, serviceId: pptService, message: "x" })).rejects.toMatchObject({
      code: "service_not_covered",
    });
    expect((await consentState(db, log))[0]).toMatchObject({ decision: "refused", counts: false });
  });

  it("an oral consent needs a note of the conversation", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    await expect(
      recordConsent(teacher(), logId, {
        scope: "share",
        decision: "given",
        form: "oral",
        purpose: "x",
        guardianIds: [],
        youngPerson: false,
        serviceIds: [pptService],
        givenOn: today(),
      }),
    ).rejects.toMatchObject({ details: { field: "note" } });
  });
});

describe("one guardian of two", () => {
  it("is shown as partial and does not open the gate", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    await addGuardian(teacher(), logId, { name: "Far Testesen", relation: "father", parentalResponsibility: true });
    const { db } = await database();
    const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
    const mother = (await db.query.guardians.findMany({ where: (g, { eq: e }) => e(g.childId, log.childId) })).find(
      (g) => g.relation === "mother",
    )!;
    await recordConsent(teacher(), logId, {
      scope: "share",
      decision: "given",
      form: "written",
      purpose: "Samarbeid med helsestasjonen",
      guardianIds: [mother.id],
      youngPerson: false,
      serviceIds: [cast.health.id],
      givenOn: today(),
    });
    const [state] = await consentState(db, log);
    expect(state).toMatchObject({ guardiansGiven: 1, guardiansRequired: 2, complete: false, counts: false });
    expect(state!.services.map((s) => s.id)).toEqual([cast.health.id]);
    await expect(inviteToLog(teacher(), logId, { inviteeId: nurse().id, serviceId: cast.health.id, message: "x" })).rejects.toMatchObject({
      code: "service_not_covered",
    });
  });
});

describe("the young person's own consent", () => {
  it("counts from the action guide's consent age (16 by default), not before", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id, "Ungdom Testesen");
    const { db, transaction } = await database();
    const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
    const sixteenTomorrow = `${Number(today().slice(0, 4)) - 16}-${today().slice(5)}`;
    const justUnder = new Date(Date.parse(`${sixteenTomorrow}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await transaction((tx) => tx.update(children).set({ birthDate: justUnder }).where(eq(children.id, log.childId)));
    const input = {
      scope: "share" as const,
      decision: "given" as const,
      form: "digital" as const,
      purpose: "Samarbeid med helsesykepleier",
      guardianIds: [],
      youngPerson: true,
      serviceIds: [cast.health.id],
      givenOn: today(),
    };
    await expect(recordConsent(teacher(), logId, input)).rejects.toMatchObject({ code: "young_person_under_consent_age" });
    await transaction((tx) => tx.update(children).set({ birthDate: sixteenTomorrow }).where(eq(children.id, log.childId)));
    await recordConsent(teacher(), logId, input);
    await inviteToLog(teacher(), logId, { inviteeId: nurse().id, serviceId: cast.health.id, message: "x" });
  });
});

describe("withdrawal and expiry cut access on the next request", () => {
  it("withdrawing PPT cuts the PPT adviser — only them — and what they wrote stays", async () => {
    const { logId, shareId } = await collaboration("Trekk Tilbake");
    const noteId = await addEntry(ppt, logId, { type: "note", occurredOn: today(), text: "PPT: kartlegging avtalt." });
    expect((await listMyLogs(ppt, { page: 1 })).logs.map((l) => l.id)).toContain(logId);
    // Narrow the sharing consent to the health service only: PPT is no longer covered.
    const { db } = await database();
    const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
    const guardianIds = (await db.query.guardians.findMany({ where: (g, { eq: e }) => e(g.childId, log.childId) })).map((g) => g.id);
    await recordConsent(teacher(), logId, {
      scope: "share",
      decision: "given",
      form: "written",
      purpose: "Samarbeid med helsestasjonen",
      guardianIds,
      youngPerson: false,
      serviceIds: [cast.health.id],
      givenOn: today(),
      replacesId: shareId,
    }, { confirmLoss: true });
    await expect(read(ppt, logId)).rejects.toMatchObject({ status: 404 });
    await expect(addEntry(ppt, logId, { type: "note", occurredOn: today(), text: "x" })).rejects.toMatchObject({ status: 404 });
    expect((await listMyLogs(ppt, { page: 1 })).logs.map((l) => l.id)).not.toContain(logId);
    // The nurse, still covered, reads on; the PPT note is still there for her and the teacher.
    for (const who of [nurse(), teacher()]) {
      const page = await read(who, logId);
      expect(page.events.some((e) => e.id === noteId)).toBe(true);
    }
  });

  it("an expired consent cuts access the day after it expires", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-10T10:00:00Z"));
    const { logId } = await collaboration("Utløp Barn");
    expect((await read(nurse(), logId)).role).toBe("participant");
    vi.setSystemTime(new Date("2027-01-10T10:00:00Z")); // expires 2027-01-10: still valid that day
    expect((await read(nurse(), logId)).role).toBe("participant");
    vi.setSystemTime(new Date("2027-01-11T10:00:00Z"));
    await expect(read(nurse(), logId)).rejects.toMatchObject({ status: 404 });
    expect((await read(teacher(), logId)).role).toBe("holder");
  });

  it("withdrawing the consent to keep the log closes it; it stays with its holder only", async () => {
    const { logId } = await collaboration("Hele Samtykket");
    const { db } = await database();
    const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
    const keep = (await consentState(db, log)).find((c) => c.scope === "keep")!;
    await withdrawConsent(teacher(), logId, keep.id, { reason: "Foreldrene ønsker ikke loggen lenger.", confirmLoss: true });
    const page = await read(teacher(), logId);
    expect(page.log).toMatchObject({ state: "closed", closeReason: "consent_withdrawn" });
    for (const who of [nurse(), ppt, cast.actors.principal]) {
      await expect(read(who, logId)).rejects.toMatchObject({ status: 404 });
    }
  });
});

describe("handover", () => {
  it("needs acceptance; across services it needs a covering consent; the old holder stays on", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id, "Overført Barn");
    await giveConsent(teacher(), logId, "keep");
    await expect(
      proposeHandover(teacher(), logId, { toUserId: nurse().id, toServiceId: cast.health.id, message: "Du bærer mest nå." }),
    ).rejects.toMatchObject({ code: "service_not_covered" });
    await giveConsent(teacher(), logId, "share", [cast.health.id]);
    const { handoverId } = await proposeHandover(teacher(), logId, { toUserId: nurse().id, toServiceId: cast.health.id, message: "Du bærer mest nå.", confirmLoss: true });
    // Until accepted the teacher holds.
    expect((await read(teacher(), logId)).role).toBe("holder");
    await expect(answerHandover(ppt, handoverId, { accept: true })).rejects.toMatchObject({ status: 404 });
    await answerHandover(nurse(), handoverId, { accept: true });
    expect((await read(nurse(), logId)).role).toBe("holder");
    expect((await read(teacher(), logId)).role).toBe("participant");
    expect((await read(healthLeader, logId)).role).toBe("leader");
  });

  it("a decline returns it with a reason, and the old holder keeps holding", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    const { handoverId } = await proposeHandover(teacher(), logId, { toUserId: cast.ids.colleague, toServiceId: cast.school.id, message: "x" });
    await expect(answerHandover(cast.actors.colleague, handoverId, { accept: false })).rejects.toMatchObject({ details: { field: "reason" } });
    await answerHandover(cast.actors.colleague, handoverId, { accept: false, reason: "Har ikke kapasitet." });
    expect((await read(teacher(), logId)).role).toBe("holder");
  });

  it("withdrawal that uncovers the holder's service returns the relay to the latest earlier holder still covered", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id, "Tilbake Barn");
    await giveConsent(teacher(), logId, "keep");
    const share = await giveConsent(teacher(), logId, "share", [cast.health.id]);
    const { handoverId } = await proposeHandover(teacher(), logId, { toUserId: nurse().id, toServiceId: cast.health.id, message: "x", confirmLoss: true });
    await answerHandover(nurse(), handoverId, { accept: true });
    await withdrawConsent(nurse(), logId, share.consentId, { reason: "Trukket av mor", confirmLoss: true });
    expect((await read(teacher(), logId)).role).toBe("holder");
    await expect(read(nurse(), logId)).rejects.toMatchObject({ status: 404 });
    const events = (await read(teacher(), logId)).events.map((e) => e.type);
    expect(events.slice(0, 2)).toEqual(["relay_returned", "consent_withdrawn"]);
  });
});

describe("invitations and participants", () => {
  it("a decline needs a reason; overdue invitations are flagged to the invitee and their leader", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-05-04T10:00:00Z"));
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    await giveConsent(teacher(), logId, "share", [cast.health.id]);
    const { invitationId } = await inviteToLog(teacher(), logId, { inviteeId: nurse().id, serviceId: cast.health.id, message: "x" });
    expect((await myLogInvitations(nurse())).find((i) => i.id === invitationId)).toMatchObject({ respondBy: "2026-05-11", overdue: false });
    vi.setSystemTime(new Date("2026-05-12T10:00:00Z"));
    expect((await myLogInvitations(nurse())).find((i) => i.id === invitationId)!.overdue).toBe(true);
    expect((await overdueLogInvitationsInMyServices(healthLeader)).map((i) => i.id)).toContain(invitationId);
    await expect(answerLogInvitation(nurse(), invitationId, { accept: false })).rejects.toMatchObject({ details: { field: "reason" } });
    await answerLogInvitation(nurse(), invitationId, { accept: false, reason: "Ikke vår sak." });
    await expect(read(nurse(), logId)).rejects.toMatchObject({ status: 404 });
  });

  it("a participant can leave; the holder can remove one with a reason", async () => {
    const { logId } = await collaboration("Går Ut");
    await endParticipation(ppt, logId, { userId: ppt.id });
    await expect(read(ppt, logId)).rejects.toMatchObject({ status: 404 });
    await expect(endParticipation(teacher(), logId, { userId: nurse().id })).rejects.toMatchObject({ details: { field: "reason" } });
    await endParticipation(teacher(), logId, { userId: nurse().id, reason: "Avsluttet oppfølging" });
    await expect(read(nurse(), logId)).rejects.toMatchObject({ status: 404 });
  });

  it("someone from child welfare, never invited, gets 404 throughout", async () => {
    const { logId } = await collaboration("Aldri Invitert");
    await expect(read(welfare, logId)).rejects.toMatchObject({ status: 404 });
    expect((await listMyLogs(welfare, { page: 1, q: "Aldri" })).logs).toEqual([]);
  });
});

describe("orphaned logs", () => {
  it("reach the leader when the holder is deactivated, who appoints a new holder in the same service", async () => {
    const school = await makeService({ kind: "school" });
    const holder = await actorOf((await makeUser({ memberships: [{ serviceId: school.id, role: "employee" }] })).id);
    const successor = await actorOf((await makeUser({ memberships: [{ serviceId: school.id, role: "employee" }] })).id);
    const leader = await actorOf((await makeUser({ memberships: [{ serviceId: school.id, role: "leader" }] })).id);
    const { logId } = await makeRelayLog(holder, school.id, "Foreldreløs Logg");
    expect(await orphanedLogs(leader)).toEqual([]);
    await setUserActive(cast.actors.administrator, holder.id, false);
    expect((await orphanedLogs(leader)).map((l) => l.id)).toEqual([logId]);
    await expect(appointHolder(leader, logId, { userId: nurse().id })).rejects.toMatchObject({ details: { field: "userId" } });
    await appointHolder(leader, logId, { userId: successor.id });
    expect((await read(successor, logId)).role).toBe("holder");
    expect(await orphanedLogs(leader)).toEqual([]);
    await expect(appointHolder(cast.actors.principal, logId, { userId: successor.id })).rejects.toMatchObject({ status: 404 });
  });
});

