import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { database, type Queryable } from "../../../db/client.server";
import { accessLog, children, guardians, logParticipants, logs, services, users } from "../../../db/schema";
import type { AccessKind, FamilyRole } from "../../lib/enums";
import { createId } from "../../lib/ids";
import type { Actor } from "../auth/permissions";
import { AppError, notFound } from "../errors.server";
import { gateContext, gateSql, passesGate, type GateContext } from "./consent-gate.server";
import { viewerId, type FamilyViewer, type StaffViewer, type Viewer } from "./viewer";

/**
 * Need to know, in one place (DESIGN.md rule 2 and §3), for every kind of viewer.
 *
 * Staff: a log is readable by its holder, its current participants whose service passes
 * the consent gate, and the leaders of the holder's service — a level-0 concern by the
 * leader only when the employee chose to discuss it. Nobody else: not administrators, not
 * the coordinator, not a colleague in the same school.
 * Family: a registered guardian with parental responsibility for the log's child, or the
 * child themself from the consent age — once the holder has given them access — and only
 * for relay logs.
 * A log closed because the consent to keep it was withdrawn stays with its holder only.
 * Forbidden looks like unknown (404).
 *
 * The one way to a log's data is `openLog`: it checks, writes the access-log row (rule 9)
 * and returns a `LogAccess`, a token no other code can make. Every function that reads a
 * log's data takes that token. A write checks with `checkLog` and gets a `LogCheck`,
 * which reading functions do not accept (a write shows nothing).
 */
export type LogRow = typeof logs.$inferSelect;
export type StaffRole = "holder" | "participant" | "leader";
/** How a person reaches a log. */
export type LogRole = StaffRole | FamilyRole;

interface StaffGrant {
  readonly viewer: StaffViewer;
  readonly log: LogRow;
  readonly role: StaffRole;
  /** The service the person acts for on this log (written on their events). */
  readonly serviceId: string;
}

interface FamilyGrant {
  readonly viewer: FamilyViewer;
  readonly log: LogRow;
  readonly role: FamilyRole;
  /** A family member acts for no service. */
  readonly serviceId: null;
  /** The guardian row on this log (role "guardian"). */
  readonly guardianId: string | null;
  /** The name the log knows them by. */
  readonly name: string;
}

export type Grant = StaffGrant | FamilyGrant;

declare const checked: unique symbol;
declare const opened: unique symbol;

/** Access checked for a write: enough to write events, not to read the log's data. */
export type LogCheck<G extends Grant = Grant> = G & { readonly [checked]: true };
/** Access checked and the read recorded: the only key to a log's data. Made by `openLog` only. */
export type LogAccess<G extends Grant = Grant> = LogCheck<G> & { readonly [opened]: true };

export type StaffCheck = LogCheck<StaffGrant>;
export type StaffAccess = LogAccess<StaffGrant>;
export type FamilyCheck = LogCheck<FamilyGrant>;
export type FamilyAccess = LogAccess<FamilyGrant>;

/**
 * "read": anyone with need to know. "write": the holder and participants (and the family),
 * while the log is open. "hold": the holder only, while the log is open.
 */
export type Need = "read" | "write" | "hold";
/** What a page asks beyond reading: a need, or a check of its own on the access (it throws). */
export type Requirement = Need | ((access: Grant) => void);

/** Why a log is opened, and the access-log kind it is recorded as. */
const purposes = {
  /** The log page. */
  view: "view",
  /** The whole log, for filing in the service's own records. */
  print: "print",
  /** A form page about the log: its heading shows the child. */
  form: "view",
  /** A signed consent form. */
  attachment: "view",
  /** "Who has read this log". */
  readers: "view",
  /** The family's consent page. */
  consents: "view",
} as const satisfies Record<string, AccessKind>;
export type ReadPurpose = keyof typeof purposes;

const LOG_ID = /^[a-z2-7]{26}$/;
const closedByWithdrawal = (log: LogRow) => log.closeReason === "consent_withdrawn";

async function staffGrant(db: Queryable, viewer: StaffViewer, log: LogRow, gate?: GateContext): Promise<StaffGrant | null> {
  const actor = viewer.actor;
  if (log.holderId === actor.id) return { viewer, log, role: "holder", serviceId: log.holderServiceId };
  if (closedByWithdrawal(log)) return null;
  const participation = await db
    .select({ serviceId: logParticipants.serviceId })
    .from(logParticipants)
    .where(and(eq(logParticipants.logId, log.id), eq(logParticipants.userId, actor.id), isNull(logParticipants.endedAt)))
    .get();
  if (participation && log.kind === "relay" && (await passesGate(db, log, participation.serviceId, gate))) {
    return { viewer, log, role: "participant", serviceId: participation.serviceId };
  }
  const leads = actor.memberships.some((m) => m.role === "leader" && m.serviceId === log.holderServiceId);
  if (leads && (log.kind === "relay" || log.sharedWithLeader)) {
    return { viewer, log, role: "leader", serviceId: log.holderServiceId };
  }
  return null;
}

async function familyGrant(db: Queryable, viewer: FamilyViewer, log: LogRow, gate?: GateContext): Promise<FamilyGrant | null> {
  if (log.kind !== "relay" || closedByWithdrawal(log)) return null;
  const member = viewer.member;
  const guardian = await db
    .select({ id: guardians.id, name: guardians.name })
    .from(guardians)
    .where(and(eq(guardians.childId, log.childId), eq(guardians.userId, member.id), eq(guardians.parentalResponsibility, true)))
    .get();
  if (guardian) return { viewer, log, role: "guardian", guardianId: guardian.id, name: guardian.name, serviceId: null };
  const child = await db
    .select({ name: children.name, birthDate: children.birthDate })
    .from(children)
    .where(and(eq(children.id, log.childId), eq(children.userId, member.id)))
    .get();
  if (child && child.birthDate <= (gate ?? (await gateContext(db))).consentAgeBornBy) {
    return { viewer, log, role: "young_person", guardianId: null, name: child.name, serviceId: null };
  }
  return null;
}

/** How the viewer may reach one log, or null (unknown and forbidden alike). Records nothing. */
export async function findAccess(db: Queryable, viewer: StaffViewer, logId: string, gate?: GateContext): Promise<StaffCheck | null>;
export async function findAccess(db: Queryable, viewer: FamilyViewer, logId: string, gate?: GateContext): Promise<FamilyCheck | null>;
export async function findAccess(db: Queryable, viewer: Viewer, logId: string, gate?: GateContext): Promise<LogCheck | null>;
export async function findAccess(db: Queryable, viewer: Viewer, logId: string, gate?: GateContext): Promise<LogCheck | null> {
  // The coordinator gets aggregates only, never one child's log.
  if (viewer.kind === "coordinator" || !LOG_ID.test(logId)) return null;
  const log = await db.select().from(logs).where(eq(logs.id, logId)).get();
  if (!log) return null;
  const grant = viewer.kind === "staff" ? await staffGrant(db, viewer, log, gate) : await familyGrant(db, viewer, log, gate);
  return grant as LogCheck | null;
}

/**
 * Whether the access allows what is asked: 403 when the person may read but not do this,
 * 409 when the log is closed.
 */
export function assertMay(access: Grant, need: Need) {
  if (need === "read") return;
  if (need === "hold" && access.role !== "holder") throw new AppError(403, "forbidden");
  if (need === "write" && access.role === "leader") throw new AppError(403, "forbidden");
  if (access.log.state === "closed") throw new AppError(409, "log_closed");
}

/** The access check for a write (or for a form's action): 404 when the person may not read at all. Records nothing. */
export async function checkLog(db: Queryable, viewer: StaffViewer, logId: string, need: Requirement): Promise<StaffCheck>;
export async function checkLog(db: Queryable, viewer: FamilyViewer, logId: string, need: Requirement): Promise<FamilyCheck>;
export async function checkLog(db: Queryable, viewer: Viewer, logId: string, need: Requirement): Promise<LogCheck>;
export async function checkLog(db: Queryable, viewer: Viewer, logId: string, need: Requirement): Promise<LogCheck> {
  const access = await findAccess(db, viewer, logId);
  if (!access) throw notFound();
  if (typeof need === "function") need(access);
  else assertMay(access, need);
  return access;
}

/**
 * One access-log row per log read, committed before the read is served. Only this module
 * writes the access log. The rows of reads that arrive together share one commit (group
 * commit, decision 032): every read still waits for its own row to be on disk.
 */
async function recordReads(viewer: Viewer, reads: { logId: string; serviceId: string | null }[], kind: AccessKind) {
  if (reads.length === 0) return;
  const { insertTogether } = await database();
  const at = new Date();
  const userId = viewerId(viewer);
  await insertTogether(
    accessLog,
    reads.map((r) => ({ id: createId(), logId: r.logId, userId, serviceId: r.serviceId, kind, at })),
  );
}

/**
 * Open a log: check need to know and consent (and `need`, for a form page), write the
 * access-log row, and return the token every read of the log's data takes.
 */
export async function openLog(viewer: StaffViewer, logId: string, purpose: ReadPurpose, need?: Requirement): Promise<StaffAccess>;
export async function openLog(viewer: FamilyViewer, logId: string, purpose: ReadPurpose, need?: Requirement): Promise<FamilyAccess>;
export async function openLog(viewer: Viewer, logId: string, purpose: ReadPurpose, need?: Requirement): Promise<LogAccess>;
export async function openLog(viewer: Viewer, logId: string, purpose: ReadPurpose, need: Requirement = "read"): Promise<LogAccess> {
  const { db } = await database();
  const access = await checkLog(db, viewer, logId, need);
  await recordReads(viewer, [{ logId, serviceId: access.serviceId }], purposes[purpose]);
  return access as LogAccess;
}

/** A search's hits are reads too: one "search" row per log found, for the service that holds it. */
export async function recordSearchHits(viewer: Viewer, hits: { id: string; serviceId: string }[]) {
  await recordReads(
    viewer,
    hits.map((h) => ({ logId: h.id, serviceId: h.serviceId })),
    "search",
  );
}

const notWithdrawn = sql`${logs.closeReason} is not 'consent_withdrawn'`;

/**
 * The one SQL scope "the viewer may read this log", for every list and search (the home
 * list, search, the leader's lists, the family's logs, the logs a consultation may link
 * to). The same rules as `findAccess`. For staff written as `id in (… union …)` so each
 * branch uses its own index (holder, participation, service) instead of scanning every log.
 */
export function readableLogs(viewer: Viewer, gate: GateContext): SQL {
  if (viewer.kind === "coordinator") return sql`0`;
  if (viewer.kind === "family") {
    const member = viewer.member;
    return sql`(${logs.kind} = 'relay' and ${notWithdrawn} and (
      ${logs.childId} in (select ${guardians.childId} from ${guardians}
        where ${guardians.userId} = ${member.id} and ${guardians.parentalResponsibility} = 1)
      or ${logs.childId} in (select ${children.id} from ${children}
        where ${children.userId} = ${member.id} and ${children.birthDate} <= ${gate.consentAgeBornBy})))`;
  }
  const actor = viewer.actor;
  const branches: SQL[] = [
    sql`select ${logs.id} from ${logs} where ${logs.holderId} = ${actor.id}`,
    // A participant passes the gate on every query: their service is the holder's own, or covered.
    sql`select ${logParticipants.logId} from ${logParticipants}
        join ${logs} on ${logs.id} = ${logParticipants.logId}
        where ${logParticipants.userId} = ${actor.id} and ${logParticipants.endedAt} is null
          and ${logs.kind} = 'relay' and ${notWithdrawn}
          and ${gateSql(sql`${logParticipants.logId}`, sql`${logParticipants.serviceId}`, sql`${logs.holderServiceId}`, gate)}`,
  ];
  const led = ledLogIds(actor);
  if (led) branches.push(led);
  return sql`${logs.id} in (${sql.join(branches, sql` union `)})`;
}

/**
 * The leader branch of `readableLogs`, on its own: the ids of the logs held in the services
 * the person leads (or those of them asked for) that a leader may read — relay logs, and a
 * level-0 concern only once it was discussed with the leader. For the leader's overview,
 * which lists "the logs held in my service" and not the logs the leader holds or takes part
 * in elsewhere. Null when the person leads none of the services asked for.
 */
export function ledLogIds(actor: Actor, serviceIds?: readonly string[]): SQL | null {
  const led = ledServiceIds(actor).filter((id) => !serviceIds || serviceIds.includes(id));
  if (led.length === 0) return null;
  return sql`select ${logs.id} from ${logs} where ${inArray(logs.holderServiceId, led)} and (${logs.kind} = 'relay' or ${logs.sharedWithLeader} = 1) and ${notWithdrawn}`;
}

/** "Who has read this log" from the staff side: for the holder and the leader only. Newest first. */
export async function readersOf(access: StaffAccess, limit = 100) {
  if (access.role === "participant") throw new AppError(403, "forbidden");
  const { db } = await database();
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
    .where(eq(accessLog.logId, access.log.id))
    .orderBy(sql`${accessLog.at} desc`, sql`${accessLog.id} desc`)
    .limit(limit);
}

/** The services the person leads (for "logs held in my service"). */
export function ledServiceIds(actor: Actor): string[] {
  return actor.memberships.filter((m) => m.role === "leader").map((m) => m.serviceId);
}
