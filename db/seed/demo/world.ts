import type { Transaction } from "../../client.server";
import {
  actions,
  childServices,
  children,
  consentGuardians,
  consentServices,
  consents,
  guardians,
  handovers,
  meetingInvitees,
  meetings,
  reminders,
  logEvents,
  logInvitations,
  logParticipants,
  logs,
  services,
  users,
} from "../../schema";
import { todayInOslo } from "../../../app/lib/dates";
import { guideInEffect } from "../../../app/domain/guide.server";

/**
 * The world the demo logs are written into: the seed day, the action guide's settings, the
 * demo's people and services by id and name, and the rows each log adds when it is
 * finished (./log.ts), inserted together at the end.
 */
export interface DemoLogsContext {
  /** The seed time; dates are counted back from its day in Oslo. */
  now: Date;
  /** Demo user ids by e-mail (./municipality.ts). */
  userIds: ReadonlyMap<string, string>;
  /** Demo service ids by key (./municipality.ts). */
  serviceIds: ReadonlyMap<string, string>;
}

type ChildRow = typeof children.$inferInsert;
type ChildServiceRow = typeof childServices.$inferInsert;
export type GuardianRow = typeof guardians.$inferInsert;
type LogRow = typeof logs.$inferInsert;
export type EventRow = typeof logEvents.$inferInsert;
export type ActionRow = typeof actions.$inferInsert;
export type ConsentRow = typeof consents.$inferInsert;
type ConsentGuardianRow = typeof consentGuardians.$inferInsert;
type ConsentServiceRow = typeof consentServices.$inferInsert;
export type InvitationRow = typeof logInvitations.$inferInsert;
export type ParticipantRow = typeof logParticipants.$inferInsert;
export type HandoverRow = typeof handovers.$inferInsert;
export type MeetingRow = typeof meetings.$inferInsert;
export type MeetingInviteeRow = typeof meetingInvitees.$inferInsert;
export type ReminderRow = typeof reminders.$inferInsert;

interface Rows {
  children: ChildRow[];
  childServices: ChildServiceRow[];
  guardians: GuardianRow[];
  logs: LogRow[];
  events: EventRow[];
  actions: ActionRow[];
  consents: ConsentRow[];
  consentGuardians: ConsentGuardianRow[];
  consentServices: ConsentServiceRow[];
  invitations: InvitationRow[];
  participants: ParticipantRow[];
  handovers: HandoverRow[];
  meetings: MeetingRow[];
  meetingInvitees: MeetingInviteeRow[];
  reminders: ReminderRow[];
}

export interface World {
  today: string;
  /** The local guide version the demo logs are under. */
  guideVersionId: string;
  decisionDays: number;
  evaluationIntervalDays: number;
  consentValidityMonths: number;
  invitationResponseDays: number;
  /** Names by id, for the events that name people and services. */
  userNames: ReadonlyMap<string, string>;
  serviceNames: ReadonlyMap<string, string>;
  ctx: DemoLogsContext;
  rows: Rows;
}

/** The world on the seed day, read inside the demo's transaction after its services and accounts. */
export async function openWorld(tx: Transaction, ctx: DemoLogsContext): Promise<World> {
  const guide = await guideInEffect(tx, todayInOslo(ctx.now));
  const userNames = new Map((await tx.select({ id: users.id, name: users.name }).from(users)).map((u) => [u.id, u.name]));
  const serviceNames = new Map((await tx.select({ id: services.id, name: services.name }).from(services)).map((s) => [s.id, s.name]));
  return {
    today: todayInOslo(ctx.now),
    guideVersionId: guide.id,
    decisionDays: guide.level0DecisionDays,
    evaluationIntervalDays: guide.evaluationIntervalDays,
    consentValidityMonths: guide.consentValidityMonths,
    invitationResponseDays: guide.invitationResponseDays,
    userNames,
    serviceNames,
    ctx,
    rows: {
      children: [],
      childServices: [],
      guardians: [],
      logs: [],
      events: [],
      actions: [],
      consents: [],
      consentGuardians: [],
      consentServices: [],
      invitations: [],
      participants: [],
      handovers: [],
      meetings: [],
      meetingInvitees: [],
      reminders: [],
    },
  };
}

/** Rows per insert: few statements, well under SQLite's limit of bound variables. */
const CHUNK = 400;

async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Insert the rows of every finished log, table by table. */
export async function insertWorld(tx: Transaction, { rows }: World) {
  await insertAll(rows.children, (c) => tx.insert(children).values(c));
  await insertAll(rows.childServices, (c) => tx.insert(childServices).values(c));
  await insertAll(rows.guardians, (c) => tx.insert(guardians).values(c));
  await insertAll(rows.logs, (c) => tx.insert(logs).values(c));
  await insertAll(rows.events, (c) => tx.insert(logEvents).values(c));
  await insertAll(rows.actions, (c) => tx.insert(actions).values(c));
  await insertAll(rows.consents, (c) => tx.insert(consents).values(c));
  await insertAll(rows.consentGuardians, (c) => tx.insert(consentGuardians).values(c));
  await insertAll(rows.consentServices, (c) => tx.insert(consentServices).values(c));
  await insertAll(rows.invitations, (c) => tx.insert(logInvitations).values(c));
  await insertAll(rows.participants, (c) => tx.insert(logParticipants).values(c));
  await insertAll(rows.handovers, (c) => tx.insert(handovers).values(c));
  await insertAll(rows.meetings, (c) => tx.insert(meetings).values(c));
  await insertAll(rows.meetingInvitees, (c) => tx.insert(meetingInvitees).values(c));
  await insertAll(rows.reminders, (c) => tx.insert(reminders).values(c));
}
