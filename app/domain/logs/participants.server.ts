import { and, asc, eq, isNull } from "drizzle-orm";
import { database, type Transaction } from "../../../db/client.server";
import { logInvitations, logParticipants, memberships, services, users } from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import type { Actor } from "../auth/permissions";
import { gateContext, passesGate } from "../access/consent-gate.server";
import { assertMay, checkLog, type LogRow, type StaffAccess } from "../access/open.server";
import { staffViewer } from "../access/viewer";
import { fieldError, notFound } from "../errors.server";
import { appendEvent } from "./events.server";

/**
 * Who takes part in a log across services, inside consent (DESIGN.md rules 1 and 3), and
 * who could: a person's current place in a service, the consent a service needs to join,
 * the people the holder may invite or hand over to, and a participant leaving or being
 * removed. Invitations (log-invitations.server.ts), handovers (handovers.server.ts) and
 * the leader's orphaned logs (orphaned-logs.server.ts) build on these.
 */

/** An active person in an active service they belong to now: their name and the service's, or undefined. */
export async function personIn(tx: Transaction, userId: string, serviceId: string) {
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
export async function assertCovered(tx: Transaction, log: LogRow, serviceId: string, field: string) {
  if (!(await passesGate(tx, log, serviceId))) throw fieldError(field, "service_not_covered");
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
 * People the holder may invite or hand over to: active staff of services a valid consent covers
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
