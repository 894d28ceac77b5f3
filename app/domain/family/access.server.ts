import { and, eq, sql, type SQL } from "drizzle-orm";
import { database, type Queryable } from "../../../db/client.server";
import { accessLog, children, guardians, logs } from "../../../db/schema";
import type { FamilyRole } from "../../lib/enums";
import { createId } from "../../lib/ids";
import { gateContext, type GateContext } from "../consent/coverage.server";
import { AppError, notFound } from "../errors.server";
import type { LogRow } from "../logs/access.server";

/**
 * The family's need to know, in one place (DESIGN.md §3, issue 5 item 8). A family member
 * reaches a log when they are a registered guardian with parental responsibility for its
 * child, or the child themself from the action guide's consent age — and the holder has
 * given them access (guardians.user_id / children.user_id). Only relay logs: a level-0
 * concern is the employee's own until it becomes a log. A log closed because the consent
 * to keep it was withdrawn stays with its holder only. Forbidden looks like unknown (404),
 * and every read is written to the access log, the family's own reads too.
 */
export interface FamilyMember {
  id: string;
  name: string;
  email: string;
}

export interface FamilyAccess {
  log: LogRow;
  role: FamilyRole;
  /** The guardian row on this log (role "guardian"). */
  guardianId: string | null;
  /** The name the log knows them by. */
  name: string;
  /** Written on their events: a family member acts for no service. */
  serviceId: null;
}

/** SQL condition "the family member may read this log", for their list. */
export function familyReadable(member: Pick<FamilyMember, "id">, gate: GateContext): SQL {
  return sql`(${logs.kind} = 'relay' and ${logs.closeReason} is not 'consent_withdrawn' and (
    ${logs.childId} in (select ${guardians.childId} from ${guardians}
      where ${guardians.userId} = ${member.id} and ${guardians.parentalResponsibility} = 1)
    or ${logs.childId} in (select ${children.id} from ${children}
      where ${children.userId} = ${member.id} and ${children.birthDate} <= ${gate.consentAgeBornBy})))`;
}

export async function resolveFamilyAccess(db: Queryable, member: Pick<FamilyMember, "id">, logId: string): Promise<FamilyAccess | null> {
  if (!/^[a-z2-7]{26}$/.test(logId)) return null;
  const log = await db.select().from(logs).where(eq(logs.id, logId)).get();
  if (!log || log.kind !== "relay" || log.closeReason === "consent_withdrawn") return null;
  const guardian = await db
    .select({ id: guardians.id, name: guardians.name })
    .from(guardians)
    .where(and(eq(guardians.childId, log.childId), eq(guardians.userId, member.id), eq(guardians.parentalResponsibility, true)))
    .get();
  if (guardian) return { log, role: "guardian", guardianId: guardian.id, name: guardian.name, serviceId: null };
  const child = await db
    .select({ name: children.name, birthDate: children.birthDate })
    .from(children)
    .where(and(eq(children.id, log.childId), eq(children.userId, member.id)))
    .get();
  if (child && child.birthDate <= (await gateContext(db)).consentAgeBornBy) {
    return { log, role: "young_person", guardianId: null, name: child.name, serviceId: null };
  }
  return null;
}

/**
 * The family's access check for one log. "read": any time. "write": while the log is open
 * (their notes, their consent, asking to close). 404 when they may not read it at all.
 */
export async function requireFamilyAccess(
  db: Queryable,
  member: Pick<FamilyMember, "id">,
  logId: string,
  need: "read" | "write",
): Promise<FamilyAccess> {
  const access = await resolveFamilyAccess(db, member, logId);
  if (!access) throw notFound();
  if (need === "write" && access.log.state === "closed") throw new AppError(409, "log_closed");
  return access;
}

/** Read one log as the family: the check and the access-log row, together. */
export async function openFamilyLog(member: Pick<FamilyMember, "id">, logId: string): Promise<FamilyAccess> {
  const { db } = await database();
  const access = await requireFamilyAccess(db, member, logId, "read");
  await recordFamilyRead(member, logId);
  return access;
}

/** One access-log row for a family member's read (they act for no service). */
export async function recordFamilyRead(member: Pick<FamilyMember, "id">, logId: string) {
  const { transaction } = await database();
  await transaction((tx) =>
    tx.insert(accessLog).values({ id: createId(), logId, userId: member.id, serviceId: null, kind: "view", at: new Date() }),
  );
}
