import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { actions, consents, logEvents, logs } from "../../db/schema";
import type { Actor } from "../../app/domain/auth/permissions";
import { addEntry, addVoice, correctEvent } from "../../app/domain/logs/entries.server";
import { closeLog } from "../../app/domain/logs/lifecycle.server";
import { visibleToFamilySql } from "../../app/domain/access/visibility.server";
import { viewLog } from "../../app/domain/logs/log-page.server";
import { recordWelfareReport, restrictEvent } from "../../app/domain/logs/restrictions.server";
import * as entry from "../../app/routes/logs.$logId.entry";
import * as logPage from "../../app/routes/logs.$logId._index";
import * as restrict from "../../app/routes/logs.$logId.events.$eventId.restrict";
import * as voice from "../../app/routes/logs.$logId.voice";
import * as report from "../../app/routes/logs.$logId.welfare-report";
import type { TimelineEvent } from "../../app/lib/timeline";
import { makeUser, sessionFor } from "../support/factories";
import { actorOf, addParticipant, daysAgo, inDays, makeConcern, makeRelayLog, makeSchoolCast, today } from "../support/log-factories";
import { callAction, callLoader } from "../support/requests";

/**
 * Issue 4 items 9, 10 and 7: a report of concern to child welfare (never blocked by
 * consent), entries hidden from the guardians (when written, or later by a new event), and
 * meetings that may create an action in the same transaction. Real Requests through the
 * routes where a person would use a form; the domain directly for the rules behind them.
 */
type Reply = { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };

let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
/** A second colleague at the school, taking part in the logs but writing nothing of her own. */
let bystander: Actor;
const cookies: Record<string, string> = {};

beforeEach(async () => {
  cast = await makeSchoolCast();
  bystander = await actorOf((await makeUser({ memberships: [{ serviceId: cast.school.id, role: "employee" }] })).id);
  for (const [who, id] of Object.entries({ ...cast.ids, bystander: bystander.id })) cookies[who] = (await sessionFor(id)).cookie;
});

const holder = () => cast.actors.teacher;
/** A participant from the holder's own school: no consent is ever needed for her. */
const participant = () => cast.actors.colleague;

/** A relay log at level 1, the colleague and the bystander taking part; no consent recorded at all. */
async function relayLog(childName = "Skjult Testesen") {
  const { logId } = await makeRelayLog(holder(), cast.school.id, childName);
  await addParticipant(logId, cast.ids.colleague, cast.school.id);
  await addParticipant(logId, bystander.id, cast.school.id);
  return logId;
}

const post = (mod: { action?: unknown }, path: string, who: string, params: Record<string, string>, form: Record<string, string>) =>
  callAction<Reply>(mod.action as never, path, { cookie: cookies[who], params, form });

async function eventsOf(logId: string) {
  const { db } = await database();
  return db.select().from(logEvents).where(eq(logEvents.logId, logId)).orderBy(asc(logEvents.seq));
}

async function eventRow(id: string) {
  const { db } = await database();
  return (await db.select().from(logEvents).where(eq(logEvents.id, id)).get())!;
}

/** What the guardians' pages will list: the SQL condition the family issue uses. */
async function guardianEventIds(logId: string) {
  const { db } = await database();
  const rows = await db
    .select({ id: logEvents.id })
    .from(logEvents)
    .where(and(eq(logEvents.logId, logId), visibleToFamilySql()))
    .orderBy(asc(logEvents.seq));
  return rows.map((r) => r.id);
}

const timeline = async (logId: string, actor: Actor = holder()) => (await viewLog(actor, logId, { locale: "nb" })).events;
const byId = (events: TimelineEvent[], id: string) => events.find((e) => e.id === id)!;

describe("a report of concern to child welfare", () => {
  it("is recorded by a participant whose service never needed consent, hidden from the guardians by default", async () => {
    const logId = await relayLog("Melding Barnesen");
    const { db } = await database();
    expect(await db.select().from(consents).where(eq(consents.logId, logId))).toEqual([]);
    const path = `/logs/${logId}/welfare-report`;

    // The form: the acting person as sender, today's date, and ticked with the default reason (set in the page).
    const form = await callLoader<{ actorName: string; log: { today: string } }>(report.loader, path, {
      cookie: cookies.colleague,
      params: { logId },
    });
    expect(form.status).toBe(200);
    expect(form.data.actorName).toBe(participant().name);

    const reason = "Å informere foresatte kan skade barnet";
    const o = await post(report, path, "colleague", { logId }, {
      sentOn: today(),
      sentBy: `${participant().name}, kontaktlærer`,
      about: "Barnet fortalte om vold hjemme.",
      restricted: "on",
      restrictedReason: reason,
    });
    expect(o.status).toBe(302);
    expect(o.location).toBe(`/logs/${logId}?notice=saved#notice`);

    const [row] = (await eventsOf(logId)).filter((e) => e.type === "welfare_report");
    expect(row).toMatchObject({
      authorId: cast.ids.colleague,
      authorServiceId: cast.school.id,
      occurredOn: today(),
      restrictedReason: reason,
      aboutEventId: null,
      data: { sentOn: today(), sentBy: `${participant().name}, kontaktlærer`, summary: "Barnet fortalte om vold hjemme." },
    });
    // On the services' timeline with its badge; never in the guardians' view.
    const shown = byId(await timeline(logId), row!.id);
    expect(shown.restrictedReason).toBe(reason);
    expect(shown.canRestrict).toBe(false);
    expect(await guardianEventIds(logId)).not.toContain(row!.id);
  });

  it("on a private level-0 concern too, with no guardians and no consent; the holder may untick the restriction", async () => {
    const { logId } = await makeConcern(holder(), cast.school.id, "Nivånull Barn");
    const id = await recordWelfareReport(holder(), logId, { sentOn: daysAgo(1), sentBy: "Lærer", summary: "Sendt i går." });
    expect((await eventRow(id)).restrictedReason).toBeNull();
    expect(await guardianEventIds(logId)).toContain(id);
    // Unticked in the form: the reason typed beside it is not used.
    const o = await post(report, `/logs/${logId}/welfare-report`, "teacher", { logId }, {
      sentOn: today(),
      sentBy: "Lærer",
      about: "Ny melding.",
      restrictedReason: "Står igjen i feltet",
    });
    expect(o.status).toBe(302);
    const latest = (await eventsOf(logId)).at(-1)!;
    expect(latest).toMatchObject({ type: "welfare_report", restrictedReason: null });
  });

  it("refuses a missing reason when ticked, a future date and missing fields, writing nothing; a leader may not record one", async () => {
    const logId = await relayLog();
    const before = (await eventsOf(logId)).length;
    const path = `/logs/${logId}/welfare-report`;
    const blank = await post(report, path, "colleague", { logId }, { sentOn: today(), sentBy: "", about: "", restricted: "on", restrictedReason: "" });
    expect(blank.status).toBe(400);
    expect(blank.data.error).toEqual({
      sentBy: ["validation.required"],
      about: ["validation.required"],
      restrictedReason: ["validation.required"],
    });
    const future = await post(report, path, "colleague", { logId }, { sentOn: inDays(2), sentBy: "X", about: "Y", restricted: "on", restrictedReason: "Z" });
    expect(future.status).toBe(400);
    expect(future.data.error).toEqual({ sentOn: ["errors.date_in_future"] });
    expect(future.data.initialValue).toMatchObject({ sentBy: "X", about: "Y", restrictedReason: "Z" });
    // The domain refuses a blank reason too, whatever the form sent.
    await expect(
      recordWelfareReport(participant(), logId, { sentOn: today(), sentBy: "X", summary: "Y", restrictedReason: "  " }),
    ).rejects.toMatchObject({ status: 400, details: { field: "restrictedReason" } });
    expect((await eventsOf(logId)).length).toBe(before);

    expect((await callLoader(report.loader, path, { cookie: cookies.principal, params: { logId } })).status).toBe(403);
    expect((await post(report, path, "principal", { logId }, { sentOn: today(), sentBy: "R", about: "S" })).status).toBe(403);
    expect((await callLoader(report.loader, path, { cookie: cookies.nurse, params: { logId } })).status).toBe(404);
    expect((await eventsOf(logId)).length).toBe(before);
  });
});

describe("an entry restricted when it is written", () => {
  it("a note, an observation, a meeting and a voice keep the reason on their own row; the timeline shows it; the guardians' view leaves them out", async () => {
    const logId = await relayLog("Innsyn Barnesen");
    const note = await post(entry, `/logs/${logId}/entry`, "colleague", { logId }, {
      type: "note",
      occurredOn: today(),
      text: "Mor har ringt og spurt om barnet har sagt noe.",
      restricted: "on",
      restrictedReason: "Kan skade barnet om foresatte leser det nå",
    });
    expect(note.status).toBe(302);
    const open = await addEntry(holder(), logId, { type: "observation", occurredOn: today(), text: "Vanlig dag." });
    const voiceReply = await post(voice, `/logs/${logId}/voice`, "teacher", { logId }, {
      who: "child",
      heardOn: today(),
      method: "conversation",
      text: "Jeg vil ikke at mamma skal vite.",
      restricted: "on",
      restrictedReason: "Barnet ba om det",
    });
    expect(voiceReply.status).toBe(302);
    const guardianVoice = await addVoice(holder(), logId, {
      who: "guardian",
      heardOn: today(),
      method: "meeting",
      text: "Far er bekymret.",
      guardianName: "Far",
      restrictedReason: "Gjelder den andre forelderen",
    });

    const rows = await eventsOf(logId);
    const noteRow = rows.find((r) => r.type === "note")!;
    const childVoiceRow = rows.find((r) => r.type === "child_voice")!;
    expect(noteRow.restrictedReason).toBe("Kan skade barnet om foresatte leser det nå");
    expect(childVoiceRow.restrictedReason).toBe("Barnet ba om det");
    expect((await eventRow(guardianVoice)).restrictedReason).toBe("Gjelder den andre forelderen");
    expect((await eventRow(open)).restrictedReason).toBeNull();

    const events = await timeline(logId);
    expect(byId(events, noteRow.id).restrictedReason).toBe("Kan skade barnet om foresatte leser det nå");
    expect(byId(events, open).restrictedReason).toBeNull();
    expect(byId(events, open).canRestrict).toBe(true);
    expect(byId(events, noteRow.id).canRestrict).toBe(false);

    const visible = await guardianEventIds(logId);
    expect(visible).toContain(open);
    for (const hidden of [noteRow.id, childVoiceRow.id, guardianVoice]) expect(visible).not.toContain(hidden);
  });

  it("the reason is required when ticked: next to the field, the text kept, nothing written", async () => {
    const logId = await relayLog();
    const before = (await eventsOf(logId)).length;
    const o = await post(entry, `/logs/${logId}/entry`, "teacher", { logId }, {
      type: "observation",
      occurredOn: today(),
      text: "Dette skal jeg ikke miste.",
      restricted: "on",
      restrictedReason: " ",
    });
    expect(o.status).toBe(400);
    expect(o.data.error).toEqual({ restrictedReason: ["validation.required"] });
    expect(o.data.initialValue).toMatchObject({ text: "Dette skal jeg ikke miste.", restricted: "on" });
    const v = await post(voice, `/logs/${logId}/voice`, "teacher", { logId }, {
      who: "child",
      heardOn: today(),
      method: "conversation",
      text: "Hei",
      restricted: "on",
    });
    expect(v.data.error).toEqual({ restrictedReason: ["validation.required"] });
    await expect(
      addEntry(holder(), logId, { type: "note", occurredOn: today(), text: "x", restrictedReason: "" }),
    ).rejects.toMatchObject({ status: 400, details: { field: "restrictedReason" } });
    expect((await eventsOf(logId)).length).toBe(before);
  });
});

describe("hiding an entry later", () => {
  it("is a new restriction event about the entry; the entry's own row is unchanged and the database refuses to change it", async () => {
    const logId = await relayLog("Senere Skjult");
    const noteId = await addEntry(participant(), logId, { type: "note", occurredOn: daysAgo(3), text: "Far virket beruset ved henting." });
    const before = await eventRow(noteId);

    const path = `/logs/${logId}/events/${noteId}/restrict`;
    const form = await callLoader<{ event: { text: string; authorName: string } }>(restrict.loader, path, {
      cookie: cookies.teacher,
      params: { logId, eventId: noteId },
    });
    expect(form.status).toBe(200);
    expect(form.data.event).toMatchObject({ text: "Far virket beruset ved henting.", authorName: participant().name });

    // The holder hides the participant's note.
    const o = await post(restrict, path, "teacher", { logId, eventId: noteId }, { reason: "Saken er meldt til barnevernet" });
    expect(o.status).toBe(302);
    expect(o.location).toBe(`/logs/${logId}?notice=saved#notice`);

    expect(await eventRow(noteId)).toEqual(before);
    const restriction = (await eventsOf(logId)).at(-1)!;
    expect(restriction).toMatchObject({
      type: "restriction",
      authorId: cast.ids.teacher,
      aboutEventId: noteId,
      correctsEventId: null,
      restrictedReason: "Saken er meldt til barnevernet",
      data: { reason: "Saken er meldt til barnevernet" },
    });
    const { db } = await database();
    const refused = await db
      .update(logEvents)
      .set({ restrictedReason: "prøver å endre" })
      .where(eq(logEvents.id, noteId))
      .then(() => null, (error: Error) => error);
    expect(String(refused?.cause ?? refused)).toMatch(/log_events is append-only/);
    expect(await eventRow(noteId)).toEqual(before);

    // On the timeline: shown with the reason, no second link; the restriction is not an entry of its own.
    const events = await timeline(logId);
    expect(byId(events, noteId)).toMatchObject({ restrictedReason: "Saken er meldt til barnevernet", canRestrict: false });
    expect(events.some((e) => e.type === "restriction")).toBe(false);
    expect((await viewLog(holder(), logId, { locale: "nb", type: "restriction" })).events).toEqual([]);
    // Left out of the guardians' view, and so is the restriction event itself.
    const visible = await guardianEventIds(logId);
    expect(visible).not.toContain(noteId);
    expect(visible).not.toContain(restriction.id);

    // Again: nothing new is written, and the form is gone.
    const count = (await eventsOf(logId)).length;
    expect(await restrictEvent(holder(), logId, noteId, { reason: "En gang til" })).toBeNull();
    expect((await eventsOf(logId)).length).toBe(count);
    expect((await callLoader(restrict.loader, path, { cookie: cookies.teacher, params: { logId, eventId: noteId } })).status).toBe(404);
  });

  it("only the holder or the entry's author may; a reason is required; a correction of a hidden entry is hidden too", async () => {
    const logId = await relayLog();
    const holderNote = await addEntry(holder(), logId, { type: "note", occurredOn: today(), text: "Holderens notat." });
    const ownNote = await addEntry(participant(), logId, { type: "observation", occurredOn: today(), text: "Egen observasjon." });

    // The page says so: the holder on everything, the author on her own, the bystander on nothing.
    const flags = async (who: Actor) => {
      const events = await timeline(logId, who);
      return { holderNote: byId(events, holderNote).canRestrict, ownNote: byId(events, ownNote).canRestrict };
    };
    expect(await flags(holder())).toEqual({ holderNote: true, ownNote: true });
    expect(await flags(participant())).toEqual({ holderNote: false, ownNote: true });
    expect(await flags(bystander)).toEqual({ holderNote: false, ownNote: false });
    const page = await callLoader<{ events: TimelineEvent[] }>(logPage.loader, `/logs/${logId}`, { cookie: cookies.principal, params: { logId } });
    expect(page.data.events.every((e) => !e.canRestrict)).toBe(true);

    const form = (who: string, eventId: string) =>
      callLoader(restrict.loader, `/logs/${logId}/events/${eventId}/restrict`, { cookie: cookies[who], params: { logId, eventId } });
    const send = (who: string, eventId: string, reason: string) =>
      post(restrict, `/logs/${logId}/events/${eventId}/restrict`, who, { logId, eventId }, { reason });
    expect((await form("colleague", holderNote)).status).toBe(403);
    expect((await send("colleague", holderNote, "Nei")).status).toBe(403);
    expect((await form("bystander", ownNote)).status).toBe(403);
    expect((await send("bystander", ownNote, "Nei")).status).toBe(403);
    expect((await form("principal", ownNote)).status).toBe(403);
    expect((await send("principal", ownNote, "Nei")).status).toBe(403);
    expect((await form("nurse", ownNote)).status).toBe(404);
    expect((await send("nurse", ownNote, "Nei")).status).toBe(404);
    // An event that is not an entry (the log becoming a relay log) cannot be hidden; nor an unknown one.
    const became = (await eventsOf(logId)).find((e) => e.type === "became_log")!;
    expect((await form("teacher", became.id)).status).toBe(404);
    expect((await send("teacher", became.id, "Nei")).status).toBe(404);
    expect((await form("teacher", "a".repeat(26))).status).toBe(404);
    expect((await eventsOf(logId)).filter((e) => e.type === "restriction")).toEqual([]);

    const blank = await send("colleague", ownNote, "  ");
    expect(blank.status).toBe(400);
    expect(blank.data.error).toEqual({ reason: ["validation.required"] });
    await expect(restrictEvent(participant(), logId, ownNote, { reason: "" })).rejects.toMatchObject({
      status: 400,
      details: { field: "reason" },
    });

    // The author corrects her observation, then hides it: the correction is hidden with it.
    await correctEvent(participant(), logId, ownNote, { text: "Rettet observasjon.", reason: "Skrivefeil" });
    const correction = (await eventsOf(logId)).at(-1)!;
    expect(await guardianEventIds(logId)).toContain(correction.id);
    expect((await send("colleague", ownNote, "Gjelder en annen familie")).status).toBe(302);
    const visible = await guardianEventIds(logId);
    expect(visible).not.toContain(ownNote);
    expect(visible).not.toContain(correction.id);
    expect(visible).toContain(holderNote);
  });

  it("not on a closed log", async () => {
    const logId = await relayLog();
    const noteId = await addEntry(holder(), logId, { type: "note", occurredOn: today(), text: "Før avslutning." });
    await closeLog(holder(), logId, { reason: "resolved", summary: "Ferdig.", guardiansToldOn: today() });
    expect(byId(await timeline(logId), noteId).canRestrict).toBe(false);
    await expect(restrictEvent(holder(), logId, noteId, { reason: "For sent" })).rejects.toMatchObject({ status: 409, code: "log_closed" });
    expect((await post(restrict, `/logs/${logId}/events/${noteId}/restrict`, "teacher", { logId, eventId: noteId }, { reason: "x" })).status).toBe(409);
  });
});

describe("a meeting", () => {
  const meeting = {
    type: "meeting",
    title: "Samarbeidsmøte",
    attendees: "Mor, kontaktlærer, helsesykepleier, barnet (første halvtime)",
    absent: "Far",
    agenda: "1. Status\n2. Veien videre",
    notes: "Vi gikk gjennom observasjonene.",
    decisions: "Fast samtale hver fredag.",
  };

  it("records attendees present and absent, agenda, minutes and decisions; an old meeting without them still renders", async () => {
    const logId = await relayLog();
    const o = await post(entry, `/logs/${logId}/entry`, "colleague", { logId }, { ...meeting, occurredOn: daysAgo(1) });
    expect(o.status).toBe(302);
    const row = (await eventsOf(logId)).at(-1)!;
    expect(row).toMatchObject({
      type: "meeting",
      occurredOn: daysAgo(1),
      restrictedReason: null,
      data: {
        title: meeting.title,
        attendees: meeting.attendees,
        absent: "Far",
        agenda: meeting.agenda,
        notes: meeting.notes,
        decisions: meeting.decisions,
      },
    });
    expect((row.data as Record<string, unknown>).action).toBeUndefined();
    const old = await addEntry(holder(), logId, { type: "meeting", occurredOn: today(), title: "Kort møte", attendees: "Mor", notes: "Ok." });
    expect((await eventRow(old)).data).toEqual({ title: "Kort møte", attendees: "Mor", notes: "Ok." });
  });

  it("with a decision that creates an action: the meeting, the action and its event in one go", async () => {
    const logId = await relayLog("Møte Tiltaksen");
    const evaluateOn = inDays(40);
    const o = await post(entry, `/logs/${logId}/entry`, "colleague", { logId }, {
      ...meeting,
      occurredOn: daysAgo(2),
      actionDescription: "Fast samtale med helsesykepleier hver fredag",
      actionGoal: "Barnet skal ha en voksen å snakke med",
      actionResponsible: "other", actionResponsibleOther: "Helsesykepleier",
      actionEvaluateOn: evaluateOn,
    });
    expect(o.status).toBe(302);
    const { db } = await database();
    const [action] = await db.select().from(actions).where(eq(actions.logId, logId));
    expect(action).toMatchObject({
      description: "Fast samtale med helsesykepleier hver fredag",
      goal: "Barnet skal ha en voksen å snakke med",
      responsible: "Helsesykepleier",
      startOn: daysAgo(2),
      evaluateOn,
      active: true,
    });
    const rows = await eventsOf(logId);
    const [meetingRow, actionRow] = rows.slice(-2);
    expect(meetingRow).toMatchObject({
      type: "meeting",
      data: { decisions: meeting.decisions, action: { actionId: action!.id, description: action!.description } },
    });
    expect(actionRow).toMatchObject({ type: "action", authorId: cast.ids.colleague, occurredOn: daysAgo(2), data: { actionId: action!.id } });
    expect((await db.select().from(logs).where(eq(logs.id, logId)).get())!.nextEvaluationOn).toBe(evaluateOn);
    const page = await viewLog(holder(), logId, { locale: "nb" });
    expect(page.actions.map((a) => a.description)).toEqual([action!.description]);
  });

  it("a bad action leaves nothing written: fields missing, evaluation before the meeting, or on a level-0 concern (rolled back)", async () => {
    const logId = await relayLog();
    const before = { events: (await eventsOf(logId)).length };
    const { db } = await database();
    const countActions = async (id: string) => (await db.select().from(actions).where(eq(actions.logId, id))).length;

    const partial = await post(entry, `/logs/${logId}/entry`, "teacher", { logId }, { ...meeting, occurredOn: today(), actionGoal: "Et mål" });
    expect(partial.status).toBe(400);
    expect(partial.data.error).toEqual({
      actionDescription: ["validation.required"],
      actionResponsible: ["validation.required"],
      actionEvaluateOn: ["validation.required"],
    });
    expect(partial.data.initialValue).toMatchObject({ notes: meeting.notes, actionGoal: "Et mål" });

    const full = { actionDescription: "Tiltak", actionGoal: "Mål", actionResponsible: "other", actionResponsibleOther: "Lærer" };
    const early = await post(entry, `/logs/${logId}/entry`, "teacher", { logId }, { ...meeting, occurredOn: today(), ...full, actionEvaluateOn: daysAgo(1) });
    expect(early.data.error).toEqual({ actionEvaluateOn: ["errors.evaluation_before_start"] });
    // The domain has the same rules as a new action (and the past is refused there).
    await expect(
      addEntry(holder(), logId, {
        type: "meeting",
        occurredOn: daysAgo(20),
        title: "t",
        attendees: "a",
        notes: "n",
        action: { description: "d", goal: "g", responsible: { kind: "other", text: "r" }, evaluateOn: daysAgo(5) },
      }),
    ).rejects.toMatchObject({ status: 400, code: "date_in_past", details: { field: "actionEvaluateOn" } });
    expect((await eventsOf(logId)).length).toBe(before.events);
    expect(await countActions(logId)).toBe(0);

    // A level-0 concern has no actions: the meeting event written first is rolled back with it.
    const { logId: concernId } = await makeConcern(holder(), cast.school.id, "Privat Møte");
    const concernEvents = (await eventsOf(concernId)).length;
    const refused = await post(entry, `/logs/${concernId}/entry`, "teacher", { logId: concernId }, {
      ...meeting,
      occurredOn: today(),
      ...full,
      actionEvaluateOn: inDays(30),
    });
    expect(refused.status).toBe(409);
    expect(refused.data).toMatchObject({ error: { "": ["errors.concern_has_no_actions"] } });
    expect((await eventsOf(concernId)).length).toBe(concernEvents);
    expect(await countActions(concernId)).toBe(0);
    // The same meeting without the action is fine there.
    expect((await post(entry, `/logs/${concernId}/entry`, "teacher", { logId: concernId }, { ...meeting, occurredOn: today() })).status).toBe(302);
  });

  it("hidden from the guardians when written hides the action's event with it", async () => {
    const logId = await relayLog();
    const o = await post(entry, `/logs/${logId}/entry`, "teacher", { logId }, {
      ...meeting,
      occurredOn: today(),
      actionDescription: "Melde til barnevernet og følge opp",
      actionGoal: "Trygghet",
      actionResponsible: "other", actionResponsibleOther: "Rektor",
      actionEvaluateOn: inDays(14),
      restricted: "on",
      restrictedReason: "Foresatte er part i saken",
    });
    expect(o.status).toBe(302);
    const [meetingRow, actionRow] = (await eventsOf(logId)).slice(-2);
    expect(meetingRow).toMatchObject({ type: "meeting", restrictedReason: "Foresatte er part i saken" });
    expect(actionRow).toMatchObject({ type: "action", restrictedReason: "Foresatte er part i saken" });
    const visible = await guardianEventIds(logId);
    expect(visible).not.toContain(meetingRow!.id);
    expect(visible).not.toContain(actionRow!.id);
  });
});
