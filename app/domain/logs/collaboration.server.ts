import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { database, type Transaction } from "../../../db/client.server";
import { children, handovers, logEvents, logInvitations, logParticipants, logs, memberships, services, users } from "../../../db/schema";
import { addDays, todayInOslo } from "../../lib/dates";
import { transferRelay } from "../access/relay.server";
import { createId } from "../../lib/ids";
import type { Actor } from "../auth/permissions";
import { covers, coveringConsents, gateContext, passesGate } from "../access/consent-gate.server";
import { assertMay, checkLog, ledServiceIds, readableLogs, type LogRow, type StaffAccess } from "../access/open.server";
import { staffViewer } from "../access/viewer";
import { consentState } from "../consent/consents.server";
import { previewAccessLoss, requireLossConfirmed, type AccessLoss } from "../consent/impact.server";
import { AppError, fieldError, notFound } from "../errors.server";
import { guideSettingsIn } from "../guide.server";
import { appendEvent, assertNotTooFarAhead } from "./events.server";

/**
 * Collaboration across services, inside consent (DESIGN.md rules 1 and 3): invitations
 * (a closed loop), participants leaving or being removed, handing the relay over, and
 * appointing a holder for an orphaned log. Every step is a timeline event.
 */

async function personIn(tx: Transaction, userId: string, serviceId: string) {
  return tx
    .select({ name: users.name, serviceName: services.name })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(services, eq(services.id, memberships.serviceId))
    .where(
      and(
        eq(users.id, userId),
        eq(users.active, true),
        eq(memberships.serviceId, serviceId),
        isNull(memberships.endedAt),
        eq(services.active, true),
      ),
    )
    .get();
}

/** The holder's own service needs no consent beyond keeping the log; any other must be covered. */
async function assertCovered(tx: Transaction, log: LogRow, serviceId: string, field: string) {
  if (!(await passesGate(tx, log, serviceId))) throw fieldError(field, "service_not_covered");
}

export interface InvitationInput {
  inviteeId: string;
  serviceId: string;
  message: string;
  respondBy?: string;
}

/** The holder invites a person in a service the consent covers. */
export async function invite(actor: Actor, logId: string, input: InvitationInput) {
  const { transaction } = await database();
  return transaction(async (tx) => {
    const access = await checkLog(tx, staffViewer(actor), logId, "hold");
    if (access.log.kind !== "relay") throw new AppError(409, "not_a_relay_log");
    const person = await personIn(tx, input.inviteeId, input.serviceId);
    if (!person) throw fieldError("inviteeId", "invitee_unknown");
    if (input.inviteeId === access.log.holderId) throw fieldError("inviteeId", "invitee_is_holder");
    await assertCovered(tx, access.log, input.serviceId, "serviceId");
    const already = await tx
      .select({ id: logParticipants.id })
      .from(logParticipants)
      .where(and(eq(logParticipants.logId, logId), eq(logParticipants.userId, input.inviteeId), isNull(logParticipants.endedAt)))
      .get();
    const pending = await tx
      .select({ id: logInvitations.id })
      .from(logInvitations)
      .where(and(eq(logInvitations.logId, logId), eq(logInvitations.inviteeId, input.inviteeId), eq(logInvitations.status, "pending")))
      .get();
    if (already || pending) throw fieldError("inviteeId", "already_invited");
    const guide = await guideSettingsIn(tx);
    const today = todayInOslo();
    const respondBy = input.respondBy ?? addDays(today, guide.invitationResponseDays);
    if (respondBy < today) throw fieldError("respondBy", "date_in_past");
    assertNotTooFarAhead("respondBy", respondBy);
    const id = createId();
    await tx.insert(logInvitations).values({
      id,
      logId,
      inviteeId: input.inviteeId,
      serviceId: input.serviceId,
      message: input.message,
      respondBy,
      status: "pending",
      invitedBy: actor.id,
      createdAt: new Date(),
    });
    await appendEvent(tx, access, actor, "invited", today, {
      invitationId: id,
      invitee: person.name,
      service: person.serviceName,
      message: input.message,
      respondBy,
    });
    return { invitationId: id };
  });
}

/**
 * The invitee accepts (and becomes a participant, if the consent still covers their
 * service) or declines with a reason.
 */
export async function answerInvitation(actor: Actor, invitationId: string, input: { accept: boolean; reason?: string }) {
  if (!input.accept && !input.reason?.trim()) throw fieldError("reason", "required");
  const { transaction } = await database();
  return transaction(async (tx) => {
    const invitation = await tx.select().from(logInvitations).where(eq(logInvitations.id, invitationId)).get();
    if (!invitation || invitation.inviteeId !== actor.id || invitation.status !== "pending") throw notFound();
    const log = (await tx.select().from(logs).where(eq(logs.id, invitation.logId)).get())!;
    if (log.state !== "open") throw new AppError(409, "log_closed");
    const person = await personIn(tx, actor.id, invitation.serviceId);
    if (!person) throw notFound();
    if (input.accept) await assertCovered(tx, log, invitation.serviceId, "accept");
    const now = new Date();
    await tx
      .update(logInvitations)
      .set({ status: input.accept ? "accepted" : "declined", reason: input.reason?.trim() || null, answeredAt: now })
      .where(eq(logInvitations.id, invitationId));
    if (input.accept) {
      await tx.insert(logParticipants).values({
        id: createId(),
        logId: log.id,
        userId: actor.id,
        serviceId: invitation.serviceId,
        joinedAt: now,
      });
    }
    await appendEvent(tx, { log, serviceId: invitation.serviceId }, actor, "invitation_answered", todayInOslo(), {
      invitationId,
      invitee: person.name,
      service: person.serviceName,
      accepted: input.accept,
      reason: input.reason?.trim() || null,
    });
    return { logId: log.id };
  });
}

/**
 * "Noah Hagen Eriksen" → "Noah H. E.": enough for the invitee to tell invitations apart
 * and recognise a child they know, on a list that is glanced at between lessons; the
 * full name is on the invitation itself, one step further, for the invitee only.
 */
export function shortChildName(name: string) {
  const [first, ...rest] = name.trim().split(/\s+/);
  return [first, ...rest.map((part) => `${part.slice(0, 1).toLocaleUpperCase("nb")}.`)].join(" ");
}

const inviterService = alias(services, "inviter_service");

/**
 * Invitations waiting for the person's answer, each saying who invited, from which
 * service, to which log and by when; those past their date are flagged. The log is
 * named (the child's first name and initials, and the level) only while a consent
 * covers the invitee's service — the same gate as for a participant — since that consent
 * is what lets the invitee know about the child at all; otherwise the line says the
 * consent no longer covers the service, and names no child.
 */
export async function myInvitations(actor: Actor) {
  const { db } = await database();
  const today = todayInOslo();
  const rows = await db
    .select({
      id: logInvitations.id,
      logId: logInvitations.logId,
      serviceId: logInvitations.serviceId,
      serviceName: services.name,
      respondBy: logInvitations.respondBy,
      invitedBy: users.name,
      invitedByService: inviterService.name,
      holderServiceId: logs.holderServiceId,
      childName: children.name,
      level: logs.level,
    })
    .from(logInvitations)
    .innerJoin(services, eq(services.id, logInvitations.serviceId))
    .innerJoin(users, eq(users.id, logInvitations.invitedBy))
    .innerJoin(logs, eq(logs.id, logInvitations.logId))
    .innerJoin(children, eq(children.id, logs.childId))
    // The service the inviter acted for is the one on the "invited" event of this invitation.
    .leftJoin(
      logEvents,
      and(
        eq(logEvents.logId, logInvitations.logId),
        eq(logEvents.type, "invited"),
        sql`json_extract(${logEvents.data}, '$.invitationId') = ${logInvitations.id}`,
      ),
    )
    .leftJoin(inviterService, eq(inviterService.id, logEvents.authorServiceId))
    .where(and(eq(logInvitations.inviteeId, actor.id), eq(logInvitations.status, "pending"), eq(logs.state, "open")))
    .orderBy(asc(logInvitations.respondBy), asc(logInvitations.id));
  const ctx = rows.length ? await gateContext(db, today) : null;
  const result = [];
  for (const r of rows) {
    const covered = await passesGate(db, { id: r.logId, holderServiceId: r.holderServiceId }, r.serviceId, ctx!);
    result.push({
      id: r.id,
      logId: r.logId,
      serviceName: r.serviceName,
      invitedBy: r.invitedBy,
      invitedByService: r.invitedByService,
      respondBy: r.respondBy,
      overdue: r.respondBy < today,
      log: covered ? { child: shortChildName(r.childName), level: r.level } : null,
    });
  }
  return result;
}

/** For a leader: invitations to people in their services left unanswered past their date. */
export async function overdueInvitationsInMyServices(actor: Actor) {
  const led = ledServiceIds(actor);
  if (led.length === 0) return [];
  const { db } = await database();
  return db
    .select({ id: logInvitations.id, invitee: users.name, serviceName: services.name, respondBy: logInvitations.respondBy })
    .from(logInvitations)
    .innerJoin(users, eq(users.id, logInvitations.inviteeId))
    .innerJoin(services, eq(services.id, logInvitations.serviceId))
    .where(
      and(
        inArray(logInvitations.serviceId, led),
        eq(logInvitations.status, "pending"),
        lt(logInvitations.respondBy, todayInOslo()),
      ),
    )
    .orderBy(asc(logInvitations.respondBy));
}

/** A participant leaves, or the holder removes them (with a reason). What they wrote stays. */
export async function endParticipation(actor: Actor, logId: string, input: { userId: string; reason?: string }) {
  const self = input.userId === actor.id;
  if (!self && !input.reason?.trim()) throw fieldError("reason", "required");
  const { transaction } = await database();
  await transaction(async (tx) => {
    const access = await checkLog(tx, staffViewer(actor), logId, self ? "write" : "hold");
    const row = await tx
      .select({ id: logParticipants.id, serviceId: logParticipants.serviceId, name: users.name, serviceName: services.name })
      .from(logParticipants)
      .innerJoin(users, eq(users.id, logParticipants.userId))
      .innerJoin(services, eq(services.id, logParticipants.serviceId))
      .where(and(eq(logParticipants.logId, logId), eq(logParticipants.userId, input.userId), isNull(logParticipants.endedAt)))
      .get();
    if (!row) throw notFound();
    await tx.update(logParticipants).set({ endedAt: new Date() }).where(eq(logParticipants.id, row.id));
    await appendEvent(tx, access, actor, "participant_left", todayInOslo(), {
      participant: row.name,
      service: row.serviceName,
      removed: !self,
      reason: input.reason?.trim() || null,
    });
  });
}

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

/** Open logs whose holder has been deactivated, in the services the person leads. */
export async function orphanedLogs(actor: Actor) {
  const led = ledServiceIds(actor);
  if (led.length === 0) return [];
  const { db } = await database();
  const gate = await gateContext(db);
  return db
    .select({ id: logs.id, childName: children.name, level: logs.level, formerHolder: users.name, serviceId: logs.holderServiceId })
    .from(logs)
    .innerJoin(users, eq(users.id, logs.holderId))
    .innerJoin(children, eq(children.id, logs.childId))
    .where(
      and(
        // Logs the leader may read (a private level-0 note only once it was discussed with them).
        readableLogs(staffViewer(actor), gate),
        inArray(logs.holderServiceId, led),
        eq(logs.state, "open"),
        eq(users.active, false),
      ),
    )
    .orderBy(asc(children.name));
}

/** For the appointment form: the orphaned log and who in its service can take it. */
export async function orphanForAppointment(actor: Actor, logId: string) {
  const orphan = (await orphanedLogs(actor)).find((l) => l.id === logId);
  if (!orphan) throw notFound();
  const { db } = await database();
  const candidates = await db
    .select({ userId: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.serviceId, orphan.serviceId), isNull(memberships.endedAt), eq(users.active, true)))
    .orderBy(asc(users.name));
  return { orphan, candidates };
}

/** The leader appoints a new holder, in the same service, for an orphaned log. */
export async function appointHolder(actor: Actor, logId: string, input: { userId: string }) {
  const { transaction } = await database();
  await transaction(async (tx) => {
    const log = await tx.select().from(logs).where(eq(logs.id, logId)).get();
    const leads = log && actor.memberships.some((m) => m.role === "leader" && m.serviceId === log.holderServiceId);
    if (!log || !leads) throw notFound();
    const holder = await tx.select({ active: users.active, name: users.name }).from(users).where(eq(users.id, log.holderId)).get();
    if (holder?.active || log.state !== "open") throw new AppError(409, "not_orphaned");
    const person = await personIn(tx, input.userId, log.holderServiceId);
    if (!person) throw fieldError("userId", "invitee_unknown");
    // The deactivated holder does not stay on as a participant.
    await transferRelay(tx, log, { userId: input.userId, serviceId: log.holderServiceId }, { formerHolder: "leaves" });
    await appendEvent(tx, { log, serviceId: log.holderServiceId }, actor, "relay_returned", todayInOslo(), {
      from: holder?.name ?? "",
      to: person.name,
      toService: person.serviceName,
    });
  });
}


/**
 * People the holder may hand over to: active staff of services a valid consent covers
 * (and of the holder's own service), minus the holder. `participating`/`invited`/`leader`
 * say who can already read the log or has been asked.
 */
export async function collaborationCandidates(access: StaffAccess) {
  assertMay(access, "hold");
  const logId = access.log.id;
  const { db } = await database();
  const gate = await gateContext(db);
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      serviceId: services.id,
      serviceName: services.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(services, eq(services.id, memberships.serviceId))
    .where(and(isNull(memberships.endedAt), eq(users.active, true), eq(services.active, true)))
    .orderBy(asc(services.name), asc(users.name));
  const current = new Set(
    (
      await db
        .select({ userId: logParticipants.userId })
        .from(logParticipants)
        .where(and(eq(logParticipants.logId, logId), isNull(logParticipants.endedAt)))
    ).map((r) => r.userId),
  );
  const invited = new Set(
    (
      await db
        .select({ userId: logInvitations.inviteeId })
        .from(logInvitations)
        .where(and(eq(logInvitations.logId, logId), eq(logInvitations.status, "pending")))
    ).map((r) => r.userId),
  );
  // The holder's leaders read the log already (need to know, DESIGN.md rule 2).
  const leaders = new Set(
    rows.filter((r) => r.serviceId === access.log.holderServiceId && r.role === "leader").map((r) => r.userId),
  );
  const covered = new Map<string, boolean>();
  const result = [];
  for (const { role: _role, ...r } of rows) {
    if (r.userId === access.log.holderId) continue;
    if (!covered.has(r.serviceId)) {
      covered.set(r.serviceId, await passesGate(db, access.log, r.serviceId, gate));
    }
    if (covered.get(r.serviceId)) {
      result.push({ ...r, participating: current.has(r.userId), invited: invited.has(r.userId), leader: leaders.has(r.userId) });
    }
  }
  return result;
}

/** Why a service named in a consent on the log cannot be invited yet. */
export type MissingReason =
  | { kind: "partial"; given: number; required: number }
  | { kind: "young_person_under_age" }
  | { kind: "expired"; expiredOn: string }
  | { kind: "refused" };

/**
 * For the invite form: the people who may be invited — in a covered service, not already
 * able to read the log (holder, participants, the holder's leaders) nor invited — and, for
 * each service a consent names that does not open the log, why not (instead of leaving it
 * out silently). Services no consent names at all are "none" (said once on the form).
 */
export async function inviteOptions(access: StaffAccess) {
  const candidates = (await collaborationCandidates(access)).filter((c) => !c.participating && !c.invited && !c.leader);
  const { db } = await database();
  const state = await consentState(db, access.log);
  const passes = (serviceId: string) => serviceId === access.log.holderServiceId || covers(state, serviceId);
  const missing = new Map<string, { serviceId: string; serviceName: string; reason: MissingReason }>();
  const rank = { partial: 0, young_person_under_age: 1, expired: 2, refused: 3 } as const;
  for (const c of state) {
    if (c.counts) continue;
    const reason: MissingReason =
      c.decision === "refused"
        ? { kind: "refused" }
        : c.expired
          ? { kind: "expired", expiredOn: c.expiresOn }
          : c.youngPerson
            ? { kind: "young_person_under_age" }
            : { kind: "partial", given: c.guardiansGiven, required: c.guardiansRequired };
    for (const s of c.services) {
      if (passes(s.id)) continue;
      const known = missing.get(s.id);
      // The reason closest to opening the log wins (a consent half given beats a refusal).
      if (!known || rank[reason.kind] < rank[known.reason.kind]) missing.set(s.id, { serviceId: s.id, serviceName: s.name, reason });
    }
  }
  return {
    candidates,
    missing: [...missing.values()].sort((a, b) => a.serviceName.localeCompare(b.serviceName, "nb")),
  };
}

/**
 * One invitation, for its invitee to answer. As on the home page (myInvitations), the log
 * is named — the child's first name and initials, the level — and the inviter's message
 * shown only while a consent covers the invitee's service (or it is the holder's own) and
 * the log is open: that consent is what lets the invitee know about the child at all.
 * Otherwise `log` and `message` are null and the page says "a log", naming no child.
 */
export async function invitationForInvitee(actor: Actor, invitationId: string) {
  const { db } = await database();
  const row = await db
    .select({
      id: logInvitations.id,
      logId: logInvitations.logId,
      inviteeId: logInvitations.inviteeId,
      serviceId: logInvitations.serviceId,
      status: logInvitations.status,
      message: logInvitations.message,
      respondBy: logInvitations.respondBy,
      serviceName: services.name,
      childName: children.name,
      level: logs.level,
      state: logs.state,
      holderServiceId: logs.holderServiceId,
      invitedBy: users.name,
    })
    .from(logInvitations)
    .innerJoin(logs, eq(logs.id, logInvitations.logId))
    .innerJoin(children, eq(children.id, logs.childId))
    .innerJoin(services, eq(services.id, logInvitations.serviceId))
    .innerJoin(users, eq(users.id, logInvitations.invitedBy))
    .where(eq(logInvitations.id, invitationId))
    .get();
  if (!row || row.inviteeId !== actor.id || row.status !== "pending") throw notFound();
  const covered =
    row.state === "open" &&
    (await passesGate(db, { id: row.logId, holderServiceId: row.holderServiceId }, row.serviceId));
  return {
    id: row.id,
    logId: row.logId,
    serviceName: row.serviceName,
    invitedBy: row.invitedBy,
    respondBy: row.respondBy,
    overdue: row.respondBy < todayInOslo(),
    log: covered ? { child: shortChildName(row.childName), level: row.level } : null,
    message: covered ? row.message : null,
  };
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
