import { aliasedTable, and, asc, count, desc, eq, inArray, isNull, like, lt, notInArray, sql, type SQL } from "drizzle-orm";
import { database } from "../../../db/client.server";
import {
  actions,
  childServices,
  children,
  guardians,
  handovers,
  logEvents,
  logInvitations,
  logParticipants,
  logs,
  services,
  users,
} from "../../../db/schema";
import { addDays, todayInOslo } from "../../lib/dates";
import type { EventType, Locale } from "../../lib/enums";
import { flagsFor } from "../../lib/flags";
import { correctableTypes, mainText, restrictableTypes, type EventData, type TimelineEvent } from "../../lib/timeline";
import { gateContext, hasKeepConsent, keepConsentSql, passesGate } from "../access/consent-gate.server";
import {
  assertMay,
  openLog,
  readableLogs,
  readersOf,
  recordSearchHits,
  type LogAccess,
  type ReadPurpose,
  type Requirement,
  type StaffAccess,
} from "../access/open.server";
import { hiddenFromFamilySql, isHiddenFromFamily, visibleEvents } from "../access/visibility.server";
import { staffViewer } from "../access/viewer";
import type { Actor } from "../auth/permissions";
import { consentState } from "../consent/consents.server";
import { guideSettingsIn, levelTexts } from "../guide.server";
import { AppError } from "../errors.server";
import { mayRestrict } from "./restrictions.server";

export const TIMELINE_PAGE_SIZE = 25;
export const HOME_PAGE_SIZE = 25;

const authorService = aliasedTable(services, "author_service");

/**
 * Timeline events of an opened log, newest first, with their corrections attached.
 * Corrections are not listed on their own. The family see only what is visible to them
 * (visibleEvents) and can change nothing here; the staff see, beside each entry, why it
 * is hidden from the family (the same rule).
 */
export async function loadTimeline(
  access: LogAccess,
  options: { before?: number; type?: EventType; limit?: number; offset?: number },
): Promise<{ events: TimelineEvent[]; nextBefore: number | null }> {
  const { db } = await database();
  const limit = options.limit ?? TIMELINE_PAGE_SIZE;
  const where: (SQL | undefined)[] = [
    visibleEvents(access),
    notInArray(logEvents.type, ["correction", "restriction"]),
    options.type ? eq(logEvents.type, options.type) : undefined,
    options.before ? lt(logEvents.seq, options.before) : undefined,
  ];
  const rows = await db
    .select({
      id: logEvents.id,
      seq: logEvents.seq,
      type: logEvents.type,
      data: logEvents.data,
      occurredOn: logEvents.occurredOn,
      recordedAt: logEvents.recordedAt,
      authorId: logEvents.authorId,
      authorName: users.name,
      authorKind: users.kind,
      authorServiceName: authorService.name,
      correctsEventId: logEvents.correctsEventId,
      hiddenReason: hiddenFromFamilySql(),
    })
    .from(logEvents)
    .innerJoin(users, eq(users.id, logEvents.authorId))
    .leftJoin(authorService, eq(authorService.id, logEvents.authorServiceId))
    .where(and(...where))
    .orderBy(desc(logEvents.seq))
    .limit(limit + 1)
    .offset(options.offset ?? 0);
  const page = rows.slice(0, limit);
  const corrections = page.length
    ? await db
        .select({ id: logEvents.id, correctsEventId: logEvents.correctsEventId, data: logEvents.data, seq: logEvents.seq })
        .from(logEvents)
        .where(
          and(
            eq(logEvents.logId, access.log.id),
            inArray(
              logEvents.correctsEventId,
              page.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(logEvents.seq))
    : [];
  const latestCorrection = new Map<string, { id: string; text: string; reason: string }>();
  for (const c of corrections) {
    const data = c.data as EventData["correction"];
    latestCorrection.set(c.correctsEventId!, { id: c.id, text: data.text, reason: data.reason });
  }
  const staff = access.viewer.kind === "staff" ? { actor: access.viewer.actor, role: access.role as StaffAccess["role"] } : null;
  const open = access.log.state === "open" && staff !== null && staff.role !== "leader";
  const events = page.map(
    (r) =>
      ({
        id: r.id,
        seq: r.seq,
        type: r.type,
        data: r.data,
        occurredOn: r.occurredOn,
        recordedAt: r.recordedAt.toISOString(),
        authorName: r.authorName,
        authorServiceName: r.authorServiceName,
        authorKind: r.authorKind,
        correctsEventId: r.correctsEventId,
        correctedBy: latestCorrection.get(r.id) ?? null,
        restrictedReason: r.hiddenReason,
        canCorrect: open && r.authorId === staff!.actor.id && correctableTypes.has(r.type),
        canRestrict: open && r.hiddenReason === null && mayRestrict(staff!.role, staff!.actor, r),
      }) as TimelineEvent,
  );
  return { events, nextBefore: rows.length > limit ? page[page.length - 1]!.seq : null };
}

/** The relay holder of an opened log and how to reach them: name, e-mail, service. */
export async function holderOf(access: LogAccess) {
  const log = access.log;
  const { db } = await database();
  return (await db
    .select({ name: users.name, email: users.email, serviceName: services.name })
    .from(users)
    .innerJoin(services, eq(services.id, log.holderServiceId))
    .where(eq(users.id, log.holderId))
    .get())!;
}

async function logDetails(access: StaffAccess, locale: Locale, options: { fullNationalId?: boolean } = {}) {
  const { db } = await database();
  const log = access.log;
  const child = (await db.select().from(children).where(eq(children.id, log.childId)).get())!;
  const attends = await db
    .select({ name: services.name })
    .from(childServices)
    .innerJoin(services, eq(services.id, childServices.serviceId))
    .where(eq(childServices.childId, child.id));
  const guardianRows = await db
    .select()
    .from(guardians)
    .where(eq(guardians.childId, child.id))
    .orderBy(asc(guardians.createdAt));
  const holder = await holderOf(access);
  const actionRows = await db
    .select()
    .from(actions)
    .where(eq(actions.logId, log.id))
    .orderBy(desc(actions.active), asc(actions.evaluateOn));
  const participantRows = await db
    .select({ userId: users.id, name: users.name, serviceId: services.id, serviceName: services.name })
    .from(logParticipants)
    .innerJoin(users, eq(users.id, logParticipants.userId))
    .innerJoin(services, eq(services.id, logParticipants.serviceId))
    .where(and(eq(logParticipants.logId, log.id), isNull(logParticipants.endedAt)))
    .orderBy(asc(users.name));
  const gate = await gateContext(db);
  const participants = [];
  for (const p of participantRows) {
    // Shown with whether the consent still lets them in (the gate decides on each request).
    const hasAccess = await passesGate(db, log, p.serviceId, gate);
    participants.push({ ...p, hasAccess });
  }
  const consents = log.kind === "relay" ? await consentState(db, log) : [];
  const pendingInvitations =
    access.role === "holder"
      ? (
          await db
            .select({
              id: logInvitations.id,
              invitee: users.name,
              serviceName: services.name,
              respondBy: logInvitations.respondBy,
            })
            .from(logInvitations)
            .innerJoin(users, eq(users.id, logInvitations.inviteeId))
            .innerJoin(services, eq(services.id, logInvitations.serviceId))
            .where(and(eq(logInvitations.logId, log.id), eq(logInvitations.status, "pending")))
            .orderBy(asc(logInvitations.respondBy))
        ).map((i) => ({ ...i, overdue: i.respondBy < gate.today }))
      : [];
  const pendingHandover = await db
    .select({ id: handovers.id, to: users.name, toServiceName: services.name })
    .from(handovers)
    .innerJoin(users, eq(users.id, handovers.toUserId))
    .innerJoin(services, eq(services.id, handovers.toServiceId))
    .where(and(eq(handovers.logId, log.id), eq(handovers.status, "proposed")))
    .get();
  const guide = await guideSettingsIn(db);
  const levels = await levelTexts(locale);
  const today = todayInOslo();
  return {
    log: {
      id: log.id,
      kind: log.kind,
      state: log.state,
      level: log.level,
      levelName: levels.find((l) => l.level === log.level)?.name ?? String(log.level),
      levelDescription: levels.find((l) => l.level === log.level)?.description ?? "",
      sharedWithLeader: log.sharedWithLeader,
      decisionDueOn: log.decisionDueOn,
      nextEvaluationOn: log.nextEvaluationOn,
      lastChildVoiceOn: log.lastChildVoiceOn,
      closeReason: log.closeReason,
      closedAt: log.closedAt?.toISOString() ?? null,
      createdAt: log.createdAt.toISOString(),
    },
    flags: flagsFor(
      { ...log, hasKeepConsent: log.kind === "relay" ? await hasKeepConsent(db, log.id, gate) : undefined },
      today,
      guide.evaluationIntervalDays,
    ),
    today,
    municipality: guide.municipalityName,
    evaluationIntervalDays: guide.evaluationIntervalDays,
    child: {
      name: child.name,
      birthDate: child.birthDate,
      // Data minimisation: the page gets the birth-date part only; the print for filing gets it all.
      nationalId: child.nationalId
        ? options.fullNationalId
          ? child.nationalId
          : `${child.nationalId.slice(0, 6)} *****`
        : null,
      attends: attends.map((a) => a.name),
      /** From the consent age the young person may get their own access. */
      atConsentAge: child.birthDate <= gate.consentAgeBornBy,
      hasFamilyAccess: child.userId !== null,
    },
    guardians: guardianRows.map((g) => ({
      id: g.id,
      name: g.name,
      relation: g.relation,
      parentalResponsibility: g.parentalResponsibility,
      email: g.email,
      phone: g.phone,
      toldOn: g.toldOn,
      hasFamilyAccess: g.userId !== null,
    })),
    holder,
    participants,
    consents,
    pendingInvitations,
    pendingHandover: pendingHandover ?? null,
    actions: actionRows.map((a) => ({
      id: a.id,
      description: a.description,
      goal: a.goal,
      responsible: a.responsible,
      startOn: a.startOn,
      evaluateOn: a.evaluateOn,
      active: a.active,
      overdue: a.active && a.evaluateOn < today,
    })),
    role: access.role,
    can: {
      write: log.state === "open" && access.role !== "leader",
      hold: log.state === "open" && access.role === "holder",
      reopen: log.state === "closed" && access.role === "holder",
      seeReaders: access.role !== "participant",
      collaborate: log.state === "open" && access.role === "holder" && log.kind === "relay",
      leave: log.state === "open" && access.role === "participant",
    },
  };
}

/** The log page: details and one page of the timeline, and what `more` reads. Recorded as a "view". */
export async function viewLog<T extends object = object>(
  actor: Actor,
  logId: string,
  options: { before?: number; type?: EventType; locale: Locale },
  more?: (access: StaffAccess) => Promise<T>,
) {
  const access = await openLog(staffViewer(actor), logId, "view");
  const details = await logDetails(access, options.locale);
  const timeline = await loadTimeline(access, options);
  return { ...details, ...timeline, ...((more ? await more(access) : {}) as T) };
}

/** The whole log for filing in the service's own records. Recorded as a "print". */
export async function printLog(actor: Actor, logId: string, locale: Locale) {
  const access = await openLog(staffViewer(actor), logId, "print");
  const details = await logDetails(access, locale, { fullNationalId: true });
  const timeline = await loadTimeline(access, { limit: 100_000 });
  return { ...details, events: timeline.events.slice().reverse() };
}

/** What a page about one log shows in its heading: the child, the level. */
async function logHeading(access: StaffAccess, locale: Locale) {
  const { db } = await database();
  const child = (await db.select({ name: children.name }).from(children).where(eq(children.id, access.log.childId)).get())!;
  const levels = await levelTexts(locale);
  const guide = await guideSettingsIn(db);
  return {
    id: access.log.id,
    kind: access.log.kind,
    state: access.log.state,
    level: access.log.level,
    levelName: levels.find((l) => l.level === access.log.level)?.name ?? "",
    childName: child.name,
    evaluationIntervalDays: guide.evaluationIntervalDays,
    level0DecisionDays: guide.level0DecisionDays,
    today: todayInOslo(),
  };
}

export type LogHeading = Awaited<ReturnType<typeof logHeading>>;

/** Reopening: the holder, on a closed log. */
const mayReopen: Requirement = (access) => {
  if (access.role !== "holder" || access.log.state !== "closed") throw new AppError(403, "forbidden");
};

/**
 * A page about one log: opened once for `purpose` after checking the person may do what
 * the page does (recorded as a read: the page shows the child), its heading, and what
 * `read` reads with the opened log.
 */
export async function logPage<T extends object = object>(
  actor: Actor,
  logId: string,
  page: { purpose: ReadPurpose; need: "read" | "write" | "hold" | "reopen" | Requirement; locale: Locale },
  read?: (access: StaffAccess) => Promise<T>,
): Promise<{ log: LogHeading } & T> {
  const access = await openLog(staffViewer(actor), logId, page.purpose, page.need === "reopen" ? mayReopen : page.need);
  const log = await logHeading(access, page.locale);
  return { log, ...((read ? await read(access) : {}) as T) };
}

/** A form page about one log (see logPage). */
export function logForm<T extends object = object>(
  actor: Actor,
  logId: string,
  need: "read" | "write" | "hold" | "reopen",
  locale: Locale,
  read?: (access: StaffAccess) => Promise<T>,
) {
  return logPage(actor, logId, { purpose: "form", need, locale }, read);
}

/** "Who has read this log" (DESIGN.md rule 9), for the holder and the leader. */
export async function readersPage(actor: Actor, logId: string, locale: Locale) {
  const notParticipant: Requirement = (access) => {
    if (access.role === "participant") throw new AppError(403, "forbidden");
  };
  return logPage(actor, logId, { purpose: "readers", need: notParticipant, locale }, async (access) => ({
    readers: await readersOf(access),
  }));
}

/** One active action of an opened log, for the evaluation form. */
export async function activeAction(access: StaffAccess, actionId: string) {
  assertMay(access, "write");
  const { db } = await database();
  const action = await db
    .select()
    .from(actions)
    .where(and(eq(actions.id, actionId), eq(actions.logId, access.log.id), eq(actions.active, true)))
    .get();
  if (!action) throw new AppError(404, "not_found");
  return {
    action: {
      id: action.id,
      description: action.description,
      goal: action.goal,
      responsible: action.responsible,
      startOn: action.startOn,
      evaluateOn: action.evaluateOn,
    },
    isHolder: access.role === "holder",
  };
}

export interface HomeFilter {
  level?: number;
  state?: "open" | "closed";
  q?: string;
  page: number;
}

/**
 * "Mine logger": the logs the person holds or takes part in — and, for a leader, the logs
 * held in their service — most urgent first. Searching by the child's name only ever
 * searches these; every hit is written to the access log.
 */
export async function listMyLogs(actor: Actor, filter: HomeFilter) {
  const { db } = await database();
  const guide = await guideSettingsIn(db);
  const today = todayInOslo();
  const voiceCutoff = addDays(today, -guide.evaluationIntervalDays);
  const q = filter.q?.trim();
  const gate = await gateContext(db, today);
  const where = and(
    readableLogs(staffViewer(actor), gate),
    filter.level !== undefined ? eq(logs.level, filter.level) : undefined,
    filter.state ? eq(logs.state, filter.state) : undefined,
    q ? like(children.name, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  // Most urgent first: open before closed; then anything overdue; then a missing child's
  // voice; then the nearest date (decision or evaluation).
  const dueDate = sql`coalesce(${logs.decisionDueOn}, ${logs.nextEvaluationOn})`;
  const urgency = sql<number>`case
    when ${logs.state} = 'closed' then 9
    when ${dueDate} is not null and ${dueDate} <= ${today} then 0
    when ${logs.kind} = 'relay' and ${logs.level} >= 1 and (${logs.lastChildVoiceOn} is null or ${logs.lastChildVoiceOn} < ${voiceCutoff}) then 1
    when ${dueDate} is not null then 2
    else 3 end`;
  const [{ total }] = (await db
    .select({ total: count() })
    .from(logs)
    .innerJoin(children, eq(children.id, logs.childId))
    .where(where)) as [{ total: number }];
  const pages = Math.max(1, Math.ceil(total / HOME_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page), pages);
  const rows = await db
    .select({
      id: logs.id,
      kind: logs.kind,
      state: logs.state,
      level: logs.level,
      decisionDueOn: logs.decisionDueOn,
      nextEvaluationOn: logs.nextEvaluationOn,
      lastChildVoiceOn: logs.lastChildVoiceOn,
      // Per row of the page only (a correlated lookup on consents_log_idx), not per log read.
      hasKeepConsent: sql<number>`${keepConsentSql(sql`${logs.id}`, gate)}`.mapWith(Boolean),
      holderId: logs.holderId,
      holderName: users.name,
      serviceId: logs.holderServiceId,
      serviceName: services.name,
      childName: children.name,
      birthDate: children.birthDate,
      updatedAt: logs.updatedAt,
    })
    .from(logs)
    .innerJoin(children, eq(children.id, logs.childId))
    .innerJoin(users, eq(users.id, logs.holderId))
    .innerJoin(services, eq(services.id, logs.holderServiceId))
    .where(where)
    .orderBy(urgency, sql`${dueDate} asc nulls last`, desc(logs.updatedAt))
    .limit(HOME_PAGE_SIZE)
    .offset((page - 1) * HOME_PAGE_SIZE);
  if (q) await recordSearchHits(staffViewer(actor), rows);
  const participating = new Set(
    (
      await db
        .select({ logId: logParticipants.logId })
        .from(logParticipants)
        .where(and(eq(logParticipants.userId, actor.id), isNull(logParticipants.endedAt)))
    ).map((r) => r.logId),
  );
  return {
    logs: rows.map(({ updatedAt, serviceId, ...r }) => ({
      ...r,
      updatedAt: updatedAt.toISOString(),
      relation: r.holderId === actor.id ? ("holder" as const) : participating.has(r.id) ? ("participant" as const) : ("leader" as const),
      flags: flagsFor(r, today, guide.evaluationIntervalDays),
    })),
    total,
    page,
    pages,
  };
}

/** The entry to hide from the guardians, for the restriction form: the holder or its author, while the log is open. */
export async function eventForRestriction(actor: Actor, logId: string, eventId: string, locale: Locale) {
  return logForm(actor, logId, "write", locale, async (access) => {
    const { db } = await database();
    const event = await db
      .select({
        id: logEvents.id,
        logId: logEvents.logId,
        type: logEvents.type,
        data: logEvents.data,
        occurredOn: logEvents.occurredOn,
        authorId: logEvents.authorId,
        authorName: users.name,
        restrictedReason: logEvents.restrictedReason,
      })
      .from(logEvents)
      .innerJoin(users, eq(users.id, logEvents.authorId))
      .where(and(eq(logEvents.id, eventId), eq(logEvents.logId, access.log.id)))
      .get();
    if (!event || !restrictableTypes.has(event.type)) throw new AppError(404, "not_found");
    if (!mayRestrict(access.role, actor, event)) throw new AppError(403, "forbidden");
    // Already hidden: there is nothing left to do here.
    if (await isHiddenFromFamily(db, event)) throw new AppError(404, "not_found");
    return {
      event: { id: event.id, type: event.type, occurredOn: event.occurredOn, authorName: event.authorName, text: mainText(event) },
    };
  });
}

/** The entry to correct, for the correction form: only its author, while the log is open. */
export async function eventForCorrection(actor: Actor, logId: string, eventId: string, locale: Locale) {
  return logForm(actor, logId, "write", locale, async (access) => {
    const { db } = await database();
    const event = await db
      .select()
      .from(logEvents)
      .where(and(eq(logEvents.id, eventId), eq(logEvents.logId, access.log.id)))
      .get();
    if (!event || !correctableTypes.has(event.type)) throw new AppError(404, "not_found");
    if (event.authorId !== actor.id) throw new AppError(403, "forbidden");
    return { event: { id: event.id, type: event.type, occurredOn: event.occurredOn, text: mainText(event) } };
  });
}
