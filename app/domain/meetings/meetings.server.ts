import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import { database, type Queryable, type Transaction } from "../../../db/client.server";
import { children, guardians, logs, meetingInvitees, meetings, users } from "../../../db/schema";
import { settings } from "../../config.server";
import { addDays, dateTimeFormat, isTooFarAhead, osloDateTime, osloInstant, todayInOslo } from "../../lib/dates";
import { defaultLocale, type MeetingInviteeKind } from "../../lib/enums";
import { createId } from "../../lib/ids";
import { intlTag } from "../../lib/locales";
import { findAccess, type FamilyAccess, type LogAccess, type StaffAccess, type StaffCheck } from "../access/open.server";
import type { Viewer } from "../access/viewer";
import type { Actor } from "../auth/permissions";
import { AppError, fieldError, notFound } from "../errors.server";
import { peopleOnLog } from "../logs/actions.server";
import { appendEvent, withAccess } from "../logs/events.server";
import { publicBaseUrl } from "../mail/mailer.server";
import { meetingMessage } from "../mail/messages.server";
import { deliverSoon, enqueueMail } from "../mail/outbox.server";
import { osloDay } from "../reminders/rules.server";
import { meetingCalendar } from "./calendar.server";

/**
 * Planned meetings (issue 11 point 6): anyone who writes on the log may plan one, with a
 * date and time, a place or a video link, an agenda and the people invited (people on the
 * log, guardians, the child). Each invitee with an e-mail address gets a mail with the
 * calendar entry attached, written to the outbox in the same transaction as the meeting;
 * a change sends the same entry again with a higher SEQUENCE, a cancellation cancels it.
 * Every step is also an event on the timeline. Minutes are written afterwards into the
 * same meeting (a `meeting` entry that names it).
 */

export interface MeetingInput {
  date: string;
  time: string;
  durationMinutes: number;
  place?: string;
  videoUrl?: string;
  agenda: string;
  /** `person:<userId>`, `guardian:<guardianId>` or `child`. */
  invitees: string[];
}

type Invitee = { kind: MeetingInviteeKind; userId: string | null; guardianId: string | null; name: string; email: string | null };

/** Who can be invited to a meeting about this log: the people on it, the guardians, the child. */
async function invitable(db: Queryable, access: Pick<StaffCheck, "log">) {
  const onLog = await peopleOnLog(db, access.log);
  const staff = await db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(inArray(users.id, [...onLog]), eq(users.active, true)))
    .orderBy(asc(users.name));
  const guardianRows = await db
    .select({
      id: guardians.id,
      name: guardians.name,
      email: guardians.email,
      accountEmail: users.email,
      language: guardians.language,
      interpreterNeeded: guardians.interpreterNeeded,
    })
    .from(guardians)
    .leftJoin(users, eq(users.id, guardians.userId))
    .where(eq(guardians.childId, access.log.childId))
    .orderBy(asc(guardians.createdAt));
  const child = (await db
    .select({ name: children.name, accountEmail: users.email })
    .from(children)
    .leftJoin(users, eq(users.id, children.userId))
    .where(eq(children.id, access.log.childId))
    .get())!;
  return { staff, guardians: guardianRows, child };
}

/** For the meeting form: the people to choose from, the holder first. */
export async function meetingChoices(access: StaffAccess) {
  const { db } = await database();
  const people = await invitable(db, access);
  return {
    staff: people.staff
      .map((s) => ({ value: `person:${s.userId}`, name: s.name, isHolder: s.userId === access.log.holderId }))
      .sort((a, b) => Number(b.isHolder) - Number(a.isHolder)),
    guardians: people.guardians.map((g) => ({
      value: `guardian:${g.id}`,
      name: g.name,
      interpreterNeeded: g.interpreterNeeded,
      language: g.language,
    })),
    child: { value: "child", name: people.child.name },
  };
}

/** The invitees as chosen, each checked against who can be invited; the planner is always one. */
async function resolveInvitees(tx: Transaction, access: StaffCheck, actor: Actor, chosen: string[]): Promise<Invitee[]> {
  const people = await invitable(tx, access);
  const result = new Map<string, Invitee>();
  for (const value of new Set([`person:${actor.id}`, ...chosen])) {
    if (value === "child") {
      result.set(value, { kind: "child", userId: null, guardianId: null, name: people.child.name, email: people.child.accountEmail });
      continue;
    }
    const [kind, id] = value.split(":") as [string, string | undefined];
    const staff = kind === "person" ? people.staff.find((s) => s.userId === id) : undefined;
    const guardian = kind === "guardian" ? people.guardians.find((g) => g.id === id) : undefined;
    if (staff) result.set(value, { kind: "staff", userId: staff.userId, guardianId: null, name: staff.name, email: staff.email });
    else if (guardian) {
      result.set(value, { kind: "guardian", userId: null, guardianId: guardian.id, name: guardian.name, email: guardian.accountEmail ?? guardian.email });
    } else throw fieldError("invitees", "invitee_not_on_log");
  }
  return [...result.values()];
}

/** The meeting's time, checked: a real time ahead of now, at most two years ahead. */
function startOf(input: MeetingInput, now: Date): Date {
  const startsAt = osloInstant(input.date, input.time);
  if (startsAt.getTime() <= now.getTime()) throw fieldError("date", "meeting_in_past");
  if (isTooFarAhead(input.date, todayInOslo(now))) throw fieldError("date", "date_too_far_ahead");
  if (!input.place?.trim() && !input.videoUrl?.trim()) throw fieldError("place", "meeting_needs_place");
  return startsAt;
}

/** The link in the mail and calendar entry: the family's pages for a guardian or the child, else the staff's. */
const meetingUrl = (meetingId: string, family: boolean) =>
  `${publicBaseUrl(settings())}${family ? "/family" : ""}/meetings/${meetingId}`;

/** "10. desember 2026 kl. 09:30" — the time in the mail (not personal data). */
function whenText(startsAt: Date) {
  return dateTimeFormat(intlTag(defaultLocale), { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Oslo" }).format(startsAt);
}

type MeetingRow = typeof meetings.$inferSelect;

/** One mail per invitee with an address (the planner's own included: the calendar entry is theirs too). */
async function mailInvitees(tx: Transaction, meeting: MeetingRow, invitees: Invitee[], what: "invited" | "changed" | "cancelled") {
  for (const invitee of invitees) {
    if (!invitee.email) continue;
    const url = meetingUrl(meeting.id, invitee.kind !== "staff");
    const calendar = meetingCalendar(defaultLocale, meeting, { url, cancelled: what === "cancelled" });
    await enqueueMail(
      tx,
      { to: invitee.email, ...meetingMessage(defaultLocale, what, { url, when: whenText(meeting.startsAt), calendar }) },
      { dedupeKey: `meeting:${meeting.id}:${meeting.sequence}:${invitee.userId ?? invitee.guardianId ?? "child"}` },
    );
  }
}

async function inviteesOf(tx: Queryable, access: Pick<StaffCheck, "log">, meetingId: string): Promise<Invitee[]> {
  const rows = await tx.select().from(meetingInvitees).where(eq(meetingInvitees.meetingId, meetingId));
  const people = await invitable(tx, access);
  const staffEmails = new Map(
    (rows.some((r) => r.userId)
      ? await tx
          .select({ id: users.id, name: users.name, email: users.email })
          .from(users)
          .where(inArray(users.id, rows.flatMap((r) => (r.userId ? [r.userId] : []))))
      : []
    ).map((u) => [u.id, u]),
  );
  return rows.map((r) => {
    if (r.kind === "staff") {
      const u = staffEmails.get(r.userId!);
      return { kind: r.kind, userId: r.userId, guardianId: null, name: u?.name ?? "", email: u?.email ?? null };
    }
    if (r.kind === "guardian") {
      const g = people.guardians.find((x) => x.id === r.guardianId);
      return { kind: r.kind, userId: null, guardianId: r.guardianId, name: g?.name ?? "", email: g ? (g.accountEmail ?? g.email) : null };
    }
    return { kind: r.kind, userId: null, guardianId: null, name: people.child.name, email: people.child.accountEmail };
  });
}

const keyOf = (i: Pick<Invitee, "userId" | "guardianId" | "kind">) => i.userId ?? i.guardianId ?? i.kind;

function eventData(meeting: MeetingRow, invitees: Invitee[]) {
  return {
    meetingId: meeting.id,
    startsAt: meeting.startsAt.toISOString(),
    durationMinutes: meeting.durationMinutes,
    place: meeting.place ?? undefined,
    videoUrl: meeting.videoUrl ?? undefined,
    agenda: meeting.agenda,
    invitees: invitees.map((i) => ({ kind: i.kind, name: i.name })),
  };
}

/** Plan a meeting: the row, its invitees, the timeline event and the invitations, in one transaction. */
export async function planMeeting(actor: Actor, logId: string, input: MeetingInput, now = new Date()) {
  const startsAt = startOf(input, now);
  const meetingId = await withAccess(actor, logId, "write", async (tx, access) => {
    const invitees = await resolveInvitees(tx, access, actor, input.invitees);
    const meeting: MeetingRow = {
      id: createId(),
      logId,
      plannedBy: actor.id,
      startsAt,
      durationMinutes: input.durationMinutes,
      place: input.place?.trim() || null,
      videoUrl: input.videoUrl?.trim() || null,
      agenda: input.agenda,
      status: "planned",
      sequence: 0,
      minutesEventId: null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(meetings).values(meeting);
    await tx.insert(meetingInvitees).values(invitees.map((i) => ({ id: createId(), meetingId: meeting.id, kind: i.kind, userId: i.userId, guardianId: i.guardianId })));
    await appendEvent(tx, access, actor, "meeting_planned", todayInOslo(now), eventData(meeting, invitees));
    await mailInvitees(tx, meeting, invitees, "invited");
    return meeting.id;
  });
  // The invitations leave now rather than at the next tick (the outbox has them either way).
  deliverSoon();
  return meetingId;
}

/** The meeting of this log, still planned; only its planner or the holder may change it. */
async function plannedMeeting(tx: Queryable, access: StaffCheck, meetingId: string) {
  const meeting = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.logId, access.log.id)))
    .get();
  if (!meeting) throw notFound();
  if (meeting.plannedBy !== access.viewer.actor.id && access.role !== "holder") throw new AppError(403, "forbidden");
  if (meeting.status !== "planned") throw new AppError(409, "meeting_not_planned");
  return meeting;
}

/**
 * Change a planned meeting: the same calendar entry with a higher SEQUENCE to everyone still
 * invited, a cancellation to anyone no longer invited, and a `meeting_changed` event.
 */
export async function changeMeeting(actor: Actor, logId: string, meetingId: string, input: MeetingInput, now = new Date()) {
  const startsAt = startOf(input, now);
  await withAccess(actor, logId, "write", async (tx, access) => {
    const before = await plannedMeeting(tx, access, meetingId);
    const invitees = await resolveInvitees(tx, access, actor, input.invitees);
    const previous = await inviteesOf(tx, access, meetingId);
    const meeting: MeetingRow = {
      ...before,
      startsAt,
      durationMinutes: input.durationMinutes,
      place: input.place?.trim() || null,
      videoUrl: input.videoUrl?.trim() || null,
      agenda: input.agenda,
      sequence: before.sequence + 1,
      updatedAt: now,
    };
    await tx.update(meetings).set(meeting).where(eq(meetings.id, meetingId));
    await tx.delete(meetingInvitees).where(eq(meetingInvitees.meetingId, meetingId));
    await tx.insert(meetingInvitees).values(invitees.map((i) => ({ id: createId(), meetingId, kind: i.kind, userId: i.userId, guardianId: i.guardianId })));
    await appendEvent(tx, access, actor, "meeting_changed", todayInOslo(now), { ...eventData(meeting, invitees), sequence: meeting.sequence });
    const still = new Set(invitees.map(keyOf));
    await mailInvitees(tx, meeting, invitees, "changed");
    await mailInvitees(tx, meeting, previous.filter((p) => !still.has(keyOf(p))), "cancelled");
  });
  deliverSoon();
}

/** Cancel a planned meeting, with why: a cancellation of the calendar entry to every invitee. */
export async function cancelMeeting(actor: Actor, logId: string, meetingId: string, input: { reason: string }, now = new Date()) {
  if (!input.reason.trim()) throw fieldError("reason", "required");
  await withAccess(actor, logId, "write", async (tx, access) => {
    const before = await plannedMeeting(tx, access, meetingId);
    const meeting: MeetingRow = { ...before, status: "cancelled", sequence: before.sequence + 1, updatedAt: now };
    await tx.update(meetings).set({ status: "cancelled", sequence: meeting.sequence, updatedAt: now }).where(eq(meetings.id, meetingId));
    const invitees = await inviteesOf(tx, access, meetingId);
    await appendEvent(tx, access, actor, "meeting_cancelled", todayInOslo(now), {
      meetingId,
      startsAt: meeting.startsAt.toISOString(),
      reason: input.reason.trim(),
    });
    await mailInvitees(tx, meeting, invitees, "cancelled");
  });
  deliverSoon();
}

/** A meeting as the pages show it (its time as Oslo wall-clock date and time). */
async function shown(db: Queryable, access: Pick<StaffCheck, "log">, meeting: MeetingRow) {
  const invitees = await inviteesOf(db, access, meeting.id);
  const people = await invitable(db, access);
  const interpreterFor = invitees
    .filter((i) => i.kind === "guardian")
    .flatMap((i) => {
      const g = people.guardians.find((x) => x.id === i.guardianId);
      return g?.interpreterNeeded ? [{ name: g.name, language: g.language }] : [];
    });
  return {
    id: meeting.id,
    ...osloDateTime(meeting.startsAt),
    startsAt: meeting.startsAt.toISOString(),
    durationMinutes: meeting.durationMinutes,
    place: meeting.place,
    videoUrl: meeting.videoUrl,
    agenda: meeting.agenda,
    status: meeting.status,
    plannedBy: meeting.plannedBy,
    invitees: invitees.map((i) => ({ key: i.kind === "staff" ? `person:${i.userId}` : i.kind === "guardian" ? `guardian:${i.guardianId}` : "child", kind: i.kind, name: i.name })),
    /** Guardians invited who need an interpreter: the meeting says "book an interpreter". */
    interpreterFor,
  };
}

/**
 * The planned meetings of a log, soonest first: those still ahead or begun within the last
 * three hours, and — `awaitingMinutes` — also earlier ones whose minutes are not written yet.
 */
async function planned(access: LogAccess, now: Date, awaitingMinutes: boolean) {
  const { db } = await database();
  const rows = await db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.logId, access.log.id),
        eq(meetings.status, "planned"),
        awaitingMinutes ? undefined : gte(meetings.startsAt, new Date(now.getTime() - 3 * 3600_000)),
      ),
    )
    .orderBy(asc(meetings.startsAt));
  return Promise.all(rows.map(async (m) => ({ ...(await shown(db, access, m)), started: m.startsAt.getTime() <= now.getTime() })));
}

/**
 * The log page's meetings: ahead, or held and waiting for minutes. Each says whether this
 * reader may change or cancel it (its planner or the holder) and write its minutes (anyone
 * who writes on the log, once it has begun).
 */
export async function upcomingMeetings(access: StaffAccess, now = new Date()) {
  const mayWrite = access.log.state === "open" && access.role !== "leader";
  return (await planned(access, now, true)).map(({ plannedBy, ...m }) => ({
    ...m,
    mayChange: mayWrite && (plannedBy === access.viewer.actor.id || access.role === "holder"),
    mayWriteMinutes: mayWrite && m.started,
  }));
}

/** The family's view of the meetings ahead: when, where, what and who is invited. */
export async function familyMeetings(access: FamilyAccess, now = new Date()) {
  return (await planned(access, now, false)).map(({ plannedBy: _p, interpreterFor: _i, ...m }) => m);
}

/** The meeting form for a change: the planner or the holder, while it is planned. */
export async function meetingForChange(access: StaffAccess, meetingId: string) {
  const { db } = await database();
  const meeting = await plannedMeeting(db, access, meetingId);
  return shown(db, access, meeting);
}

/**
 * Where the link in a meeting's mail leads: the log page for staff who may read the log, the
 * family's log page for a family member who may. Anyone else (and an unknown id) gets the
 * same not-found.
 */
export async function meetingTarget(viewer: Viewer, meetingId: string): Promise<string> {
  const { db } = await database();
  const row = await db.select({ logId: meetings.logId }).from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!row || !(await findAccess(db, viewer, row.logId))) throw notFound();
  return viewer.kind === "family" ? `/family/logs/${row.logId}#meetings` : `/logs/${row.logId}#meetings`;
}

/**
 * The day before a planned meeting, a mail to each guardian or young person invited who has
 * an address (the staff get the `meeting_tomorrow` reminder instead). Once per meeting,
 * start and invitee (the outbox's dedupe key), so ticking again sends nothing more; a
 * meeting moved to another day reminds again.
 */
export async function familyMeetingReminders(tx: Transaction, now: Date): Promise<number> {
  const { from, to } = osloDay(addDays(todayInOslo(now), 1));
  const rows = await tx
    .select({ meeting: meetings, log: logs })
    .from(meetings)
    .innerJoin(logs, eq(logs.id, meetings.logId))
    .where(
      and(
        eq(meetings.status, "planned"),
        eq(logs.state, "open"),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, to),
      ),
    );
  let queued = 0;
  for (const { meeting, log } of rows) {
    for (const invitee of await inviteesOf(tx, { log }, meeting.id)) {
      if (invitee.kind === "staff" || !invitee.email) continue;
      const fresh = await enqueueMail(
        tx,
        { to: invitee.email, ...meetingMessage(defaultLocale, "tomorrow", { url: meetingUrl(meeting.id, true), when: whenText(meeting.startsAt) }) },
        { dedupeKey: `meeting-tomorrow:${meeting.id}:${meeting.startsAt.getTime()}:${keyOf(invitee)}`, now },
      );
      if (fresh) queued += 1;
    }
  }
  return queued;
}

/**
 * The minutes of a planned meeting, written as a `meeting` entry: the meeting is then held
 * and points at its minutes. Inside the entry's transaction; a meeting of another log, one
 * cancelled or already written up, refuses the whole entry.
 */
export async function recordMinutes(tx: Transaction, access: StaffCheck, meetingId: string, eventId: string) {
  const meeting = await tx
    .select({ status: meetings.status })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.logId, access.log.id)))
    .get();
  if (!meeting) throw notFound();
  if (meeting.status !== "planned") throw new AppError(409, "meeting_not_planned");
  await tx.update(meetings).set({ status: "held", minutesEventId: eventId, updatedAt: new Date() }).where(eq(meetings.id, meetingId));
}

/**
 * The minutes form of a planned meeting that has begun: its agenda and who was invited, to
 * start the minutes from (the writer corrects who actually came).
 */
export async function minutesDraft(access: StaffAccess, meetingId: string, now = new Date()) {
  const { db } = await database();
  const meeting = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.logId, access.log.id), eq(meetings.status, "planned")))
    .get();
  if (!meeting || meeting.startsAt.getTime() > now.getTime()) throw notFound();
  const view = await shown(db, access, meeting);
  return {
    id: meeting.id,
    date: view.date,
    agenda: meeting.agenda,
    invited: view.invitees.map((i) => i.name).join(", "),
  };
}
