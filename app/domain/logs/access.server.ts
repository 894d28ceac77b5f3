import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { database, type Queryable } from "../../../db/client.server";
import { accessLog, logParticipants, logs, services, users } from "../../../db/schema";
import type { AccessKind } from "../../lib/enums";
import { createId } from "../../lib/ids";
import type { Actor } from "../auth/permissions";
import { coveredSql, isCovered, type GateContext } from "../consent/coverage.server";
import { AppError, notFound } from "../errors.server";

/**
 * Need to know, in one place (DESIGN.md rule 2). A log is readable by its holder, its
 * current participants, and the leaders of the holder's service — a level-0 concern by
 * the leader only when the employee chose to discuss it. Nobody else: not administrators,
 * not the coordinator, not a colleague in the same school. Forbidden looks like unknown
 * (404). Every read is written to the access log here too.
 */
export type LogRole = "holder" | "participant" | "leader";

export type LogRow = typeof logs.$inferSelect;

export interface LogAccess {
  log: LogRow;
  role: LogRole;
  /** The service the person acts for on this log (written on their events). */
  serviceId: string;
}

/**
 * SQL condition "the actor may read this log", for list and search queries. Written as
 * `id in (… union …)` so each branch uses its own index (holder, participation, service)
 * instead of scanning every log.
 */
export function readableBy(actor: Actor, gate: GateContext): SQL {
  const leads = actor.memberships.filter((m) => m.role === "leader").map((m) => m.serviceId);
  const notWithdrawn = sql`${logs.closeReason} is not 'consent_withdrawn'`;
  const branches: SQL[] = [
    sql`select ${logs.id} from ${logs} where ${logs.holderId} = ${actor.id}`,
    // A participant passes the gate on every query: their service is the holder's own, or
    // a valid consent covers it.
    sql`select ${logParticipants.logId} from ${logParticipants}
        join ${logs} on ${logs.id} = ${logParticipants.logId}
        where ${logParticipants.userId} = ${actor.id} and ${logParticipants.endedAt} is null
          and ${logs.kind} = 'relay' and ${notWithdrawn}
          and (${logParticipants.serviceId} = ${logs.holderServiceId}
               or ${coveredSql(sql`${logParticipants.logId}`, sql`${logParticipants.serviceId}`, gate)})`,
  ];
  if (leads.length > 0) {
    branches.push(
      sql`select ${logs.id} from ${logs} where ${inArray(logs.holderServiceId, leads)} and (${logs.kind} = 'relay' or ${logs.sharedWithLeader} = 1) and ${notWithdrawn}`,
    );
  }
  return sql`${logs.id} in (${sql.join(branches, sql` union `)})`;
}

/** How the actor may reach one log, or null. */
export async function resolveAccess(db: Queryable, actor: Actor, logId: string): Promise<LogAccess | null> {
  if (!/^[a-z2-7]{26}$/.test(logId)) return null;
  const log = await db.select().from(logs).where(eq(logs.id, logId)).get();
  if (!log) return null;
  if (log.holderId === actor.id) return { log, role: "holder", serviceId: log.holderServiceId };
  // A log closed because the consent to keep it was withdrawn stays with its holder only.
  if (log.closeReason === "consent_withdrawn") return null;
  const participation = await db
    .select({ serviceId: logParticipants.serviceId })
    .from(logParticipants)
    .where(and(eq(logParticipants.logId, logId), eq(logParticipants.userId, actor.id), isNull(logParticipants.endedAt)))
    .get();
  if (
    participation &&
    log.kind === "relay" &&
    (participation.serviceId === log.holderServiceId || (await isCovered(db, logId, participation.serviceId)))
  ) {
    return { log, role: "participant", serviceId: participation.serviceId };
  }
  const leads = actor.memberships.some((m) => m.role === "leader" && m.serviceId === log.holderServiceId);
  if (leads && (log.kind === "relay" || log.sharedWithLeader)) {
    return { log, role: "leader", serviceId: log.holderServiceId };
  }
  return null;
}

export type Need = "read" | "write" | "hold";

/**
 * The access check for one log. "read": anyone with need to know. "write": the holder and
 * participants, while the log is open. "hold": the holder only, while the log is open
 * (level, close, guardians …). Fails as 404 when the person may not read at all, 403 when
 * they may read but not do this, 409 when the log is closed.
 */
export async function requireLogAccess(db: Queryable, actor: Actor, logId: string, need: Need): Promise<LogAccess> {
  const access = await resolveAccess(db, actor, logId);
  if (!access) throw notFound();
  if (need === "read") return access;
  if (need === "hold" && access.role !== "holder") throw new AppError(403, "forbidden");
  if (need === "write" && access.role === "leader") throw new AppError(403, "forbidden");
  if (access.log.state === "closed") throw new AppError(409, "log_closed");
  return access;
}

/** Write one access-log row per log (view, print, or a search hit). */
export async function recordAccess(actor: Actor, logIds: string[], kind: AccessKind, serviceIdFor?: (logId: string) => string | null) {
  if (logIds.length === 0) return;
  const { transaction } = await database();
  const at = new Date();
  await transaction((tx) =>
    tx.insert(accessLog).values(
      logIds.map((logId) => ({
        id: createId(),
        logId,
        userId: actor.id,
        serviceId: serviceIdFor?.(logId) ?? null,
        kind,
        at,
      })),
    ),
  );
}

/** Read a log: the check and the access-log row, together. */
export async function openLog(actor: Actor, logId: string, kind: "view" | "print" = "view"): Promise<LogAccess> {
  const { db } = await database();
  const access = await requireLogAccess(db, actor, logId, "read");
  await recordAccess(actor, [logId], kind, () => access.serviceId);
  return access;
}

/** "Who has read this log": for the holder and the leader only. Newest first. */
export async function readersOf(actor: Actor, logId: string, limit = 100) {
  const { db } = await database();
  const access = await requireLogAccess(db, actor, logId, "read");
  if (access.role === "participant") throw new AppError(403, "forbidden");
  return db
    .select({
      id: accessLog.id,
      name: users.name,
      /** A family member's own reads are in the access log too (no service). */
      family: sql<boolean>`${users.kind} = 'family'`.mapWith(Boolean),
      serviceName: services.name,
      kind: accessLog.kind,
      at: accessLog.at,
    })
    .from(accessLog)
    .innerJoin(users, eq(users.id, accessLog.userId))
    .leftJoin(services, eq(services.id, accessLog.serviceId))
    .where(eq(accessLog.logId, logId))
    .orderBy(sql`${accessLog.at} desc`, sql`${accessLog.id} desc`)
    .limit(limit);
}

/** Whether the actor leads a service (for "logs held in my service"). */
export function ledServiceIds(actor: Actor): string[] {
  return actor.memberships.filter((m) => m.role === "leader").map((m) => m.serviceId);
}

