import { and, asc, eq } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { children, handovers, logs, services, users } from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import { createId } from "../../lib/ids";
import type { Actor } from "../auth/permissions";
import { coveringConsents } from "../access/consent-gate.server";
import { assertMay, checkLog, type StaffAccess } from "../access/open.server";
import { transferRelay } from "../access/relay.server";
import { staffViewer } from "../access/viewer";
import { consentState } from "../consent/consents.server";
import { previewAccessLoss, requireLossConfirmed, type AccessLoss } from "../consent/impact.server";
import { AppError, fieldError, notFound } from "../errors.server";
import { appendEvent } from "./events.server";
import { assertCovered, personIn } from "./participants.server";

/**
 * Handing the relay to a new holder (DESIGN.md rules 1, 3 and 11): what a handover to each
 * service would do to access, worked out by the gate before it is proposed; the proposal,
 * which the receiving person accepts or declines (until then the old holder holds); and
 * the handovers waiting for a person's answer.
 */

/**
 * Who would lose read access if the relay went to someone in each of these services and
 * they accepted: per service, the people (never the new holder, who holds). The handover
 * is made for real (transferRelay, as answerHandover will) and rolled back.
 */
export async function handoverLosses(actor: Actor, logId: string, targets: { serviceId: string; userId: string }[]) {
  const result = new Map<string, AccessLoss[]>();
  for (const target of targets) {
    if (result.has(target.serviceId)) continue;
    result.set(
      target.serviceId,
      await previewAccessLoss(actor, logId, (tx, access) =>
        transferRelay(tx, access.log, { userId: target.userId, serviceId: target.serviceId }, { formerHolder: "participant" }),
      ),
    );
  }
  return result;
}

export interface HandoverOutcome {
  serviceId: string;
  serviceName: string;
  /** Everyone who would lose read access once someone in this service accepts. */
  losses: AccessLoss[];
  /** Whether the holder can still read the log afterwards (as a participant). */
  holderStays: boolean;
  /** A valid consent covering this service, to widen so that it covers the holder's service too. */
  widenConsentId: string | null;
}

/**
 * For the handover form: per service a new holder may come from, what the handover will do
 * to access — worked out by the gate (handoverLosses), so the form's promise is what then
 * happens (DESIGN.md rule 11).
 */
export async function handoverOutcomes(access: StaffAccess, candidates: { userId: string; serviceId: string; serviceName: string }[]) {
  assertMay(access, "hold");
  const losses = await handoverLosses(access.viewer.actor, access.log.id, candidates);
  const { db } = await database();
  const sharing = (await consentState(db, access.log)).filter((c) => c.scope === "share");
  const holderService = (await db.select({ name: services.name }).from(services).where(eq(services.id, access.log.holderServiceId)).get())!;
  const outcomes: HandoverOutcome[] = [];
  for (const c of candidates) {
    if (outcomes.some((o) => o.serviceId === c.serviceId)) continue;
    const lost = losses.get(c.serviceId) ?? [];
    outcomes.push({
      serviceId: c.serviceId,
      serviceName: c.serviceName,
      losses: lost,
      holderStays: !lost.some((l) => l.userId === access.log.holderId),
      widenConsentId: coveringConsents(sharing, c.serviceId)[0]?.id ?? null,
    });
  }
  return { holderId: access.log.holderId, holderServiceName: holderService.name, outcomes };
}

/**
 * The holder proposes a new holder. Within the same service no new consent is needed; to
 * another service a covering consent is. The old holder holds until the new one accepts.
 */
export async function proposeHandover(
  actor: Actor,
  logId: string,
  input: { toUserId: string; toServiceId: string; message: string; confirmLoss?: boolean },
) {
  const { transaction } = await database();
  return transaction(async (tx) => {
    const access = await checkLog(tx, staffViewer(actor), logId, "hold");
    if (access.log.kind !== "relay") throw new AppError(409, "not_a_relay_log");
    if (input.toUserId === actor.id) throw fieldError("toUserId", "invitee_is_holder");
    const person = await personIn(tx, input.toUserId, input.toServiceId);
    if (!person) throw fieldError("toUserId", "invitee_unknown");
    await assertCovered(tx, access.log, input.toServiceId, "toServiceId");
    const open = await tx
      .select({ id: handovers.id })
      .from(handovers)
      .where(and(eq(handovers.logId, logId), eq(handovers.status, "proposed")))
      .get();
    if (open) throw new AppError(409, "handover_pending");
    // Who loses access once it is accepted: the holder must have confirmed reading it.
    const to = { userId: input.toUserId, serviceId: input.toServiceId };
    await requireLossConfirmed(tx, logId, (trial, log) => transferRelay(trial, log, to, { formerHolder: "participant" }), input.confirmLoss);
    const id = createId();
    await tx.insert(handovers).values({
      id,
      logId,
      fromUserId: actor.id,
      fromServiceId: access.log.holderServiceId,
      toUserId: input.toUserId,
      toServiceId: input.toServiceId,
      message: input.message,
      status: "proposed",
      proposedAt: new Date(),
    });
    await appendEvent(tx, access, actor, "handover_proposed", todayInOslo(), {
      handoverId: id,
      to: person.name,
      toService: person.serviceName,
      message: input.message,
    });
    return { handoverId: id };
  });
}

/**
 * The proposed holder accepts (and holds from now on; the old holder stays on as a
 * participant) or declines with a reason (the old holder keeps holding).
 */
export async function answerHandover(actor: Actor, handoverId: string, input: { accept: boolean; reason?: string }) {
  if (!input.accept && !input.reason?.trim()) throw fieldError("reason", "required");
  const { transaction } = await database();
  return transaction(async (tx) => {
    const handover = await tx.select().from(handovers).where(eq(handovers.id, handoverId)).get();
    if (!handover || handover.toUserId !== actor.id || handover.status !== "proposed") throw notFound();
    const log = (await tx.select().from(logs).where(eq(logs.id, handover.logId)).get())!;
    if (log.state !== "open") throw new AppError(409, "log_closed");
    if (log.holderId !== handover.fromUserId) throw new AppError(409, "handover_outdated");
    const person = await personIn(tx, actor.id, handover.toServiceId);
    if (!person) throw notFound();
    if (input.accept) await assertCovered(tx, log, handover.toServiceId, "accept");
    const now = new Date();
    await tx
      .update(handovers)
      .set({ status: input.accept ? "accepted" : "declined", reason: input.reason?.trim() || null, answeredAt: now })
      .where(eq(handovers.id, handoverId));
    if (input.accept) {
      await transferRelay(tx, log, { userId: actor.id, serviceId: handover.toServiceId }, { formerHolder: "participant", now });
    }
    await appendEvent(tx, { log, serviceId: handover.toServiceId }, actor, "handover_answered", todayInOslo(), {
      handoverId,
      to: person.name,
      toService: person.serviceName,
      accepted: input.accept,
      reason: input.reason?.trim() || null,
    });
    return { logId: log.id };
  });
}

/** Handovers proposed to the person, waiting for their answer. */
export async function myHandovers(actor: Actor) {
  const { db } = await database();
  return db
    .select({
      id: handovers.id,
      logId: handovers.logId,
      childName: children.name,
      from: users.name,
      toServiceName: services.name,
      message: handovers.message,
    })
    .from(handovers)
    .innerJoin(logs, eq(logs.id, handovers.logId))
    .innerJoin(children, eq(children.id, logs.childId))
    .innerJoin(users, eq(users.id, handovers.fromUserId))
    .innerJoin(services, eq(services.id, handovers.toServiceId))
    .where(and(eq(handovers.toUserId, actor.id), eq(handovers.status, "proposed")))
    .orderBy(asc(handovers.proposedAt));
}

export async function handoverForTarget(actor: Actor, handoverId: string) {
  const mine = await myHandovers(actor);
  const handover = mine.find((h) => h.id === handoverId);
  if (!handover) throw notFound();
  return handover;
}
