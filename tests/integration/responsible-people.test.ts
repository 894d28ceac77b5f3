import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { actions, logEvents, reminders } from "../../db/schema";
import { runTick } from "../../app/domain/jobs/tick.server";
import { addAction } from "../../app/domain/logs/actions.server";
import { viewLog } from "../../app/domain/logs/log-page.server";
import { endParticipation } from "../../app/domain/logs/participants.server";
import { addDays } from "../../app/lib/dates";
import * as entry from "../../app/routes/logs.$logId.entry";
import * as newAction from "../../app/routes/logs.$logId.actions.new";
import { sessionFor } from "../support/factories";
import { addParticipant, giveConsent, inDays, makeRelayLog, makeSchoolCast, today } from "../support/log-factories";
import { callAction, callLoader } from "../support/requests";

/**
 * Issue 11 point 1: an action's responsible is a person on the log (the holder or a
 * participant), the guardians, the child, or someone else written as text. The forms
 * offer exactly the people on the log; the domain refuses anyone else; the evaluation
 * reminders reach the responsible person as well as the holder, and only while that
 * person is on the log.
 */
type Reply = { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };

let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
let logId: string;
let teacherCookie: string;

beforeEach(async () => {
  cast = await makeSchoolCast();
  ({ logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, "Ansvar Testesen"));
  await giveConsent(cast.actors.teacher, logId, "keep");
  await giveConsent(cast.actors.teacher, logId, "share", [cast.health.id]);
  await addParticipant(logId, cast.ids.nurse, cast.health.id);
  teacherCookie = (await sessionFor(cast.ids.teacher)).cookie;
});

const form = (responsible: Record<string, string>) => ({
  description: "Fast samtale hver fredag",
  goal: "Barnet skal ha en voksen å snakke med",
  startOn: today(),
  evaluateOn: inDays(30),
  ...responsible,
});
const postAction = (fields: Record<string, string>) =>
  callAction<Reply>(newAction.action, `/logs/${logId}/actions/new`, { cookie: teacherCookie, params: { logId }, form: fields });

async function actionRows() {
  const { db } = await database();
  return db.select().from(actions).where(eq(actions.logId, logId));
}

describe("the forms offer the people on the log", () => {
  it("the new-action and meeting forms list the holder first, then the participants — not a colleague outside the log", async () => {
    for (const [mod, path] of [
      [newAction, `/logs/${logId}/actions/new`],
      [entry, `/logs/${logId}/entry?type=meeting`],
    ] as const) {
      const page = await callLoader<{ people: { userId: string; isHolder: boolean }[] }>(mod.loader, path, { cookie: teacherCookie, params: { logId } });
      expect(page.status).toBe(200);
      expect(page.data.people.map((p) => [p.userId, p.isHolder])).toEqual([
        [cast.ids.teacher, true],
        [cast.ids.nurse, false],
      ]);
    }
  });
});

describe("a new action's responsible", () => {
  it("a participant: stored as that person with their name, in the action and its timeline event, and shown by name", async () => {
    const o = await postAction(form({ responsible: `person:${cast.ids.nurse}` }));
    expect(o.status).toBe(302);
    const [row] = await actionRows();
    const { db } = await database();
    const nurseName = (await viewLog(cast.actors.teacher, logId, { locale: "nb" })).participants[0]!.name;
    expect(row).toMatchObject({ responsibleKind: "person", responsibleUserId: cast.ids.nurse, responsible: nurseName });
    const event = await db.select().from(logEvents).where(and(eq(logEvents.logId, logId), eq(logEvents.type, "action"))).get();
    expect(event!.data).toMatchObject({ responsibleKind: "person", responsibleUserId: cast.ids.nurse, responsible: nurseName });
    const page = await viewLog(cast.actors.teacher, logId, { locale: "nb" });
    expect(page.actions[0]).toMatchObject({ responsible: nurseName, responsibleKind: "person" });
  });

  it("the guardians or the child: no text needed; someone else: the text as written", async () => {
    expect((await postAction(form({ responsible: "guardians" }))).status).toBe(302);
    expect((await postAction(form({ responsible: "child" }))).status).toBe(302);
    expect((await postAction(form({ responsible: "other", responsibleOther: "Miljøterapeut" }))).status).toBe(302);
    const rows = await actionRows();
    expect(rows.map((r) => [r.responsibleKind, r.responsibleUserId, r.responsible]).sort()).toEqual([
      ["child", null, ""],
      ["guardians", null, ""],
      ["other", null, "Miljøterapeut"],
    ]);
  });

  it("someone else without a name is refused next to the text field, keeping what was typed", async () => {
    const o = await postAction(form({ responsible: "other" }));
    expect(o.status).toBe(400);
    expect(o.data.error).toEqual({ responsibleOther: ["validation.required"] });
    expect(o.data.initialValue).toMatchObject({ description: "Fast samtale hver fredag", responsible: "other" });
    expect(await actionRows()).toEqual([]);
  });

  it("no choice, or a made-up one, is refused by the form", async () => {
    expect((await postAction(form({}))).data.error).toEqual({ responsible: ["validation.required"] });
    expect((await postAction(form({ responsible: "the principal" }))).data.error).toEqual({ responsible: ["validation.invalidChoice"] });
    expect(await actionRows()).toEqual([]);
  });

  it("a colleague who is not on the log, or an unknown id, is refused next to the field and nothing is written", async () => {
    for (const id of [cast.ids.colleague, cast.ids.principal, "nosuchperson"]) {
      const o = await postAction(form({ responsible: `person:${id}` }));
      expect(o.status, id).toBe(400);
      expect(o.data.error, id).toEqual({ responsible: ["errors.responsible_not_on_log"] });
    }
    // A meeting's action is checked the same way, and the meeting is rolled back with it.
    const { db } = await database();
    const events = (await db.select().from(logEvents).where(eq(logEvents.logId, logId))).length;
    const meeting = await callAction<Reply>(entry.action, `/logs/${logId}/entry`, {
      cookie: teacherCookie,
      params: { logId },
      form: {
        type: "meeting",
        occurredOn: today(),
        title: "Samarbeidsmøte",
        attendees: "Mor, lærer",
        notes: "Referat.",
        actionDescription: "Tiltak",
        actionGoal: "Mål",
        actionResponsible: `person:${cast.ids.colleague}`,
        actionEvaluateOn: inDays(30),
      },
    });
    expect(meeting.status).toBe(400);
    expect(meeting.data.error).toEqual({ actionResponsible: ["errors.responsible_not_on_log"] });
    expect((await db.select().from(logEvents).where(eq(logEvents.logId, logId))).length).toBe(events);
    expect(await actionRows()).toEqual([]);
  });
});

describe("evaluation reminders reach the responsible person", () => {
  const at = (isoDate: string) => new Date(`${isoDate}T08:00:00Z`);
  async function openEvaluationReminders(userId: string) {
    const { db } = await database();
    return db
      .select({ rule: reminders.rule, subjectId: reminders.subjectId })
      .from(reminders)
      .where(and(eq(reminders.recipientId, userId), isNull(reminders.withdrawnAt), isNull(reminders.doneAt)));
  }

  it("the participant responsible and the holder are both reminded; once she leaves the log, only the holder", async () => {
    const actionId = await addAction(cast.actors.teacher, logId, {
      description: "Samtaler med helsesykepleier",
      goal: "Trygghet",
      responsible: { kind: "person", userId: cast.ids.nurse },
      startOn: today(),
      evaluateOn: inDays(10),
    });
    // Leaving the log syncs its reminders on today's clock, so the evaluation date is moved
    // into the past (as time passing would) rather than the tick's clock ahead.
    const { transaction } = await database();
    await transaction((tx) => tx.update(actions).set({ evaluateOn: addDays(today(), -1) }).where(eq(actions.id, actionId)));
    await runTick(new Date());
    expect(await openEvaluationReminders(cast.ids.nurse)).toEqual([{ rule: "evaluation_overdue", subjectId: actionId }]);
    expect(await openEvaluationReminders(cast.ids.teacher)).toEqual([{ rule: "evaluation_overdue", subjectId: actionId }]);

    await endParticipation(cast.actors.teacher, logId, { userId: cast.ids.nurse, reason: "Samarbeidet er avsluttet" });
    expect(await openEvaluationReminders(cast.ids.nurse)).toEqual([]);
    await runTick(new Date());
    expect(await openEvaluationReminders(cast.ids.nurse)).toEqual([]);
    expect(await openEvaluationReminders(cast.ids.teacher)).toEqual([{ rule: "evaluation_overdue", subjectId: actionId }]);
  });

  it("the holder as responsible, the guardians or someone else: one reminder, to the holder", async () => {
    for (const responsible of [
      { kind: "person" as const, userId: cast.ids.teacher },
      { kind: "guardians" as const },
      { kind: "other" as const, text: "Miljøterapeut" },
    ]) {
      await addAction(cast.actors.teacher, logId, { description: "Tiltak", goal: "Mål", responsible, startOn: today(), evaluateOn: inDays(10) });
    }
    await runTick(at(inDays(11)));
    expect((await openEvaluationReminders(cast.ids.teacher)).length).toBe(3);
    expect(await openEvaluationReminders(cast.ids.nurse)).toEqual([]);
  });
});
