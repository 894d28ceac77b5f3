import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { accessLog, actions, children, logEvents, logParticipants, logs, services, users } from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import type { Locale } from "../../lib/enums";
import type { EventData, GuardianTimelineEvent } from "../../lib/timeline";
import { gateContext, passesGate } from "../access/consent-gate.server";
import { checkLog, openLog, readableLogs, type FamilyAccess, type ReadPurpose } from "../access/open.server";
import { familyViewer, type FamilyMember } from "../access/viewer";
import { visibleEvents } from "../access/visibility.server";
import { AppError } from "../errors.server";
import { appendEvent } from "../logs/events.server";
import { closeLogIn } from "../logs/lifecycle.server";
import { holderOf, loadTimeline } from "../logs/timeline.server";
import { deliverSoon, enqueueMail } from "../mail/outbox.server";
import { somethingNewMessage } from "../mail/messages.server";
import { familyMeetings } from "../meetings/meetings.server";

/**
 * The family's own pages (issue 5 item 3–7): their logs, one log in everyday words, their
 * notes and voice, who has read the log, and closing at their request. Every function
 * takes the signed-in family member and opens the log through access/open.server.ts; nothing
 * that is hidden from the guardians leaves this file (visibleEvents, access/visibility.server.ts).
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
    .where(readableLogs(familyViewer(member), gate))
    .orderBy(desc(sql`${logs.state} = 'open'`), desc(logs.updatedAt))
    .limit(100);
}

/** The actions the guardians may see: their `action` (or meeting) entry is visible to them. */
async function visibleActions(access: FamilyAccess) {
  const logId = access.log.id;
  const { db } = await database();
  const sources = await db
    .select({ type: logEvents.type, data: logEvents.data })
    .from(logEvents)
    .where(and(visibleEvents(access), inArray(logEvents.type, ["action", "meeting"])));
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
      responsibleKind: actions.responsibleKind,
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
async function familyTimeline(access: FamilyAccess, page: number) {
  const { events, nextBefore } = await loadTimeline(access, {
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
  const access = await openLog(familyViewer(member), logId, "view");
  const { db } = await database();
  const log = access.log;
  const child = (await db.select({ name: children.name }).from(children).where(eq(children.id, log.childId)).get())!;
  const holder = await holderOf(access);
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
    if (await passesGate(db, log, s.id, gate)) serviceNames.push(s.name);
  }
  const timeline = await familyTimeline(access, Math.max(1, options.page ?? 1));
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
    actions: await visibleActions(access),
    meetings: await familyMeetings(access),
    ...timeline,
  };
}

/**
 * A page about one log (a form, consents, who has read): opened once for `purpose` after
 * the check (recorded as a read, like the staff's form pages: it shows the child), its
 * heading — the child's name and the log's state — and what `read` reads with the opened log.
 */
export async function familyLogPage<T extends object = object>(
  member: FamilyMember,
  logId: string,
  page: { purpose: ReadPurpose; need: "read" | "write" },
  read?: (access: FamilyAccess) => Promise<T>,
) {
  const access = await openLog(familyViewer(member), logId, page.purpose, page.need);
  const { db } = await database();
  const child = (await db.select({ name: children.name }).from(children).where(eq(children.id, access.log.childId)).get())!;
  const log = { id: access.log.id, childName: child.name, role: access.role, state: access.log.state, level: access.log.level };
  return { log, ...((read ? await read(access) : {}) as T) };
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
    const access = await checkLog(tx, familyViewer(member), logId, "write");
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
/** How many of one person's reads the grouped page shows when their details are opened. */
export const READERS_INLINE = 10;

/**
 * "Who has read our log" (innsyn), from the access log of this log, grouped per person so
 * the family's own visits don't drown the staff's: each person with their service, how
 * many times, when last and their latest reads (details on demand). The staff come first,
 * then the family, each most recent first. With `person`, one person's every read, paged
 * by the last read shown (`before`), so the page's own visit doesn't shift the pages.
 */
export async function familyReaders(access: FamilyAccess, options: { person?: string; before?: string } = {}) {
  const { db } = await database();
  const id = access.log.id;
  const grouped = await db
    .select({
      userId: accessLog.userId,
      name: users.name,
      kind: users.kind,
      count: sql<number>`count(*)`.mapWith(Number),
      lastAt: sql<number>`max(${accessLog.at})`.mapWith(Number),
    })
    .from(accessLog)
    .innerJoin(users, eq(users.id, accessLog.userId))
    .where(and(eq(accessLog.logId, id), options.person ? eq(accessLog.userId, options.person) : undefined))
    .groupBy(accessLog.userId, users.name, users.kind)
    .orderBy(asc(sql`${users.kind} = 'family'`), desc(sql`max(${accessLog.at})`), asc(users.name))
    .limit(500);
  const cursor =
    options.person && options.before
      ? await db
          .select({ at: accessLog.at, id: accessLog.id })
          .from(accessLog)
          .where(and(eq(accessLog.id, options.before), eq(accessLog.logId, id), eq(accessLog.userId, options.person)))
          .get()
      : undefined;
  const readsOf = (userId: string, limit: number) =>
    db
      .select({ id: accessLog.id, what: accessLog.kind, at: accessLog.at, serviceName: services.name })
      .from(accessLog)
      .leftJoin(services, eq(services.id, accessLog.serviceId))
      .where(
        and(
          eq(accessLog.logId, id),
          eq(accessLog.userId, userId),
          cursor
            ? or(lt(accessLog.at, cursor.at), and(eq(accessLog.at, cursor.at), lt(accessLog.id, cursor.id)))
            : undefined,
        ),
      )
      .orderBy(desc(accessLog.at), desc(accessLog.id))
      .limit(limit);
  const shape = (r: { id: string; what: "view" | "print" | "search"; at: Date; serviceName: string | null }) => ({
    id: r.id,
    what: r.what,
    at: r.at.toISOString(),
    serviceName: r.serviceName,
  });
  const people = [];
  for (const g of grouped) {
    const latest = await readsOf(g.userId, options.person ? READERS_PAGE_SIZE + 1 : READERS_INLINE);
    people.push({
      userId: g.userId,
      name: g.name,
      family: g.kind === "family",
      // The service of the latest read shown: a person may read as a member of several.
      serviceName: latest[0]?.serviceName ?? null,
      count: g.count,
      lastAt: new Date(g.lastAt).toISOString(),
      reads: latest.slice(0, options.person ? READERS_PAGE_SIZE : READERS_INLINE).map(shape),
      hasMore: options.person ? latest.length > READERS_PAGE_SIZE : g.count > READERS_INLINE,
    });
  }
  return { people, paged: cursor !== undefined, person: options.person ? (people[0] ?? null) : null };
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
    const access = await checkLog(tx, familyViewer(member), logId, "write");
    if (access.role !== "guardian") throw new AppError(403, "forbidden");
    await closeLogIn(tx, access, member, {
      reason: "guardians_request",
      summary: input.message,
      guardiansToldOn: todayInOslo(),
    });
    const holder = await tx.select({ email: users.email }).from(users).where(eq(users.id, access.log.holderId)).get();
    // The holder is told in the same transaction as the closing (decision 019).
    if (holder) await enqueueMail(tx, { to: holder.email, ...somethingNewMessage(options.locale, { url: options.logUrl }) });
    return holder?.email ?? null;
  });
  if (holderEmail) deliverSoon();
  return { holderTold: holderEmail !== null };
}
