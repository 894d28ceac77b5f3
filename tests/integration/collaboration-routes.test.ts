import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { consentAttachments, guardians, logs } from "../../db/schema";
import * as home from "../../app/routes/_index";
import * as handoverAnswer from "../../app/routes/handovers.$handoverId";
import * as invitationAnswer from "../../app/routes/invitations.$invitationId";
import * as logPage from "../../app/routes/logs.$logId._index";
import * as appoint from "../../app/routes/logs.$logId.appoint";
import * as attachment from "../../app/routes/logs.$logId.consents.$consentId.attachment";
import * as withdraw from "../../app/routes/logs.$logId.consents.$consentId.withdraw";
import * as consentNew from "../../app/routes/logs.$logId.consents.new";
import * as handover from "../../app/routes/logs.$logId.handover";
import * as invite from "../../app/routes/logs.$logId.invite";
import * as leave from "../../app/routes/logs.$logId.leave";
import * as remove from "../../app/routes/logs.$logId.participants.$userId.remove";
import { setUserActive } from "../../app/domain/people/users.server";
import { makeService, makeUser, sessionFor } from "../support/factories";
import { actorOf, makeRelayLog, today } from "../support/log-factories";
import { BASE, callAction, callLoader } from "../support/requests";

type Reply = { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};
let school = "";
let health = "";

beforeEach(async () => {
  school = (await makeService({ kind: "school" })).id;
  health = (await makeService({ kind: "health_clinic" })).id;
  const people = {
    teacher: await makeUser({ memberships: [{ serviceId: school, role: "employee" }] }),
    colleague: await makeUser({ memberships: [{ serviceId: school, role: "employee" }] }),
    principal: await makeUser({ memberships: [{ serviceId: school, role: "leader" }] }),
    nurse: await makeUser({ memberships: [{ serviceId: health, role: "employee" }] }),
    admin: await makeUser({ isAdministrator: true }),
  };
  for (const [k, v] of Object.entries(people)) {
    ids[k] = v.id;
    cookies[k] = (await sessionFor(v.id)).cookie;
  }
});

/** A multipart POST, as the consent form sends it. */
async function postMultipart(logId: string, fields: Record<string, string | string[]>, file?: { name: string; bytes: Uint8Array; type: string }, who = "teacher") {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
  if (file) form.append("attachment", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  const request = new Request(new URL(`/logs/${logId}/consents/new`, BASE), { method: "POST", body: form, headers: { Cookie: cookies[who]! } });
  try {
    const value = (await consentNew.action({ request, params: { logId }, context: { cspNonce: "", clientAddress: "127.0.0.1" } })) as unknown;
    if (value instanceof Response) return { status: value.status, location: value.headers.get("Location"), data: undefined as Reply | undefined };
    const v = value as { data: Reply; init: { status: number } | null };
    return { status: v.init?.status ?? 200, location: null, data: v.data };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), data: undefined };
    throw thrown;
  }
}

async function guardianIdsOf(logId: string) {
  const { db } = await database();
  const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
  return (await db.select().from(guardians).where(eq(guardians.childId, log.childId))).map((g) => g.id);
}

const pdf = new TextEncoder().encode("%PDF-1.4\n% test\n");

describe("the consent form", () => {
  it("records a written consent with a signed PDF; the file is readable by the log's readers only", async () => {
    const teacher = await actorOf(ids.teacher!);
    const { logId } = await makeRelayLog(teacher, school, "Skjema Barn");
    const o = await postMultipart(
      logId,
      { scope: "share", decision: "given", form: "written", purpose: "Samarbeid med helsestasjonen", guardianIds: await guardianIdsOf(logId), serviceIds: [health], givenOn: today() },
      { name: "samtykke.pdf", bytes: pdf, type: "application/pdf" },
    );
    expect(o.status).toBe(302);
    expect(o.location).toContain("notice=consent");
    const page = await callLoader<{ consents: { id: string; counts: boolean; hasAttachment: boolean }[] }>(logPage.loader, `/logs/${logId}`, {
      cookie: cookies.teacher,
      params: { logId },
    });
    const consent = page.data.consents[0]!;
    expect(consent).toMatchObject({ counts: true, hasAttachment: true });
    const file = await callLoader(attachment.loader, "/x", { cookie: cookies.teacher, params: { logId, consentId: consent.id } });
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("application/pdf");
    expect(file.headers.get("Content-Disposition")).toContain("attachment");
    for (const who of ["colleague", "nurse", "admin"]) {
      expect((await callLoader(attachment.loader, "/x", { cookie: cookies[who], params: { logId, consentId: consent.id } })).status, who).toBe(404);
    }
  });

  it("refuses a file that is not really a PDF or image, whatever its name, and writes nothing", async () => {
    const teacher = await actorOf(ids.teacher!);
    const { logId } = await makeRelayLog(teacher, school);
    const { db } = await database();
    const before = (await db.select().from(consentAttachments)).length;
    const o = await postMultipart(
      logId,
      { scope: "share", decision: "given", form: "written", purpose: "x", guardianIds: await guardianIdsOf(logId), serviceIds: [health], givenOn: today() },
      { name: "samtykke.pdf", bytes: new TextEncoder().encode("just text"), type: "application/pdf" },
    );
    expect(o.status).toBe(400);
    expect(o.data!.error).toEqual({ attachment: ["errors.attachment_type"] });
    expect((await db.select().from(consentAttachments)).length).toBe(before);
    const page = await callLoader<{ consents: unknown[] }>(logPage.loader, `/logs/${logId}`, { cookie: cookies.teacher, params: { logId } });
    expect(page.data.consents).toEqual([]);
  });

  it("bad input answers next to the fields and keeps what was typed", async () => {
    const teacher = await actorOf(ids.teacher!);
    const { logId } = await makeRelayLog(teacher, school);
    const oral = await postMultipart(logId, { scope: "share", decision: "given", form: "oral", purpose: "Kort formål", guardianIds: await guardianIdsOf(logId), serviceIds: [health], givenOn: today() });
    expect(oral.data!.error).toEqual({ note: ["errors.oral_consent_needs_note"] });
    expect(oral.data!.initialValue).toMatchObject({ purpose: "Kort formål", form: "oral" });
    const nobody = await postMultipart(logId, { scope: "share", decision: "given", form: "written", purpose: "x", serviceIds: [health], givenOn: today() });
    expect(nobody.data!.error).toEqual({ guardianIds: ["errors.consent_party_required"] });
  });

  it("may be limited to categories of information, shown with the consent", async () => {
    const teacher = await actorOf(ids.teacher!);
    const { logId } = await makeRelayLog(teacher, school);
    const o = await postMultipart(logId, {
      scope: "share",
      decision: "given",
      form: "digital",
      purpose: "Helse",
      guardianIds: await guardianIdsOf(logId),
      serviceIds: [health],
      givenOn: today(),
      categories: " helse,  skolefaglig , ",
    });
    expect(o.status).toBe(302);
    const page = await callLoader<{ consents: { categories: string[] }[]; events: { type: string; data: { categories?: string[] } }[] }>(
      logPage.loader,
      `/logs/${logId}`,
      { cookie: cookies.teacher, params: { logId } },
    );
    expect(page.data.consents[0]!.categories).toEqual(["helse", "skolefaglig"]);
    expect(page.data.events[0]).toMatchObject({ type: "consent_recorded", data: { categories: ["helse", "skolefaglig"] } });
  });

  it("is for the holder only", async () => {
    const teacher = await actorOf(ids.teacher!);
    const { logId } = await makeRelayLog(teacher, school);
    expect((await callLoader(consentNew.loader, "/x", { cookie: cookies.principal, params: { logId } })).status).toBe(403);
    expect((await callLoader(consentNew.loader, "/x", { cookie: cookies.colleague, params: { logId } })).status).toBe(404);
  });
});

describe("invitation, handover and participants through the routes", () => {
  it("invite → accept → remove; handover → accept; leave; withdraw", async () => {
    const teacher = await actorOf(ids.teacher!);
    const { logId } = await makeRelayLog(teacher, school, "Rute Samarbeid");
    const guardianIds = await guardianIdsOf(logId);
    await postMultipart(logId, { scope: "keep", decision: "given", form: "written", purpose: "Føre logg", guardianIds, givenOn: today() });
    // Nobody outside the school can be invited before a sharing consent.
    const before = await callLoader<{ candidates: { userId: string }[] }>(invite.loader, "/x", { cookie: cookies.teacher, params: { logId } });
    expect(before.data.candidates.map((c) => c.userId)).not.toContain(ids.nurse);
    expect(before.data.candidates.map((c) => c.userId)).toContain(ids.colleague);
    await postMultipart(logId, { scope: "share", decision: "given", form: "digital", purpose: "Helse", guardianIds, serviceIds: [health], givenOn: today() });
    const after = await callLoader<{ candidates: { userId: string }[] }>(invite.loader, "/x", { cookie: cookies.teacher, params: { logId } });
    expect(after.data.candidates.map((c) => c.userId)).toContain(ids.nurse);

    const bad = await callAction<Reply>(invite.action, "/x", { cookie: cookies.teacher, params: { logId }, form: { person: "not-a-person", message: "" } });
    expect(bad.data.error).toMatchObject({ person: ["validation.invalidChoice"], message: ["validation.required"] });
    const sent = await callAction(invite.action, "/x", { cookie: cookies.teacher, params: { logId }, form: { person: `${ids.nurse}:${health}`, message: "Vil du være med?" } });
    expect(sent.location).toContain("notice=invited");

    const nurseHome = await callLoader<{ waiting: { invitations: { id: string }[] } }>(home.loader, "/", { cookie: cookies.nurse });
    const invitationId = nurseHome.data.waiting.invitations[0]!.id;
    expect((await callLoader(invitationAnswer.loader, "/x", { cookie: cookies.colleague, params: { invitationId } })).status).toBe(404);
    const noReason = await callAction<Reply>(invitationAnswer.action, "/x", { cookie: cookies.nurse, params: { invitationId }, form: { answer: "decline" } });
    expect(noReason.data.error).toEqual({ reason: ["validation.required"] });
    const accepted = await callAction(invitationAnswer.action, "/x", { cookie: cookies.nurse, params: { invitationId }, form: { answer: "accept" } });
    expect(accepted.location).toBe(`/logs/${logId}?notice=accepted`);
    expect((await callLoader(logPage.loader, `/logs/${logId}`, { cookie: cookies.nurse, params: { logId } })).status).toBe(200);

    // Handover to the nurse.
    const proposed = await callAction(handover.action, "/x", { cookie: cookies.teacher, params: { logId }, form: { person: `${ids.nurse}:${health}`, message: "Du bærer mest nå.", confirmLoss: "on" } });
    expect(proposed.location).toContain("notice=handover");
    const handoverId = (await callLoader<{ waiting: { handovers: { id: string }[] } }>(home.loader, "/", { cookie: cookies.nurse })).data.waiting.handovers[0]!.id;
    expect((await callAction(handoverAnswer.action, "/x", { cookie: cookies.nurse, params: { handoverId }, form: { answer: "accept" } })).location).toBe(
      `/logs/${logId}?notice=handoverAccepted`,
    );
    const asNurse = await callLoader<{ role: string; participants: { userId: string; hasAccess: boolean }[] }>(logPage.loader, `/logs/${logId}`, {
      cookie: cookies.nurse,
      params: { logId },
    });
    expect(asNurse.data.role).toBe("holder");
    expect(asNurse.data.participants.map((p) => p.userId)).toContain(ids.teacher);

    // The nurse removes the teacher (with a reason), then the teacher cannot read it.
    const noWhy = await callAction<Reply>(remove.action, "/x", { cookie: cookies.nurse, params: { logId, userId: ids.teacher! }, form: { reason: "" } });
    expect(noWhy.status).toBe(400);
    expect((await callAction(remove.action, "/x", { cookie: cookies.nurse, params: { logId, userId: ids.teacher! }, form: { reason: "Skolen er ikke lenger involvert" } })).location).toContain("notice=removed");
    expect((await callLoader(logPage.loader, `/logs/${logId}`, { cookie: cookies.teacher, params: { logId } })).status).toBe(404);
  });

  it("a participant leaves; the holder withdraws a consent with a reason", async () => {
    const teacher = await actorOf(ids.teacher!);
    const { logId } = await makeRelayLog(teacher, school, "Går Selv");
    const guardianIds = await guardianIdsOf(logId);
    await postMultipart(logId, { scope: "share", decision: "given", form: "written", purpose: "Helse", guardianIds, serviceIds: [health], givenOn: today() });
    await callAction(invite.action, "/x", { cookie: cookies.teacher, params: { logId }, form: { person: `${ids.nurse}:${health}`, message: "x" } });
    const invitationId = (await callLoader<{ waiting: { invitations: { id: string }[] } }>(home.loader, "/", { cookie: cookies.nurse })).data.waiting.invitations[0]!.id;
    await callAction(invitationAnswer.action, "/x", { cookie: cookies.nurse, params: { invitationId }, form: { answer: "accept" } });
    expect((await callAction(leave.action, "/x", { cookie: cookies.nurse, params: { logId } })).location).toBe("/?notice=left");
    expect((await callLoader(logPage.loader, `/logs/${logId}`, { cookie: cookies.nurse, params: { logId } })).status).toBe(404);

    const page = await callLoader<{ consents: { id: string }[] }>(logPage.loader, `/logs/${logId}`, { cookie: cookies.teacher, params: { logId } });
    const consentId = page.data.consents[0]!.id;
    const empty = await callAction<Reply>(withdraw.action, "/x", { cookie: cookies.teacher, params: { logId, consentId }, form: { reason: "" } });
    expect(empty.data.error).toEqual({ reason: ["validation.required"] });
    expect((await callAction(withdraw.action, "/x", { cookie: cookies.teacher, params: { logId, consentId }, form: { reason: "Far ringte" } })).location).toContain("notice=withdrawn");
    const afterwards = await callLoader<{ consents: unknown[]; events: { type: string }[] }>(logPage.loader, `/logs/${logId}`, { cookie: cookies.teacher, params: { logId } });
    expect(afterwards.data.consents).toEqual([]);
    expect(afterwards.data.events[0]!.type).toBe("consent_withdrawn");
  });

  it("the leader appoints a holder for an orphaned log from the home page", async () => {
    const holder = await makeUser({ memberships: [{ serviceId: school, role: "employee" }] });
    const { logId } = await makeRelayLog(await actorOf(holder.id), school, "Foreldreløs Rute");
    await setUserActive(await actorOf(ids.admin!), holder.id, false);
    const leaderHome = await callLoader<{ waiting: { orphaned: { id: string }[] } }>(home.loader, "/", { cookie: cookies.principal });
    expect(leaderHome.data.waiting.orphaned.map((o) => o.id)).toContain(logId);
    expect((await callLoader(appoint.loader, "/x", { cookie: cookies.colleague, params: { logId } })).status).toBe(404);
    const form = await callLoader<{ candidates: { userId: string }[] }>(appoint.loader, "/x", { cookie: cookies.principal, params: { logId } });
    expect(form.data.candidates.map((c) => c.userId)).toContain(ids.colleague);
    expect((await callAction(appoint.action, "/x", { cookie: cookies.principal, params: { logId }, form: { userId: ids.colleague! } })).location).toBe(
      `/logs/${logId}?notice=appointed`,
    );
    expect((await callLoader<{ role: string }>(logPage.loader, `/logs/${logId}`, { cookie: cookies.colleague, params: { logId } })).data.role).toBe("holder");
  });
});
