import ICAL from "ical.js";
import { and, asc, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { guardians, logEvents, meetingInvitees, meetings, outbox, reminders } from "../../db/schema";
import { familyViewer, staffViewer } from "../../app/domain/access/viewer";
import { runTick } from "../../app/domain/jobs/tick.server";
import { giveFamilyAccess } from "../../app/domain/family/accounts.server";
import { familyLogView } from "../../app/domain/family/pages.server";
import { meetingTarget } from "../../app/domain/meetings/meetings.server";
import { viewLog } from "../../app/domain/logs/log-page.server";
import { addDays, osloInstant } from "../../app/lib/dates";
import * as cancelRoute from "../../app/routes/logs.$logId.meetings.$meetingId.cancel";
import * as changeRoute from "../../app/routes/logs.$logId.meetings.$meetingId._index";
const changeRouteAction = changeRoute.action;
import * as planRoute from "../../app/routes/logs.$logId.meetings.new";
import * as staffLink from "../../app/routes/meetings.$meetingId";
import * as entryRoute from "../../app/routes/logs.$logId.entry";
import * as guardianRoute from "../../app/routes/logs.$logId.guardians.$guardianId";
import * as logPageRoute from "../../app/routes/logs.$logId._index";
import { sessionFor } from "../support/factories";
import { addParticipant, giveConsent, inDays, makeRelayLog, makeSchoolCast, today } from "../support/log-factories";
import { callAction, callLoader } from "../support/requests";

/**
 * Issue 11 point 6: planned meetings. Planning writes the meeting, its invitees, a timeline
 * event and one mail per invitee with an address — each with an iCalendar entry — in one
 * transaction; a change sends the same UID with a higher SEQUENCE (and a cancellation to
 * anyone no longer invited); a cancellation cancels it. Neither mail nor calendar entry
 * names the child or the family. The day before, the staff invited get a reminder and the
 * family a mail, once. The family's page shows the meeting.
 */
type Reply = { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };

const CHILD = "Møtebarn Testesen";
const GUARDIAN = "Foresatt Testesen";
const GUARDIAN_EMAIL = "foresatt.mote@test.invalid";

let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
let logId: string;
let guardianId: string;
const cookies: Record<string, string> = {};

beforeEach(async () => {
  cast = await makeSchoolCast();
  ({ logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, CHILD));
  await giveConsent(cast.actors.teacher, logId, "keep");
  await giveConsent(cast.actors.teacher, logId, "share", [cast.health.id]);
  await addParticipant(logId, cast.ids.nurse, cast.health.id);
  const { db, transaction } = await database();
  guardianId = (await db.select({ id: guardians.id }).from(guardians).where(eq(guardians.name, GUARDIAN)).get())!.id;
  await transaction((tx) =>
    tx.update(guardians).set({ email: GUARDIAN_EMAIL, language: "arabisk", interpreterNeeded: true }).where(eq(guardians.id, guardianId)),
  );
  for (const who of ["teacher", "nurse", "colleague", "principal"] as const) cookies[who] = (await sessionFor(cast.ids[who])).cookie;
});

const form = (overrides: Record<string, string | string[]> = {}) => ({
  date: inDays(7),
  time: "09:30",
  durationMinutes: "60",
  place: "Møterom 2",
  agenda: "1. Hvordan går det\n2. Tiltakene",
  invitees: [`person:${cast.ids.nurse}`, `guardian:${guardianId}`],
  ...overrides,
});
const plan = (fields: Record<string, string | string[]>, who: keyof typeof cookies = "teacher") =>
  callAction<Reply>(planRoute.action, `/logs/${logId}/meetings/new`, { cookie: cookies[who], params: { logId }, form: fields });

async function mails() {
  const { db } = await database();
  return db.select().from(outbox).where(eq(outbox.subject, outbox.subject)).orderBy(asc(outbox.createdAt));
}
const meetingMails = async () => (await mails()).filter((m) => m.calendar !== null || m.subject.includes("møte") || m.subject.includes("Møte"));

function calendarOf(content: string) {
  const component = new ICAL.Component(ICAL.parse(content));
  const event = component.getFirstSubcomponent("vevent")!;
  return {
    method: component.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: Number(event.getFirstPropertyValue("sequence") ?? 0),
    summary: event.getFirstPropertyValue("summary"),
    description: String(event.getFirstPropertyValue("description")),
    location: event.getFirstPropertyValue("location"),
    status: event.getFirstPropertyValue("status"),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate(),
  };
}

async function onlyMeeting() {
  const { db } = await database();
  const rows = await db.select().from(meetings).where(eq(meetings.logId, logId));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe("planning a meeting", () => {
  it("writes the meeting, its invitees (the planner too) and a timeline event, and mails each invitee a calendar entry with no names", async () => {
    const o = await plan(form());
    expect(o.status).toBe(302);
    expect(o.location).toBe(`/logs/${logId}?notice=meeting_planned#notice`);
    const meeting = await onlyMeeting();
    expect(meeting).toMatchObject({ status: "planned", sequence: 0, place: "Møterom 2", durationMinutes: 60, plannedBy: cast.ids.teacher });
    expect(meeting.startsAt.toISOString()).toBe(osloInstant(inDays(7), "09:30").toISOString());
    const { db } = await database();
    const invited = await db.select().from(meetingInvitees).where(eq(meetingInvitees.meetingId, meeting.id));
    expect(invited.map((i) => [i.kind, i.userId ?? i.guardianId]).sort()).toEqual(
      [
        ["guardian", guardianId],
        ["staff", cast.ids.nurse],
        ["staff", cast.ids.teacher],
      ].sort(),
    );
    const event = await db.select().from(logEvents).where(and(eq(logEvents.logId, logId), eq(logEvents.type, "meeting_planned"))).get();
    expect(event!.data).toMatchObject({ meetingId: meeting.id, agenda: "1. Hvordan går det\n2. Tiltakene", place: "Møterom 2" });

    const sent = await meetingMails();
    expect(sent).toHaveLength(3);
    const guardianMail = sent.find((m) => m.recipient === GUARDIAN_EMAIL)!;
    expect(guardianMail.text).toContain(`/family/meetings/${meeting.id}`);
    for (const mail of sent) {
      expect(mail.calendarMethod).toBe("REQUEST");
      const ics = calendarOf(mail.calendar!);
      expect(ics).toMatchObject({ method: "REQUEST", sequence: 0, summary: "Møte i Stafettlogg", location: "Møterom 2", status: "CONFIRMED" });
      expect(ics.uid).toContain(meeting.id);
      expect(ics.start.toISOString()).toBe(meeting.startsAt.toISOString());
      for (const text of [mail.subject, mail.text, mail.html ?? "", mail.calendar!]) {
        for (const name of [CHILD, "Møtebarn", GUARDIAN, "Testesen"]) expect(text).not.toContain(name);
      }
    }
  });

  it("shows the meeting on the log page with 'book an interpreter', and on the family's page", async () => {
    await plan(form());
    const staffPage = await callLoader<{ meetings: { interpreterFor: { name: string; language: string }[]; mayChange: boolean }[] }>(
      logPageRoute.loader,
      `/logs/${logId}`,
      { cookie: cookies.teacher, params: { logId } },
    );
    expect(staffPage.data.meetings).toHaveLength(1);
    expect(staffPage.data.meetings[0]).toMatchObject({ interpreterFor: [{ name: GUARDIAN, language: "arabisk" }], mayChange: true });
    // The nurse sees it and may not change the teacher's meeting.
    const nursePage = await callLoader<{ meetings: { mayChange: boolean }[] }>(
      logPageRoute.loader,
      `/logs/${logId}`,
      { cookie: cookies.nurse, params: { logId } },
    );
    expect(nursePage.data.meetings[0]!.mayChange).toBe(false);

    await giveFamilyAccess(cast.actors.teacher, logId, { who: guardianId, email: GUARDIAN_EMAIL }, { signInUrl: "http://localhost/family/login", locale: "nb" });
    const { db } = await database();
    const member = (await db.select({ userId: guardians.userId }).from(guardians).where(eq(guardians.id, guardianId)).get())!;
    const family = await familyLogView({ id: member.userId!, name: GUARDIAN, email: GUARDIAN_EMAIL }, logId);
    expect(family.meetings).toHaveLength(1);
    expect(family.meetings[0]).toMatchObject({ place: "Møterom 2", time: "09:30", date: inDays(7) });
    expect(family.meetings[0]).not.toHaveProperty("interpreterFor");
    const meeting = await onlyMeeting();
    expect(await meetingTarget(familyViewer({ id: member.userId!, name: GUARDIAN, email: GUARDIAN_EMAIL }), meeting.id)).toBe(
      `/family/logs/${logId}#meetings`,
    );
  });

  it("the link in the staff's mail leads to the log for those who may read it; anyone else, and an unknown id, get 404", async () => {
    await plan(form());
    const meeting = await onlyMeeting();
    const nurse = await callLoader(staffLink.loader, `/meetings/${meeting.id}`, { cookie: cookies.nurse, params: { meetingId: meeting.id } });
    expect(nurse.location).toBe(`/logs/${logId}#meetings`);
    for (const [cookie, id] of [
      [cookies.colleague, meeting.id],
      [cookies.teacher, "nosuchmeeting"],
    ] as const) {
      expect((await callLoader(staffLink.loader, `/meetings/${id}`, { cookie, params: { meetingId: id } })).status).toBe(404);
    }
    await expect(meetingTarget(staffViewer(cast.actors.otherPrincipal), meeting.id)).rejects.toMatchObject({ status: 404 });
  });

  it("refuses bad input next to the fields, keeping what was typed, and writes nothing", async () => {
    const cases: [Record<string, string | string[]>, Record<string, string[]>][] = [
      [{ time: "9.30" }, { time: ["validation.invalidTime"] }],
      [{ durationMinutes: "5" }, { durationMinutes: ["validation.invalidDuration"] }],
      [{ videoUrl: "javascript:alert(1)" }, { videoUrl: ["validation.invalidVideoUrl"] }],
      [{ agenda: "" }, { agenda: ["validation.required"] }],
      [{ date: addDays(today(), -1) }, { date: ["errors.meeting_in_past"] }],
      [{ place: "" }, { place: ["errors.meeting_needs_place"] }],
      [{ invitees: [`person:${cast.ids.colleague}`] }, { invitees: ["errors.invitee_not_on_log"] }],
      [{ invitees: ["guardian:nosuchguardian"] }, { invitees: ["errors.invitee_not_on_log"] }],
    ];
    for (const [overrides, error] of cases) {
      const o = await plan(form(overrides));
      expect(o.status, JSON.stringify(overrides)).toBe(400);
      expect(o.data.error, JSON.stringify(overrides)).toEqual(error);
      expect(o.data.initialValue).toMatchObject({ time: overrides.time ?? "09:30", durationMinutes: overrides.durationMinutes ?? "60" });
    }
    // A video meeting needs no place.
    expect((await plan(form({ place: "", videoUrl: "https://video.example/mote" }))).status).toBe(302);
    const { db } = await database();
    expect((await db.select().from(meetings).where(eq(meetings.logId, logId))).length).toBe(1);
  });

  it("a colleague outside the log and a leader who only reads get the forbidden/not-found page; nothing is written", async () => {
    expect((await plan(form(), "colleague")).status).toBe(404);
    expect((await plan(form(), "principal")).status).toBe(403);
    const { db } = await database();
    expect(await db.select().from(meetings)).toEqual([]);
    expect(await meetingMails()).toEqual([]);
  });
});

describe("changing and cancelling a meeting", () => {
  const change = (meetingId: string, fields: Record<string, string | string[]>, who: keyof typeof cookies = "teacher") =>
    callAction<Reply>(changeRoute.action, `/logs/${logId}/meetings/${meetingId}`, { cookie: cookies[who], params: { logId, meetingId }, form: fields });
  const cancel = (meetingId: string, fields: Record<string, string>) =>
    callAction<Reply>(cancelRoute.action, `/logs/${logId}/meetings/${meetingId}/cancel`, { cookie: cookies.teacher, params: { logId, meetingId }, form: fields });

  it("a change updates the same calendar entry (same UID, SEQUENCE 1); the nurse, no longer invited, gets its cancellation", async () => {
    await plan(form());
    const meeting = await onlyMeeting();
    const before = (await meetingMails()).length;
    const o = await change(meeting.id, form({ time: "13:00", invitees: [`guardian:${guardianId}`] }));
    expect(o.status).toBe(302);
    expect(o.location).toContain("notice=meeting_changed");
    const after = await onlyMeeting();
    expect(after).toMatchObject({ sequence: 1, status: "planned" });
    expect(after.startsAt.toISOString()).toBe(osloInstant(inDays(7), "13:00").toISOString());
    const sent = (await meetingMails()).slice(before);
    const byRecipient = new Map(sent.map((m) => [m.recipient, calendarOf(m.calendar!)]));
    const { db } = await database();
    const nurseEmail = (await db.query.users.findFirst({ where: (u, { eq: e }) => e(u.id, cast.ids.nurse) }))!.email;
    const teacherEmail = (await db.query.users.findFirst({ where: (u, { eq: e }) => e(u.id, cast.ids.teacher) }))!.email;
    expect(byRecipient.get(GUARDIAN_EMAIL)).toMatchObject({ method: "REQUEST", sequence: 1, uid: calendarOf(sent[0]!.calendar!).uid });
    expect(byRecipient.get(teacherEmail)).toMatchObject({ method: "REQUEST", sequence: 1 });
    expect(byRecipient.get(nurseEmail)).toMatchObject({ method: "CANCEL", sequence: 1, status: "CANCELLED" });
    const event = await db.select().from(logEvents).where(and(eq(logEvents.logId, logId), eq(logEvents.type, "meeting_changed"))).get();
    expect(event!.data).toMatchObject({ meetingId: meeting.id, sequence: 1 });
  });

  it("only its planner or the holder may change it: the nurse gets 403 and nothing changes", async () => {
    await plan(form());
    const meeting = await onlyMeeting();
    expect((await change(meeting.id, form({ time: "15:00" }), "nurse")).status).toBe(403);
    expect((await onlyMeeting()).sequence).toBe(0);
  });

  it("a cancellation needs a reason; then every invitee's entry is cancelled (SEQUENCE 2 after a change) and the meeting is gone from the page", async () => {
    await plan(form());
    const meeting = await onlyMeeting();
    await change(meeting.id, form({ time: "10:00" }));
    const refused = await cancel(meeting.id, { reason: "" });
    expect(refused.status).toBe(400);
    expect(refused.data.error).toEqual({ reason: ["validation.required"] });
    expect((await onlyMeeting()).status).toBe("planned");

    const before = (await meetingMails()).length;
    expect((await cancel(meeting.id, { reason: "Mor er syk" })).location).toContain("notice=meeting_cancelled");
    expect(await onlyMeeting()).toMatchObject({ status: "cancelled", sequence: 2 });
    const sent = (await meetingMails()).slice(before);
    expect(sent).toHaveLength(3);
    for (const m of sent) expect(calendarOf(m.calendar!)).toMatchObject({ method: "CANCEL", sequence: 2, status: "CANCELLED" });
    for (const m of sent) expect(m.text).not.toContain("Mor er syk");
    const page = await viewLog(cast.actors.teacher, logId, { locale: "nb" });
    expect(page.events.some((e) => e.type === "meeting_cancelled")).toBe(true);
    // Cancelled is final: no second cancellation or change.
    expect((await cancel(meeting.id, { reason: "Igjen" })).status).toBe(409);
    expect((await change(meeting.id, form())).status).toBe(409);
  });
});

describe("the day before", () => {
  /** Nine in the morning, Oslo, on a date. */
  const at = (isoDate: string, time = "09:00") => osloInstant(isoDate, time);

  it("reminds the staff invited and mails the family once, from seven in the morning; a move to another day reminds again", async () => {
    await plan(form({ date: inDays(3), time: "10:00" }));
    const meeting = await onlyMeeting();
    const { db } = await database();
    const openFor = async (userId: string) =>
      db
        .select({ rule: reminders.rule, subjectId: reminders.subjectId })
        .from(reminders)
        .where(and(eq(reminders.recipientId, userId), eq(reminders.rule, "meeting_tomorrow"), isNull(reminders.withdrawnAt)));
    const familyMails = async () => (await mails()).filter((m) => m.recipient === GUARDIAN_EMAIL && m.calendar === null);

    await runTick(at(inDays(1)));
    expect(await openFor(cast.ids.nurse)).toEqual([]);
    expect(await familyMails()).toEqual([]);

    // Early on the day before: the staff reminder, not yet the family's mail.
    await runTick(at(inDays(2), "06:30"));
    expect(await openFor(cast.ids.nurse)).toEqual([{ rule: "meeting_tomorrow", subjectId: meeting.id }]);
    expect(await openFor(cast.ids.teacher)).toEqual([{ rule: "meeting_tomorrow", subjectId: meeting.id }]);
    expect(await familyMails()).toEqual([]);

    await runTick(at(inDays(2)));
    await runTick(at(inDays(2), "15:00"));
    const family = await familyMails();
    expect(family).toHaveLength(1);
    expect(family[0]!.subject).toBe("Påminnelse: møte i Stafettlogg i morgen");
    expect(family[0]!.text).not.toContain(CHILD);
    expect((await db.select().from(reminders).where(eq(reminders.rule, "meeting_tomorrow"))).length).toBe(2);

    // Moved two days on: the old reminder is withdrawn with the change; the new day reminds again.
    const moved = await callAction(changeRouteAction, `/logs/${logId}/meetings/${meeting.id}`, {
      cookie: cookies.teacher,
      params: { logId, meetingId: meeting.id },
      form: form({ date: inDays(5), time: "10:00" }),
    });
    expect(moved.status).toBe(302);
    expect(await openFor(cast.ids.nurse)).toEqual([]);
    await runTick(at(inDays(4)));
    expect(await openFor(cast.ids.nurse)).toEqual([{ rule: "meeting_tomorrow", subjectId: meeting.id }]);
    expect(await familyMails()).toHaveLength(2);
  });
});

describe("the guardian's language and need for an interpreter", () => {
  const post = (gid: string, fields: Record<string, string>, who: keyof typeof cookies = "teacher") =>
    callAction<Reply>(guardianRoute.action, `/logs/${logId}/guardians/${gid}`, { cookie: cookies[who], params: { logId, guardianId: gid }, form: fields });

  it("the holder changes them: the row and a guardian_changed event with what changed; an unchanged send writes nothing", async () => {
    const { db } = await database();
    const events = async () => db.select().from(logEvents).where(and(eq(logEvents.logId, logId), eq(logEvents.type, "guardian_changed")));
    expect((await post(guardianId, { email: GUARDIAN_EMAIL, language: "somali" })).status).toBe(302);
    expect(await db.select().from(guardians).where(eq(guardians.id, guardianId)).get()).toMatchObject({ language: "somali", interpreterNeeded: false });
    expect((await events()).map((e) => e.data)).toEqual([{ name: GUARDIAN, language: "somali", interpreterNeeded: false }]);
    expect((await post(guardianId, { email: GUARDIAN_EMAIL, language: "somali" })).status).toBe(302);
    expect(await events()).toHaveLength(1);
  });

  it("a participant gets 403, another child's guardian 404, a bad e-mail address 400; nothing changes", async () => {
    expect((await post(guardianId, { language: "tigrinja" }, "nurse")).status).toBe(403);
    const { logId: other } = await makeRelayLog(cast.actors.teacher, cast.school.id, "Annet Barn");
    const { db } = await database();
    const otherLog = (await db.query.logs.findFirst({ where: (l, { eq: e }) => e(l.id, other) }))!;
    const stranger = (await db.select().from(guardians).where(eq(guardians.childId, otherLog.childId)).get())!;
    expect((await post(stranger.id, { language: "tigrinja" })).status).toBe(404);
    const bad = await post(guardianId, { email: "ikke-en-adresse", language: "tigrinja" });
    expect(bad.status).toBe(400);
    expect(bad.data.error).toMatchObject({ email: expect.any(Array) });
    expect((await db.select().from(guardians).where(eq(guardians.id, guardianId)).get())!.language).toBe("arabisk");
  });
});

describe("book an interpreter", () => {
  const openInterpreterReminders = async () => {
    const { db } = await database();
    return db
      .select({ recipientId: reminders.recipientId, subjectId: reminders.subjectId })
      .from(reminders)
      .where(and(eq(reminders.rule, "meeting_interpreter"), isNull(reminders.withdrawnAt)));
  };

  it("a week before a meeting with a guardian who needs an interpreter, the holder (and planner) is told to book one; a guardian without that need, nothing", async () => {
    await plan(form({ date: inDays(10) }));
    const meeting = await onlyMeeting();
    expect(await openInterpreterReminders()).toEqual([]);
    await runTick(osloInstant(inDays(2), "09:00"));
    expect(await openInterpreterReminders()).toEqual([]);
    await runTick(osloInstant(inDays(3), "09:00"));
    expect(await openInterpreterReminders()).toEqual([{ recipientId: cast.ids.teacher, subjectId: meeting.id }]);

    // Without the need the reason is gone: the reminder is withdrawn at the next tick.
    const { transaction } = await database();
    await transaction((tx) => tx.update(guardians).set({ interpreterNeeded: false }).where(eq(guardians.id, guardianId)));
    await runTick(osloInstant(inDays(3), "10:00"));
    expect(await openInterpreterReminders()).toEqual([]);
  });
});

describe("the minutes of a planned meeting", () => {
  const entryPath = (meetingId: string) => `/logs/${logId}/entry?type=meeting&meeting=${meetingId}`;

  async function heldYesterday() {
    await plan(form());
    const meeting = await onlyMeeting();
    // Time passes: the meeting was yesterday (planning refuses a time in the past).
    const { transaction } = await database();
    await transaction((tx) => tx.update(meetings).set({ startsAt: osloInstant(addDays(today(), -1), "09:30") }).where(eq(meetings.id, meeting.id)));
    return meeting.id;
  }

  it("start from the meeting's agenda and invitees; saving them makes the meeting held, pointing at its minutes", async () => {
    const meetingId = await heldYesterday();
    const page = await callLoader<{ planned: { id: string; date: string; agenda: string; invited: string } }>(entryRoute.loader, entryPath(meetingId), {
      cookie: cookies.nurse,
      params: { logId },
    });
    expect(page.status).toBe(200);
    expect(page.data.planned).toMatchObject({ id: meetingId, date: addDays(today(), -1), agenda: "1. Hvordan går det\n2. Tiltakene" });
    expect(page.data.planned.invited).toContain(GUARDIAN);

    const o = await callAction<Reply>(entryRoute.action, `/logs/${logId}/entry`, {
      cookie: cookies.nurse,
      params: { logId },
      form: { type: "meeting", occurredOn: addDays(today(), -1), title: "Samarbeidsmøte", attendees: "Mor, lærer, helsesykepleier", notes: "Referat.", plannedMeetingId: meetingId },
    });
    expect(o.status).toBe(302);
    const held = await onlyMeeting();
    const { db } = await database();
    const minutes = await db.select().from(logEvents).where(and(eq(logEvents.logId, logId), eq(logEvents.type, "meeting"))).get();
    expect(held).toMatchObject({ status: "held", minutesEventId: minutes!.id });
    expect(minutes!.data).toMatchObject({ plannedMeetingId: meetingId, notes: "Referat." });
    // Written up: no longer waiting on the log page, and not twice.
    expect((await viewLogMeetings()).length).toBe(0);
    const again = await callAction<Reply>(entryRoute.action, `/logs/${logId}/entry`, {
      cookie: cookies.nurse,
      params: { logId },
      form: { type: "meeting", occurredOn: addDays(today(), -1), title: "Igjen", attendees: "Mor", notes: "Referat.", plannedMeetingId: meetingId },
    });
    expect(again.status).toBe(409);
    expect((await db.select().from(logEvents).where(and(eq(logEvents.logId, logId), eq(logEvents.type, "meeting")))).length).toBe(1);
  });

  it("a meeting not yet begun, or of another log, has no minutes form (404)", async () => {
    await plan(form());
    const ahead = await onlyMeeting();
    expect((await callLoader(entryRoute.loader, entryPath(ahead.id), { cookie: cookies.teacher, params: { logId } })).status).toBe(404);
    const { logId: otherLog } = await makeRelayLog(cast.actors.teacher, cast.school.id, "Annet Barn");
    const other = await callLoader(entryRoute.loader, `/logs/${otherLog}/entry?type=meeting&meeting=${ahead.id}`, {
      cookie: cookies.teacher,
      params: { logId: otherLog },
    });
    expect(other.status).toBe(404);
  });

  async function viewLogMeetings() {
    const page = await callLoader<{ meetings: unknown[] }>(logPageRoute.loader, `/logs/${logId}`, { cookie: cookies.teacher, params: { logId } });
    return page.data.meetings;
  }
});
