import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { actions, childServices, children, guardians, handovers, logInvitations, logParticipants, services, users } from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import type { EventType, Locale } from "../../lib/enums";
import { flagsFor } from "../../lib/flags";
import { gateContext, hasKeepConsent, passesGate } from "../access/consent-gate.server";
import { openLog, readersOf, type ReadPurpose, type Requirement, type StaffAccess } from "../access/open.server";
import { staffViewer } from "../access/viewer";
import type { Actor } from "../auth/permissions";
import { consentState } from "../consent/consents.server";
import { AppError } from "../errors.server";
import { guideForLog, guideInEffect, levelTextsFor } from "../guide.server";
import { checklistOf } from "./checklist.server";
import { holderOf, loadTimeline } from "./timeline.server";

/**
 * The staff's pages about one log, each opened once for its purpose (and so recorded once
 * in the access log): the log page with its details and a page of the timeline, the print
 * for filing, "who has read this log", and the heading every other page and form about the
 * log shows (`logPage`, `logForm`).
 */

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
  const today = todayInOslo();
  const guide = await guideForLog(db, log);
  const inEffect = await guideInEffect(db, today);
  const levels = await levelTextsFor(db, guide.id, locale);
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
      // The flags follow the version in effect, as on the home list and the leader's overview.
      inEffect.evaluationIntervalDays,
    ),
    today,
    municipality: guide.municipalityName,
    guide: { id: guide.id, number: guide.number, effectiveOn: guide.effectiveOn },
    /** The guide's checklist for the log's level (staff only; the holder ticks). */
    checklist: await checklistOf(db, log, locale),
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
      language: g.language,
      interpreterNeeded: g.interpreterNeeded,
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
      responsibleKind: a.responsibleKind,
      startOn: a.startOn,
      evaluateOn: a.evaluateOn,
      active: a.active,
      overdue: a.active && a.evaluateOn < today,
    })),
    role: access.role,
    can: {
      write: log.state === "open" && access.role !== "leader",
      hold: log.state === "open" && access.role === "holder",
      tick: log.state === "open" && access.role === "holder",
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
  const timeline = await loadTimeline(access, { limit: 100_000, locale });
  return { ...details, events: timeline.events.slice().reverse() };
}

/** What a page about one log shows in its heading: the child, the level. */
async function logHeading(access: StaffAccess, locale: Locale) {
  const { db } = await database();
  const child = (await db.select({ name: children.name }).from(children).where(eq(children.id, access.log.childId)).get())!;
  const guide = await guideForLog(db, access.log);
  const levels = await levelTextsFor(db, guide.id, locale);
  return {
    id: access.log.id,
    kind: access.log.kind,
    state: access.log.state,
    level: access.log.level,
    levelName: levels.find((l) => l.level === access.log.level)?.name ?? "",
    childName: child.name,
    evaluationIntervalDays: guide.evaluationIntervalDays,
    level0DecisionDays: guide.level0DecisionDays,
    consentValidityMonths: guide.consentValidityMonths,
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
