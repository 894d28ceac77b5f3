import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { database } from "../../../db/client.server";
import { children, logEvents, logInvitations, logParticipants, logs, services, users } from "../../../db/schema";
import { addDays, todayInOslo } from "../../lib/dates";
import { createId } from "../../lib/ids";
import type { Actor } from "../auth/permissions";
import { covers, gateContext, passesGate } from "../access/consent-gate.server";
import { checkLog, ledServiceIds, type StaffAccess } from "../access/open.server";
import { staffViewer } from "../access/viewer";
import { consentState } from "../consent/consents.server";
import { AppError, fieldError, notFound } from "../errors.server";
import { guideInEffect } from "../guide.server";
import { appendEvent, assertNotTooFarAhead } from "./events.server";
import { assertCovered, collaborationCandidates, personIn } from "./participants.server";

/**
 * Invitations to take part in a log (the `log_invitations` table; not the one-time link
 * that creates a staff account, people/account-invitations.server.ts), a closed loop
 * inside consent (DESIGN.md rules 3 and 10): the invite form's options, the holder's
 * invitation, the invitee's list, page and answer, and a leader's overdue ones. Every step
 * is a timeline event.
 */

export interface LogInvitationInput {
  inviteeId: string;
  serviceId: string;
  message: string;
  respondBy?: string;
}

/** The holder invites a person in a service the consent covers. */
export async function inviteToLog(actor: Actor, logId: string, input: LogInvitationInput) {
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
    const today = todayInOslo();
    const guide = await guideInEffect(tx, today);
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
export async function answerLogInvitation(actor: Actor, invitationId: string, input: { accept: boolean; reason?: string }) {
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
export async function myLogInvitations(actor: Actor) {
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

const inviter = alias(users, "inviter");

/**
 * For a leader: invitations to people in their services left unanswered past their date, on
 * open logs, each naming the inviter and the log. The log is named as to the invitee
 * (myLogInvitations: first name and initials, only while a consent covers the invitee's
 * service — the leader's own service), and `readable` says whether the leader may open it
 * (it is held in a service they lead), so a page links to it only then.
 */
export async function overdueLogInvitationsInMyServices(actor: Actor, serviceIds?: readonly string[]) {
  const led = ledServiceIds(actor).filter((id) => !serviceIds || serviceIds.includes(id));
  if (led.length === 0) return [];
  const { db } = await database();
  const today = todayInOslo();
  const rows = await db
    .select({
      id: logInvitations.id,
      invitee: users.name,
      inviteeEmail: users.email,
      serviceId: logInvitations.serviceId,
      serviceName: services.name,
      respondBy: logInvitations.respondBy,
      invitedBy: inviter.name,
      logId: logInvitations.logId,
      holderServiceId: logs.holderServiceId,
      childName: children.name,
      level: logs.level,
    })
    .from(logInvitations)
    .innerJoin(users, eq(users.id, logInvitations.inviteeId))
    .innerJoin(services, eq(services.id, logInvitations.serviceId))
    .innerJoin(inviter, eq(inviter.id, logInvitations.invitedBy))
    .innerJoin(logs, eq(logs.id, logInvitations.logId))
    .innerJoin(children, eq(children.id, logs.childId))
    .where(
      and(
        inArray(logInvitations.serviceId, led),
        eq(logInvitations.status, "pending"),
        lt(logInvitations.respondBy, today),
        eq(logs.state, "open"),
      ),
    )
    .orderBy(asc(logInvitations.respondBy), asc(logInvitations.id));
  const ctx = rows.length ? await gateContext(db, today) : null;
  const result = [];
  for (const { holderServiceId, childName, level, ...r } of rows) {
    const covered = await passesGate(db, { id: r.logId, holderServiceId }, r.serviceId, ctx!);
    result.push({
      ...r,
      log: covered ? { child: shortChildName(childName), level } : null,
      readable: ledServiceIds(actor).includes(holderServiceId),
    });
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
 * One invitation, for its invitee to answer. As on the home page (myLogInvitations), the log
 * is named — the child's first name and initials, the level — and the inviter's message
 * shown only while a consent covers the invitee's service (or it is the holder's own) and
 * the log is open: that consent is what lets the invitee know about the child at all.
 * Otherwise `log` and `message` are null and the page says "a log", naming no child.
 */
export async function logInvitationForInvitee(actor: Actor, invitationId: string) {
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
