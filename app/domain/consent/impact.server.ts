import { and, eq, inArray, isNull } from "drizzle-orm";
import { database, rolledBack, type Transaction } from "../../../db/client.server";
import { logParticipants, logs, memberships, services, users } from "../../../db/schema";
import type { Actor } from "../auth/permissions";
import { fieldError, notFound } from "../errors.server";
import { checkLog, findAccess, type LogRow, type StaffCheck, type StaffRole } from "../access/open.server";
import { staffViewer } from "../access/viewer";

/**
 * "Who would lose read access to this log if this change happened?" (DESIGN.md rule 11:
 * a change that will cut someone's access says so before it is made.)
 *
 * There is no second copy of the access rules here. The change is made for real inside a
 * write transaction — with the same domain code that will later make it — everyone who
 * could read the log before is asked the gate again (findAccess in
 * access/open.server.ts, which uses the consent gate), and the transaction is rolled back. So the
 * preview and what the gate then does cannot disagree, whatever the change does on the way
 * (a relay returning to an earlier holder, a log closing because its keep consent went).
 */
export interface AccessLoss {
  userId: string;
  name: string;
  /** The service the person reads the log for today. */
  serviceId: string;
  serviceName: string;
  /** How they read it today. */
  role: StaffRole;
}

/** A change to try: it gets the transaction and the log as it is before the change. */
export type TrialChange = (tx: Transaction, log: LogRow) => Promise<unknown>;

class Rollback extends Error {}

/** The person as the gate sees them: id and current memberships (as loadActor reads them). */
async function actorIn(tx: Transaction, userId: string): Promise<Actor | null> {
  const user = await tx.select().from(users).where(eq(users.id, userId)).get();
  if (!user || !user.active || user.kind !== "staff") return null;
  const rows = await tx
    .select({
      id: memberships.id,
      serviceId: services.id,
      serviceName: services.name,
      serviceKind: services.kind,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(services, eq(services.id, memberships.serviceId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.endedAt), eq(services.active, true)));
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isAdministrator: user.isAdministrator,
    isCoordinator: user.isCoordinator,
    memberships: rows,
  };
}

/**
 * Everyone on the staff side who can read the log now. Only the holder, current
 * participants and the leaders of the holder's service can (rule 2), so those are the
 * people asked; the gate decides for each.
 */
async function readersIn(tx: Transaction, logId: string): Promise<Map<string, { actor: Actor; access: StaffCheck }>> {
  const log = await tx.select().from(logs).where(eq(logs.id, logId)).get();
  const result = new Map<string, { actor: Actor; access: StaffCheck }>();
  if (!log) return result;
  const participants = await tx
    .select({ userId: logParticipants.userId })
    .from(logParticipants)
    .where(and(eq(logParticipants.logId, logId), isNull(logParticipants.endedAt)));
  const leaders = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.serviceId, log.holderServiceId), eq(memberships.role, "leader"), isNull(memberships.endedAt)));
  const candidates = new Set([log.holderId, ...participants.map((p) => p.userId), ...leaders.map((l) => l.userId)]);
  for (const userId of candidates) {
    const actor = await actorIn(tx, userId);
    if (!actor) continue;
    const access = await findAccess(tx, staffViewer(actor), logId);
    if (access) result.set(userId, { actor, access });
  }
  return result;
}

/** Inside a transaction that will be rolled back: who could read before and cannot after. */
async function lossesIn(tx: Transaction, logId: string, change: TrialChange): Promise<AccessLoss[]> {
  const log = await tx.select().from(logs).where(eq(logs.id, logId)).get();
  if (!log) throw notFound();
  const before = await readersIn(tx, logId);
  await change(tx, log);
  const lost: AccessLoss[] = [];
  for (const [userId, { actor, access }] of before) {
    if (await findAccess(tx, staffViewer(actor), logId)) continue;
    lost.push({ userId, name: actor.name, serviceId: access.serviceId, serviceName: "", role: access.role });
  }
  if (lost.length === 0) return lost;
  const names = new Map(
    (
      await tx
        .select({ id: services.id, name: services.name })
        .from(services)
        .where(inArray(services.id, [...new Set(lost.map((l) => l.serviceId))]))
    ).map((s) => [s.id, s.name]),
  );
  return lost
    .map((l) => ({ ...l, serviceName: names.get(l.serviceId) ?? "" }))
    .sort((a, b) => a.serviceName.localeCompare(b.serviceName, "nb") || a.name.localeCompare(b.name, "nb"));
}

/**
 * Try a change and roll it back: the people who would lose read access. No access check —
 * the caller has checked who may ask (see previewAccessLoss). A change that fails (bad
 * input) fails the preview the same way.
 */
export async function simulateAccessLoss(logId: string, change: TrialChange): Promise<AccessLoss[]> {
  const { transaction } = await database();
  let result: AccessLoss[] = [];
  try {
    await transaction(async (tx) => {
      result = await lossesIn(tx, logId, change);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result;
}

/** The holder asks before making a change (handover, narrowing, withdrawal). */
export async function previewAccessLoss(
  actor: Actor,
  logId: string,
  change: (tx: Transaction, access: StaffCheck) => Promise<unknown>,
): Promise<AccessLoss[]> {
  return simulateAccessLoss(logId, async (tx) => change(tx, await checkLog(tx, staffViewer(actor), logId, "hold")));
}

/**
 * The one rule for every staff change that can cut access (DESIGN.md rule 11): a
 * handover, a consent that replaces (narrows) another, a withdrawal. Unless the person
 * making it has confirmed that they read who will lose access, the change is tried in a
 * savepoint of the caller's own write transaction and rolled back; if anyone who can read
 * the log now could not afterwards, it is refused on the `confirmLoss` field. Because the
 * trial runs in the same transaction as the real change that follows, what was checked is
 * what is then made. The form shows who (previewAccessLoss with the same change).
 */
export async function requireLossConfirmed(
  tx: Transaction,
  logId: string,
  change: TrialChange,
  confirmed: boolean | undefined,
): Promise<void> {
  if (confirmed) return;
  const losses = await rolledBack(tx, () => lossesIn(tx, logId, change));
  if (losses.length > 0) throw fieldError("confirmLoss", "access_loss_unconfirmed");
}
