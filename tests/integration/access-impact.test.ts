import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { logEvents, logs } from "../../db/schema";
import type { Actor } from "../../app/domain/auth/permissions";
import { recordConsentIn, withdrawConsent, withdrawConsentIn } from "../../app/domain/consent/consents.server";
import { previewAccessLoss } from "../../app/domain/consent/impact.server";
import { findAccess } from "../../app/domain/access/open.server";
import { staffViewer } from "../../app/domain/access/viewer";
import { answerHandover, handoverLosses, proposeHandover } from "../../app/domain/logs/handovers.server";
import { answerLogInvitation, inviteToLog } from "../../app/domain/logs/log-invitations.server";
import { recordConsent } from "../../app/domain/consent/consents.server";
import { makeService, makeUser } from "../support/factories";
import { actorOf, giveConsent, makeRelayLog, makeSchoolCast, today } from "../support/log-factories";

/**
 * The preview of "who would lose read access" (app/domain/consent/impact.server.ts) names
 * exactly the people the gate then shuts out once the change is made — for a handover, a
 * narrowing and a withdrawal — and changes nothing itself.
 */
let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
let pptService: string;
let ppt: Actor;
let everyone: Actor[];

beforeEach(async () => {
  cast = await makeSchoolCast();
  pptService = (await makeService({ kind: "ppt" })).id;
  ppt = await actorOf((await makeUser({ memberships: [{ serviceId: pptService, role: "employee" }] })).id);
  everyone = [...Object.values(cast.actors), ppt];
});

const teacher = () => cast.actors.teacher;
const nurse = () => cast.actors.nurse;

async function readers(logId: string): Promise<Set<string>> {
  const { db } = await database();
  const result = new Set<string>();
  for (const person of everyone) if (await findAccess(db, staffViewer(person), logId)) result.add(person.id);
  return result;
}

async function snapshot(logId: string) {
  const { db } = await database();
  const log = await db.select().from(logs).where(eq(logs.id, logId)).get();
  const events = await db.select({ id: logEvents.id }).from(logEvents).where(eq(logEvents.logId, logId));
  return { log, events: events.length };
}

/** A relay log shared with the health service and PPT, the nurse and the PPT adviser taking part. */
async function sharedLog(withKeep: boolean) {
  const { logId } = await makeRelayLog(teacher(), cast.school.id);
  if (withKeep) await giveConsent(teacher(), logId, "keep");
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

function lostBetween(before: Set<string>, after: Set<string>) {
  return [...before].filter((id) => !after.has(id)).sort();
}

describe("who would lose access: a handover to another service", () => {
  it("without a consent covering the school, names the holder and her principal — and the gate then cuts exactly them", async () => {
    const { logId } = await sharedLog(false);
    const before = await readers(logId);
    const unchanged = await snapshot(logId);
    const preview = (await handoverLosses(teacher(), logId, [{ serviceId: cast.health.id, userId: nurse().id }])).get(
      cast.health.id,
    )!;
    expect(preview.map((l) => l.userId).sort()).toEqual([cast.ids.teacher, cast.ids.principal].sort());
    expect(preview.find((l) => l.userId === cast.ids.teacher)).toMatchObject({ role: "holder", serviceId: cast.school.id });
    expect(preview.find((l) => l.userId === cast.ids.principal)).toMatchObject({ role: "leader" });
    expect(await snapshot(logId)).toEqual(unchanged);

    const { handoverId } = await proposeHandover(teacher(), logId, { toUserId: nurse().id, toServiceId: cast.health.id, message: "Over til deg", confirmLoss: true });
    await answerHandover(nurse(), handoverId, { accept: true });
    expect(lostBetween(before, await readers(logId))).toEqual(preview.map((l) => l.userId).sort());
  });

  it("with the consent to keep the log (which covers the school), only the principal loses access", async () => {
    const { logId } = await sharedLog(true);
    const before = await readers(logId);
    const preview = (await handoverLosses(teacher(), logId, [{ serviceId: cast.health.id, userId: nurse().id }])).get(
      cast.health.id,
    )!;
    expect(preview.map((l) => l.userId)).toEqual([cast.ids.principal]);
    const { handoverId } = await proposeHandover(teacher(), logId, { toUserId: nurse().id, toServiceId: cast.health.id, message: "Over til deg", confirmLoss: true });
    await answerHandover(nurse(), handoverId, { accept: true });
    expect(lostBetween(before, await readers(logId))).toEqual([cast.ids.principal]);
  });

  it("within the holder's own service nobody loses access", async () => {
    const { logId } = await sharedLog(false);
    const preview = await handoverLosses(teacher(), logId, [{ serviceId: cast.school.id, userId: cast.ids.colleague }]);
    expect(preview.get(cast.school.id)).toEqual([]);
  });

  it("is only for the holder", async () => {
    const { logId } = await sharedLog(false);
    await expect(
      handoverLosses(nurse(), logId, [{ serviceId: cast.health.id, userId: nurse().id }]),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      handoverLosses(cast.actors.colleague, logId, [{ serviceId: cast.health.id, userId: nurse().id }]),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("who would lose access: withdrawing and narrowing a consent", () => {
  it("withdrawal: names both participants, changes nothing, and the gate then cuts exactly them", async () => {
    const { logId, shareId } = await sharedLog(true);
    const before = await readers(logId);
    const unchanged = await snapshot(logId);
    const preview = await previewAccessLoss(teacher(), logId, (tx, access) =>
      withdrawConsentIn(tx, access, teacher(), shareId, { reason: "Foresatte ønsker det" }),
    );
    expect(preview.map((l) => l.userId).sort()).toEqual([nurse().id, ppt.id].sort());
    expect(preview.every((l) => l.role === "participant")).toBe(true);
    expect(await snapshot(logId)).toEqual(unchanged);
    await withdrawConsent(teacher(), logId, shareId, { reason: "Foresatte ønsker det", confirmLoss: true });
    expect(lostBetween(before, await readers(logId))).toEqual(preview.map((l) => l.userId).sort());
  });

  it("narrowing to the health service: names the PPT adviser only, as the gate then does", async () => {
    const { logId, shareId } = await sharedLog(true);
    const before = await readers(logId);
    const { db } = await database();
    const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
    const { guardians } = await import("../../db/schema");
    const guardianIds = (await db.select().from(guardians).where(eq(guardians.childId, log.childId))).map((g) => g.id);
    const input = {
      scope: "share" as const,
      decision: "given" as const,
      form: "written" as const,
      purpose: "Samarbeid om tiltak",
      guardianIds,
      youngPerson: false,
      serviceIds: [cast.health.id],
      givenOn: today(),
      replacesId: shareId,
    };
    const preview = await previewAccessLoss(teacher(), logId, (tx, access) => recordConsentIn(tx, access, teacher(), input).then(() => {}));
    expect(preview).toEqual([
      expect.objectContaining({ userId: ppt.id, role: "participant", serviceId: pptService }),
    ]);
    expect(preview[0]!.serviceName).not.toBe("");
    await recordConsent(teacher(), logId, input, { confirmLoss: true });
    expect(lostBetween(before, await readers(logId))).toEqual([ppt.id]);
  });

  it("withdrawing the consent to keep the log names everyone but the holder (the log closes)", async () => {
    const { logId } = await sharedLog(true);
    const { db } = await database();
    const { consents } = await import("../../db/schema");
    const keep = (await db.select().from(consents).where(eq(consents.logId, logId))).find((c) => c.scope === "keep")!;
    const before = await readers(logId);
    const preview = await previewAccessLoss(teacher(), logId, (tx, access) =>
      withdrawConsentIn(tx, access, teacher(), keep.id, { reason: "Ønsker ikke logg" }),
    );
    await withdrawConsent(teacher(), logId, keep.id, { reason: "Ønsker ikke logg", confirmLoss: true });
    const lost = lostBetween(before, await readers(logId));
    expect(lost).toEqual([nurse().id, ppt.id, cast.ids.principal].sort());
    expect(preview.map((l) => l.userId).sort()).toEqual(lost);
  });
});
