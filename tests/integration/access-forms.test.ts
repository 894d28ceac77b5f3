import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { guardians, logs } from "../../db/schema";
import * as home from "../../app/routes/_index";
import * as handoverAnswer from "../../app/routes/handovers.$handoverId";
import * as logPage from "../../app/routes/logs.$logId._index";
import * as handover from "../../app/routes/logs.$logId.handover";
import * as invite from "../../app/routes/logs.$logId.invite";
import { recordConsent } from "../../app/domain/consent/consents.server";
import { addGuardian } from "../../app/domain/logs/lifecycle.server";
import { answerLogInvitation, inviteToLog } from "../../app/domain/logs/log-invitations.server";
import { makeService, makeUser, sessionFor } from "../support/factories";
import { actorOf, daysAgo, giveConsent, makeRelayLog, today } from "../support/log-factories";
import { callAction, callLoader } from "../support/requests";

/**
 * The handover and invite forms tell the truth about access (issue 9 point 3): the
 * handover form says who will lose access — and only promises "you stay a participant"
 * when the gate will let the old holder in — and the invite form says why a service is
 * missing and does not offer people who can read the log already.
 */
type Reply = { error?: Record<string, string[]> };
type Loss = { userId: string; name: string; serviceName: string; role: string };
type Outcome = { serviceId: string; losses: Loss[]; holderStays: boolean; widenConsentId: string | null };
type HandoverPage = { outcomes: Outcome[]; holderServiceName: string; candidates: { userId: string }[] };

const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};
let school = "";
let health = "";
let ppt = "";
let welfare = "";

beforeEach(async () => {
  school = (await makeService({ kind: "school", name: "Solbakken skole" })).id;
  health = (await makeService({ kind: "health_clinic", name: "Helsestasjonen" })).id;
  ppt = (await makeService({ kind: "ppt", name: "PPT" })).id;
  welfare = (await makeService({ kind: "child_welfare", name: "Barnevernet" })).id;
  const people = {
    teacher: await makeUser({ name: "Tone Lærer", memberships: [{ serviceId: school, role: "employee" }] }),
    colleague: await makeUser({ memberships: [{ serviceId: school, role: "employee" }] }),
    principal: await makeUser({ name: "Rolf Rektor", memberships: [{ serviceId: school, role: "leader" }] }),
    nurse: await makeUser({ memberships: [{ serviceId: health, role: "employee" }] }),
    adviser: await makeUser({ memberships: [{ serviceId: ppt, role: "employee" }] }),
    caseworker: await makeUser({ memberships: [{ serviceId: welfare, role: "employee" }] }),
  };
  for (const [k, v] of Object.entries(people)) {
    ids[k] = v.id;
    cookies[k] = (await sessionFor(v.id)).cookie;
  }
});

const teacher = () => actorOf(ids.teacher!);
const handoverPage = (logId: string) => callLoader<HandoverPage>(handover.loader, "/x", { cookie: cookies.teacher, params: { logId } });
const readStatus = async (who: string, logId: string) =>
  (await callLoader(logPage.loader, `/logs/${logId}`, { cookie: cookies[who], params: { logId } })).status;

async function acceptHandover() {
  const handoverId = (await callLoader<{ waiting: { handovers: { id: string }[] } }>(home.loader, "/", { cookie: cookies.nurse })).data.waiting
    .handovers[0]!.id;
  const answered = await callAction(handoverAnswer.action, "/x", { cookie: cookies.nurse, params: { handoverId }, form: { answer: "accept" } });
  expect(answered.location).toContain("notice=handoverAccepted");
}

describe("the handover form says who will lose access, and it is so", () => {
  it("with no consent covering the school: warns that the holder and her principal lose access, asks to confirm, and then they do", async () => {
    const { logId } = await makeRelayLog(await teacher(), school, "Overføring Uten");
    const share = await giveConsent(await teacher(), logId, "share", [health]);
    const page = await handoverPage(logId);
    expect(page.status).toBe(200);
    const toHealth = page.data.outcomes.find((o) => o.serviceId === health)!;
    expect(toHealth.holderStays).toBe(false);
    expect(toHealth.losses.map((l) => [l.name, l.serviceName]).sort()).toEqual([
      ["Rolf Rektor", "Solbakken skole"],
      ["Tone Lærer", "Solbakken skole"],
    ]);
    // The consent change that avoids it: widen the consent that covers the health service.
    expect(toHealth.widenConsentId).toBe(share.consentId);
    // Within the school nobody loses anything.
    expect(page.data.outcomes.find((o) => o.serviceId === school)).toMatchObject({ holderStays: true, losses: [] });

    const form = { person: `${ids.nurse}:${health}`, message: "Du bærer mest nå." };
    const unconfirmed = await callAction<Reply>(handover.action, "/x", { cookie: cookies.teacher, params: { logId }, form });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.data.error).toEqual({ confirmLoss: ["errors.access_loss_unconfirmed"] });
    const proposed = await callAction(handover.action, "/x", { cookie: cookies.teacher, params: { logId }, form: { ...form, confirmLoss: "on" } });
    expect(proposed.location).toContain("notice=handover");
    await acceptHandover();
    expect(await readStatus("teacher", logId)).toBe(404);
    expect(await readStatus("principal", logId)).toBe(404);
    expect(await readStatus("nurse", logId)).toBe(200);
  });

  it("with the consent to keep the log: promises the holder stays a participant, and she does (the principal is still warned)", async () => {
    const { logId } = await makeRelayLog(await teacher(), school, "Overføring Med");
    await giveConsent(await teacher(), logId, "keep");
    await giveConsent(await teacher(), logId, "share", [health]);
    const page = await handoverPage(logId);
    const toHealth = page.data.outcomes.find((o) => o.serviceId === health)!;
    expect(toHealth.holderStays).toBe(true);
    expect(toHealth.losses.map((l) => l.name)).toEqual(["Rolf Rektor"]);
    const proposed = await callAction(handover.action, "/x", {
      cookie: cookies.teacher,
      params: { logId },
      form: { person: `${ids.nurse}:${health}`, message: "Over til deg", confirmLoss: "on" },
    });
    expect(proposed.location).toContain("notice=handover");
    await acceptHandover();
    expect(await readStatus("teacher", logId)).toBe(200);
    expect(await readStatus("principal", logId)).toBe(404);
  });

  it("a handover within the school needs no confirmation", async () => {
    const { logId } = await makeRelayLog(await teacher(), school, "Overføring Internt");
    const proposed = await callAction(handover.action, "/x", {
      cookie: cookies.teacher,
      params: { logId },
      form: { person: `${ids.colleague}:${school}`, message: "Du tar over" },
    });
    expect(proposed.location).toContain("notice=handover");
  });
});

describe("the invite form says why a service is missing", () => {
  it("names a consent one of two guardians gave, an expired one and a refused one; does not offer the principal or participants", async () => {
    const t = await teacher();
    const { logId } = await makeRelayLog(t, school, "Invitasjon Grunner");
    await addGuardian(t, logId, { name: "Far Testesen", relation: "father", parentalResponsibility: true, toldOn: daysAgo(1) });
    const { db } = await database();
    const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
    const [mother, father] = await db.select().from(guardians).where(eq(guardians.childId, log.childId));
    const base = { form: "written" as const, purpose: "Samarbeid", youngPerson: false };
    // Both guardians: health is covered.
    await recordConsent(t, logId, { ...base, scope: "share", decision: "given", guardianIds: [mother!.id, father!.id], serviceIds: [health], givenOn: today() });
    // One of two: PPT is not.
    await recordConsent(t, logId, { ...base, scope: "share", decision: "given", guardianIds: [mother!.id], serviceIds: [ppt], givenOn: today() });
    // Refused: child welfare.
    await recordConsent(t, logId, { ...base, scope: "share", decision: "refused", guardianIds: [mother!.id, father!.id], serviceIds: [welfare], givenOn: today() });
    const { invitationId } = await inviteToLog(t, logId, { inviteeId: ids.nurse!, serviceId: health, message: "Bli med" });
    await answerLogInvitation(await actorOf(ids.nurse!), invitationId, { accept: true });

    const page = await callLoader<{ candidates: { userId: string }[]; missing: { serviceId: string; serviceName: string; reason: unknown }[] }>(
      invite.loader,
      "/x",
      { cookie: cookies.teacher, params: { logId } },
    );
    expect(page.status).toBe(200);
    const offered = page.data.candidates.map((c) => c.userId);
    expect(offered).toContain(ids.colleague);
    expect(offered).not.toContain(ids.principal);
    expect(offered).not.toContain(ids.nurse);
    expect(offered).not.toContain(ids.teacher);
    expect(offered).not.toContain(ids.adviser);
    expect(page.data.missing).toEqual([
      { serviceId: welfare, serviceName: "Barnevernet", reason: { kind: "refused" } },
      { serviceId: ppt, serviceName: "PPT", reason: { kind: "partial", given: 1, required: 2 } },
    ]);
  });

  it("names an expired consent", async () => {
    const t = await teacher();
    const { logId } = await makeRelayLog(t, school, "Invitasjon Utløpt");
    const { db } = await database();
    const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
    const guardianIds = (await db.select().from(guardians).where(eq(guardians.childId, log.childId))).map((g) => g.id);
    await recordConsent(t, logId, {
      scope: "share",
      decision: "given",
      form: "written",
      purpose: "Samarbeid",
      youngPerson: false,
      guardianIds,
      serviceIds: [ppt],
      givenOn: daysAgo(30),
      expiresOn: daysAgo(1),
    });
    const page = await callLoader<{ missing: { serviceId: string; reason: unknown }[] }>(invite.loader, "/x", {
      cookie: cookies.teacher,
      params: { logId },
    });
    expect(page.data.missing).toEqual([{ serviceId: ppt, serviceName: "PPT", reason: { kind: "expired", expiredOn: daysAgo(1) } }]);
  });
});
