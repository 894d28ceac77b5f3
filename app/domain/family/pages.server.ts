import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { accessLog, actions, children, logEvents, logParticipants, logs, services, users } from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import type { Locale } from "../../lib/enums";
import type { EventData, GuardianTimelineEvent } from "../../lib/timeline";
import { gateContext, isCovered } from "../consent/coverage.server";
import { AppError } from "../errors.server";
import { closeLogIn, appendEvent } from "../logs/logs.server";
import { holderOf, loadTimeline, visibleToGuardiansSql } from "../logs/read.server";
import { sendMail } from "../mail/mailer.server";
import { somethingNewMessage } from "../mail/messages.server";
import {
  familyReadable,
  openFamilyLog,
  recordFamilyRead,
  requireFamilyAccess,
  type FamilyAccess,
  type FamilyMember,
} from "./access.server";

/**
 * The family's own pages (issue 5 item 3–7): their logs, one log in everyday words, their
 * notes and voice, who has read the log, and closing at their request. Every function
 * takes the signed-in family member and checks their access in access.server.ts; nothing
 * that is hidden from the guardians leaves this file (visibleToGuardiansSql).
 */

/** The logs about the family member's child (or themself), open first. */
export async function listFamilyLogs(member: FamilyMember) {
  const { db } = await database();
  const gate = await gateContext(db);
  return db
    .select({
      id: logs.id,
      level: logs.level,
      state: logs.state,
      childName: children.name,
      holderName: users.name,
      serviceName: services.name,
      updatedAt: logs.updatedAt,
    })
    .from(logs)
    .innerJoin(children, eq(children.id, logs.childId))
    .innerJoin(users, eq(users.id, logs.holderId))
    .innerJoin(services, eq(services.id, logs.holderServiceId))
    .where(familyReadable(member, gate))
    .orderBy(desc(sql`${logs.state} = 'open'`), desc(logs.updatedAt))
    .limit(100);
}

/** The actions the guardians may see: their `action` (or meeting) entry is visible to them. */
async function visibleActions(logId: string) {
  const { db } = await database();
  const sources = await db
    .select({ type: logEvents.type, data: logEvents.data })
    .from(logEvents)
    .where(and(eq(logEvents.logId, logId), inArray(logEvents.type, ["action", "meeting"]), visibleToGuardiansSql()));
  const ids = new Set<string>();
  for (const e of sources) {
    if (e.type === "action") ids.add((e.data as EventData["action"]).actionId);
    else {
      const decided = (e.data as EventData["meeting"]).action;
      if (decided) ids.add(decided.actionId);
    }
  }
  if (ids.size === 0) return [];
  return db
    .select({
      id: actions.id,
      description: actions.description,
      goal: actions.goal,
      responsible: actions.responsible,
      startOn: actions.startOn,
      evaluateOn: actions.evaluateOn,
    })
    .from(actions)
    .where(and(eq(actions.logId, logId), eq(actions.active, true), inArray(actions.id, [...ids])))
    .orderBy(asc(actions.evaluateOn));
}

/** One log as the family sees it. Recorded in the access log as a "view". */
export const FAMILY_TIMELINE_PAGE_SIZE = 25;

/**
 * The timeline as the family may see it. Only what the page shows leaves the server: no
 * sequence numbers (their gaps would tell that something is hidden), no staff controls.
 */
async function familyTimeline(log: FamilyAccess["log"], page: number) {
  const { events, nextBefore } = await loadTimeline(log, "guardians", {
    limit: FAMILY_TIMELINE_PAGE_SIZE,
    offset: (page - 1) * FAMILY_TIMELINE_PAGE_SIZE,
  });
  return {
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      data: e.data,
      occurredOn: e.occurredOn,
      recordedAt: e.recordedAt,
      authorName: e.authorName,
      authorServiceName: e.authorServiceName,
      authorKind: e.authorKind,
      correctedBy: e.correctedBy ? { text: e.correctedBy.text, reason: e.correctedBy.reason } : null,
    })) as GuardianTimelineEvent[],
    page,
    hasMore: nextBefore !== null,
  };
}

export async function familyLogView(member: FamilyMember, logId: string, options: { page?: number } = {}) {
  const access = await openFamilyLog(member, logId);
  const { db } = await database();
  const log = access.log;
  const child = (await db.select({ name: children.name }).from(children).where(eq(children.id, log.childId)).get())!;
  const holder = await holderOf(log);
  // The services taking part: the holder's, and each participant's the consent still covers.
  const participating = await db
    .selectDistinct({ id: services.id, name: services.name })
    .from(logParticipants)
    .innerJoin(services, eq(services.id, logParticipants.serviceId))
    .where(and(eq(logParticipants.logId, log.id), isNull(logParticipants.endedAt)))
    .orderBy(asc(services.name));
  const gate = await gateContext(db);
  const serviceNames = [holder.serviceName];
  for (const s of participating) {
    if (s.id === log.holderServiceId || serviceNames.includes(s.name)) continue;
    if (await isCovered(db, log.id, s.id, gate)) serviceNames.push(s.name);
  }
  const timeline = await familyTimeline(log, Math.max(1, options.page ?? 1));
  return {
    log: {
      id: log.id,
      level: log.level,
      state: log.state,
      closeReason: log.closeReason,
      closedAt: log.closedAt?.toISOString() ?? null,
      nextEvaluationOn: log.nextEvaluationOn,
    },
    childName: child.name,
    role: access.role,
    holder,
    services: serviceNames,
    actions: await visibleActions(log.id),
    ...timeline,
  };
}

/**
 * For a page about one log (a form, consents, who has read): the child's name and the log's
 * state, after the check. Recorded as a "view", like the staff's form pages: it shows the child.
 */
export async function familyLogHeading(member: FamilyMember, logId: string, need: "read" | "write") {
  const { db } = await database();
  const access = need === "read" ? await openFamilyLog(member, logId) : await requireFamilyAccess(db, member, logId, need);
  if (need === "write") await recordFamilyRead(member, logId);
  const child = (await db.select({ name: children.name }).from(children).where(eq(children.id, access.log.childId)).get())!;
  return { id: access.log.id, childName: child.name, role: access.role, state: access.log.state, level: access.log.level };
}

export interface FamilyEntryInput {
  /** "note": a note to the log; "view": their own view (the guardians' or the child's voice). */
  kind: "note" | "view";
  text: string;
}

/**
 * A guardian's note or the guardians' view; the young person's note or their own view
 * (the child's voice). Timeline events with the family member as author and no service.
 */
export async function addFamilyEntry(member: FamilyMember, logId: string, input: FamilyEntryInput) {
  const { transaction } = await database();
  const today = todayInOslo();
  return transaction(async (tx) => {
    const access = await requireFamilyAccess(tx, member, logId, "write");
    if (input.kind === "note") return appendEvent(tx, access, member, "note", today, { text: input.text });
    if (access.role === "young_person") {
      const last = access.log.lastChildVoiceOn;
      if (!last || today > last) await tx.update(logs).set({ lastChildVoiceOn: today }).where(eq(logs.id, logId));
      return appendEvent(tx, access, member, "child_voice", today, { text: input.text, method: "written" });
    }
    return appendEvent(tx, access, member, "guardian_voice", today, { text: input.text, method: "written", who: access.name });
  });
}

export const READERS_PAGE_SIZE = 50;

/**
 * "Who has read our log" (innsyn): every row of the access log for this log — which person,
 * from which service, when, and what — newest first. The family's own reads are there too.
 */
export async function familyReaders(member: FamilyMember, logId: string, options: { page?: number } = {}) {
  const { db } = await database();
  const access = await requireFamilyAccess(db, member, logId, "read");
  const page = Math.max(1, options.page ?? 1);
  const rows = await db
    .select({
      id: accessLog.id,
      name: users.name,
      kind: users.kind,
      serviceName: services.name,
      what: accessLog.kind,
      at: accessLog.at,
    })
    .from(accessLog)
    .innerJoin(users, eq(users.id, accessLog.userId))
    .leftJoin(services, eq(services.id, accessLog.serviceId))
    .where(eq(accessLog.logId, access.log.id))
    .orderBy(desc(accessLog.at), desc(accessLog.id))
    .limit(READERS_PAGE_SIZE + 1)
    .offset((page - 1) * READERS_PAGE_SIZE);
  return {
    readers: rows.slice(0, READERS_PAGE_SIZE).map((r) => ({
      id: r.id,
      name: r.name,
      family: r.kind === "family",
      serviceName: r.serviceName,
      what: r.what,
      at: r.at.toISOString(),
    })),
    page,
    hasMore: rows.length > READERS_PAGE_SIZE,
  };
}

/**
 * A guardian asks for the log to be closed: it closes at once, with the reason "closed at
 * the guardians' request", and the relay holder is told by e-mail (a link, nothing more).
 */
export async function closeAtFamilyRequest(
  member: FamilyMember,
  logId: string,
  input: { message: string },
  options: { logUrl: string; locale: Locale },
) {
  const { transaction } = await database();
  const holderEmail = await transaction(async (tx) => {
    const access = await requireFamilyAccess(tx, member, logId, "write");
    if (access.role !== "guardian") throw new AppError(403, "forbidden");
    await closeLogIn(tx, access, member, {
      reason: "guardians_request",
      summary: input.message,
      guardiansToldOn: todayInOslo(),
    });
    const holder = await tx.select({ email: users.email }).from(users).where(eq(users.id, access.log.holderId)).get();
    return holder?.email ?? null;
  });
  if (!holderEmail) return { holderTold: false };
  try {
    await sendMail({ to: holderEmail, ...somethingNewMessage(options.locale, { url: options.logUrl }) });
    return { holderTold: true };
  } catch {
    return { holderTold: false };
  }
}
