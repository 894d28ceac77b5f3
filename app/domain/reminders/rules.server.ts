import { and, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client.server";
import { actions, consents, guardians, handovers, logInvitations, logParticipants, logs, meetingInvitees, meetings, memberships, users } from "../../../db/schema";
import { addDays, osloInstant, todayInOslo } from "../../lib/dates";
import type { ReminderRule } from "../../lib/enums";

/**
 * The reminder rules (issue 11, point 2). Each is a query over the state of the logs: given
 * today's date (Europe/Oslo) and the action guide, which reminders should exist now. The
 * tick (tick.server.ts) creates the ones that are new and withdraws the ones whose reason
 * went away. A rule never sends anything itself and never names a child: a reminder points
 * at a thing (an action, an invitation…) that its recipient opens through the access gate.
 */
export interface DueReminder {
  rule: ReminderRule;
  recipientId: string;
  logId: string | null;
  subjectId: string;
  /** What made it due; part of the key, so a new state reminds again. */
  state: string;
  dueOn: string | null;
}

export interface RuleContext {
  today: string;
  now: Date;
  evaluationIntervalDays: number;
  /** Only this log (the sync in the transaction that changed it); all logs when absent. */
  logId?: string;
}

/** The condition that limits a rule to the context's log, if any. */
const onLog = (context: RuleContext) => (context.logId ? eq(logs.id, context.logId) : undefined);

type Rule = (db: Queryable, context: RuleContext) => Promise<DueReminder[]>;

/** Days before an evaluation date that the holder is told it is coming. */
export const EVALUATION_NOTICE_DAYS = 7;
/** Days after which an unanswered handover reminds. */
export const HANDOVER_REMINDER_DAYS = 3;
/** Days before a consent expires that the holder is told. */
export const CONSENT_NOTICE_DAYS = 30;
/** Days before a level-0 decision date that the writer is told. */
export const DECISION_NOTICE_DAYS = 3;

const openRelay = and(eq(logs.state, "open"), eq(logs.kind, "relay"));

/**
 * Evaluation due in 7 days, due today, overdue, per active action: to the holder and to the
 * person responsible for the action while they are on the log (an active participant; a
 * participant who left, or a deactivated account, is not reminded, the holder still is).
 */
const evaluations: Rule = async (db, context) => {
  const { today } = context;
  const responsibleOnLog = db
    .select({ userId: logParticipants.userId })
    .from(logParticipants)
    .innerJoin(users, eq(users.id, logParticipants.userId))
    .where(
      and(
        eq(logParticipants.logId, actions.logId),
        eq(logParticipants.userId, actions.responsibleUserId),
        isNull(logParticipants.endedAt),
        eq(users.active, true),
      ),
    );
  const rows = await db
    .select({
      actionId: actions.id,
      logId: logs.id,
      holderId: logs.holderId,
      evaluateOn: actions.evaluateOn,
      responsibleId: sql<string | null>`case when exists ${responsibleOnLog} then ${actions.responsibleUserId} end`,
    })
    .from(actions)
    .innerJoin(logs, eq(logs.id, actions.logId))
    .where(and(eq(actions.active, true), openRelay, lte(actions.evaluateOn, addDays(today, EVALUATION_NOTICE_DAYS)), onLog(context)));
  return rows.flatMap((r) =>
    [...new Set([r.holderId, r.responsibleId ?? r.holderId])].map((recipientId) => ({
      rule: r.evaluateOn < today ? "evaluation_overdue" : r.evaluateOn === today ? "evaluation_today" : "evaluation_soon",
      recipientId,
      logId: r.logId,
      subjectId: r.actionId,
      state: r.evaluateOn,
      dueOn: r.evaluateOn,
    })),
  );
};

/** The leaders (current, active) of each of the given services. */
async function leadersOf(db: Queryable, serviceIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (serviceIds.length === 0) return result;
  const rows = await db
    .select({ serviceId: memberships.serviceId, userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(inArray(memberships.serviceId, [...new Set(serviceIds)]), eq(memberships.role, "leader"), isNull(memberships.endedAt), eq(users.active, true)),
    );
  for (const row of rows) result.set(row.serviceId, [...(result.get(row.serviceId) ?? []), row.userId]);
  return result;
}

/** Invitation unanswered on its respond-by date: to the invitee, the holder and the invitee's leaders. */
const invitations: Rule = async (db, context) => {
  const { today } = context;
  const rows = await db
    .select({
      id: logInvitations.id,
      logId: logInvitations.logId,
      inviteeId: logInvitations.inviteeId,
      serviceId: logInvitations.serviceId,
      respondBy: logInvitations.respondBy,
      holderId: logs.holderId,
    })
    .from(logInvitations)
    .innerJoin(logs, eq(logs.id, logInvitations.logId))
    .where(and(eq(logInvitations.status, "pending"), eq(logs.state, "open"), lte(logInvitations.respondBy, today), onLog(context)));
  const leaders = await leadersOf(
    db,
    rows.map((r) => r.serviceId),
  );
  return rows.flatMap((r) =>
    [...new Set([r.inviteeId, r.holderId, ...(leaders.get(r.serviceId) ?? [])])].map((recipientId) => ({
      rule: "invitation_unanswered" as const,
      recipientId,
      logId: r.logId,
      subjectId: r.id,
      state: r.respondBy,
      dueOn: r.respondBy,
    })),
  );
};

/**
 * Notices: an invitation waiting for the invitee's answer, a handover waiting for the
 * proposed holder's — from the moment they are made until they are answered.
 */
const received: Rule = async (db, context) => {
  const invited = await db
    .select({ id: logInvitations.id, logId: logInvitations.logId, inviteeId: logInvitations.inviteeId, respondBy: logInvitations.respondBy })
    .from(logInvitations)
    .innerJoin(logs, eq(logs.id, logInvitations.logId))
    .where(and(eq(logInvitations.status, "pending"), eq(logs.state, "open"), onLog(context)));
  const proposed = await db
    .select({ id: handovers.id, logId: handovers.logId, toUserId: handovers.toUserId })
    .from(handovers)
    .innerJoin(logs, eq(logs.id, handovers.logId))
    .where(and(eq(handovers.status, "proposed"), eq(logs.state, "open"), onLog(context)));
  return [
    ...invited.map((r) => ({
      rule: "invitation_received" as const,
      recipientId: r.inviteeId,
      logId: r.logId,
      subjectId: r.id,
      state: "pending",
      dueOn: r.respondBy,
    })),
    ...proposed.map((r) => ({
      rule: "handover_received" as const,
      recipientId: r.toUserId,
      logId: r.logId,
      subjectId: r.id,
      state: "proposed",
      dueOn: null,
    })),
  ];
};

/** A handover not answered within three days: to the proposed new holder and the proposer. */
const handoverRule: Rule = async (db, context) => {
  const { now } = context;
  const cutoff = new Date(now.getTime() - HANDOVER_REMINDER_DAYS * 86_400_000);
  const rows = await db
    .select({ id: handovers.id, logId: handovers.logId, toUserId: handovers.toUserId, fromUserId: handovers.fromUserId })
    .from(handovers)
    .innerJoin(logs, eq(logs.id, handovers.logId))
    .where(and(eq(handovers.status, "proposed"), eq(logs.state, "open"), lte(handovers.proposedAt, cutoff), onLog(context)));
  return rows.flatMap((r) =>
    [...new Set([r.toUserId, r.fromUserId])].map((recipientId) => ({
      rule: "handover_unanswered" as const,
      recipientId,
      logId: r.logId,
      subjectId: r.id,
      state: "proposed",
      dueOn: null,
    })),
  );
};

/** A consent in force that expires within 30 days, or has expired: to the holder. */
const consentRule: Rule = async (db, context) => {
  const { today } = context;
  const rows = await db
    .select({ id: consents.id, logId: consents.logId, expiresOn: consents.expiresOn, holderId: logs.holderId })
    .from(consents)
    .innerJoin(logs, eq(logs.id, consents.logId))
    .where(
      and(
        eq(consents.status, "active"),
        eq(consents.decision, "given"),
        eq(logs.state, "open"),
        lte(consents.expiresOn, addDays(today, CONSENT_NOTICE_DAYS)),
        onLog(context),
      ),
    );
  return rows.map((r) => ({
    rule: r.expiresOn <= today ? "consent_expired" : "consent_expiring",
    recipientId: r.holderId,
    logId: r.logId,
    subjectId: r.id,
    state: r.expiresOn,
    dueOn: r.expiresOn,
  }));
};

/**
 * An open log whose holder has been deactivated: to the leaders of its service, once a day
 * until someone is appointed (the state is today's date). A private level-0 note stays
 * private unless it was discussed with the leader (as orphanedLogs in logs/orphaned-logs.server.ts).
 */
const orphans: Rule = async (db, context) => {
  const { today } = context;
  const rows = await db
    .select({ id: logs.id, serviceId: logs.holderServiceId })
    .from(logs)
    .innerJoin(users, eq(users.id, logs.holderId))
    .where(and(eq(logs.state, "open"), eq(users.active, false), or(eq(logs.kind, "relay"), eq(logs.sharedWithLeader, true)), onLog(context)));
  const leaders = await leadersOf(
    db,
    rows.map((r) => r.serviceId),
  );
  return rows.flatMap((r) =>
    (leaders.get(r.serviceId) ?? []).map((recipientId) => ({
      rule: "orphaned_log" as const,
      recipientId,
      logId: r.id,
      subjectId: r.id,
      state: today,
      dueOn: null,
    })),
  );
};

/** Level 0: the decision is due within three days, or its date has come: to the writer. */
const decisions: Rule = async (db, context) => {
  const { today } = context;
  const rows = await db
    .select({ id: logs.id, holderId: logs.holderId, decisionDueOn: logs.decisionDueOn })
    .from(logs)
    .innerJoin(users, eq(users.id, logs.holderId))
    .where(
      and(
        eq(logs.state, "open"),
        eq(logs.kind, "concern"),
        eq(users.active, true),
        lte(logs.decisionDueOn, addDays(today, DECISION_NOTICE_DAYS)),
        onLog(context),
      ),
    );
  return rows.flatMap((r) =>
    r.decisionDueOn === null
      ? []
      : [
          {
            rule: r.decisionDueOn <= today ? ("decision_overdue" as const) : ("decision_soon" as const),
            recipientId: r.holderId,
            logId: r.id,
            subjectId: r.id,
            state: r.decisionDueOn,
            dueOn: r.decisionDueOn,
          },
        ],
  );
};

/**
 * Level 1 or higher and the child's voice not heard within the evaluation interval: to the
 * holder. Counted from the last time it was heard, or from when the log was made, so a log
 * made minutes ago does not remind at once.
 */
const childVoice: Rule = async (db, context) => {
  const { today, evaluationIntervalDays } = context;
  const cutoff = addDays(today, -evaluationIntervalDays);
  // created_at is milliseconds; its Oslo date is close enough to the UTC date for a
  // 30-day-or-more interval, and the state keeps it stable.
  const since = sql<string>`coalesce(${logs.lastChildVoiceOn}, date(${logs.createdAt} / 1000, 'unixepoch'))`;
  const rows = await db
    .select({ id: logs.id, holderId: logs.holderId, since })
    .from(logs)
    .where(and(openRelay, gt(logs.level, 0), sql`${since} < ${cutoff}`, onLog(context)));
  return rows.map((r) => ({
    rule: "child_voice_missing" as const,
    recipientId: r.holderId,
    logId: r.id,
    subjectId: r.id,
    state: r.since,
    dueOn: addDays(r.since, evaluationIntervalDays),
  }));
};

/** The instants a calendar day in Oslo begins and ends. */
export function osloDay(isoDate: string) {
  return { from: osloInstant(isoDate, "00:00"), to: osloInstant(addDays(isoDate, 1), "00:00") };
}

/**
 * A planned meeting tomorrow (Oslo): to each staff member invited. The state is the start,
 * so a meeting moved to another day reminds again. (The family is mailed by the tick:
 * familyMeetingReminders in meetings.server.ts.)
 */
const meetingsTomorrow: Rule = async (db, context) => {
  const { from, to } = osloDay(addDays(context.today, 1));
  const rows = await db
    .select({ id: meetings.id, logId: meetings.logId, startsAt: meetings.startsAt, userId: meetingInvitees.userId })
    .from(meetings)
    .innerJoin(logs, eq(logs.id, meetings.logId))
    .innerJoin(meetingInvitees, and(eq(meetingInvitees.meetingId, meetings.id), eq(meetingInvitees.kind, "staff")))
    .where(and(eq(meetings.status, "planned"), eq(logs.state, "open"), gte(meetings.startsAt, from), lt(meetings.startsAt, to), onLog(context)));
  return rows.flatMap((r) =>
    r.userId
      ? [
          {
            rule: "meeting_tomorrow" as const,
            recipientId: r.userId,
            logId: r.logId,
            subjectId: r.id,
            state: r.startsAt.toISOString(),
            dueOn: addDays(context.today, 1),
          },
        ]
      : [],
  );
};

/** Days before a meeting with a guardian who needs an interpreter that the holder is told to book one. */
export const INTERPRETER_NOTICE_DAYS = 7;

/**
 * A planned meeting within a week that invites a guardian who needs an interpreter: to the
 * holder and the meeting's planner, "book an interpreter" (issue 11 point 6). The state is
 * the start, so a moved meeting reminds again.
 */
const interpreters: Rule = async (db, context) => {
  const { from } = osloDay(context.today);
  const { to } = osloDay(addDays(context.today, INTERPRETER_NOTICE_DAYS));
  const rows = await db
    .selectDistinct({ id: meetings.id, logId: meetings.logId, startsAt: meetings.startsAt, holderId: logs.holderId, plannedBy: meetings.plannedBy })
    .from(meetings)
    .innerJoin(logs, eq(logs.id, meetings.logId))
    .innerJoin(meetingInvitees, and(eq(meetingInvitees.meetingId, meetings.id), eq(meetingInvitees.kind, "guardian")))
    .innerJoin(guardians, and(eq(guardians.id, meetingInvitees.guardianId), eq(guardians.interpreterNeeded, true)))
    .where(and(eq(meetings.status, "planned"), eq(logs.state, "open"), gte(meetings.startsAt, from), lt(meetings.startsAt, to), onLog(context)));
  return rows.flatMap((r) =>
    [...new Set([r.holderId, r.plannedBy])].map((recipientId) => ({
      rule: "meeting_interpreter" as const,
      recipientId,
      logId: r.logId,
      subjectId: r.id,
      state: r.startsAt.toISOString(),
      dueOn: todayInOslo(r.startsAt),
    })),
  );
};

export const rules: readonly Rule[] = [
  evaluations,
  received,
  invitations,
  handoverRule,
  consentRule,
  orphans,
  decisions,
  childVoice,
  meetingsTomorrow,
  interpreters,
];

/** Every reminder that should exist now. */
export async function dueReminders(db: Queryable, context: RuleContext): Promise<DueReminder[]> {
  const all: DueReminder[] = [];
  for (const rule of rules) all.push(...(await rule(db, context)));
  return all;
}

export function reminderKey(r: Pick<DueReminder, "rule" | "subjectId" | "state" | "recipientId">): string {
  return `${r.rule}:${r.subjectId}:${r.state}:${r.recipientId}`;
}
