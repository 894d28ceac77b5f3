import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { logEvents } from "../../db/schema";
import * as checklist from "../../app/routes/logs.$logId.checklist";
import { visibleToFamilySql } from "../../app/domain/access/visibility.server";
import { viewLog } from "../../app/domain/logs/log-page.server";
import { sessionFor } from "../support/factories";
import { addParticipant, makeRelayLog, makeSchoolCast } from "../support/log-factories";
import { callAction } from "../support/requests";

/**
 * The local guide's checklist on a log (decision 027): the holder ticks and unticks the
 * steps of the log's level from the log's guide version; each tick is a `checklist_step`
 * event on the timeline; a participant cannot tick; the family never see the ticks.
 */
let cast: Awaited<ReturnType<typeof makeSchoolCast>>;

beforeEach(async () => {
  cast = await makeSchoolCast();
});

async function tick(userId: string, logId: string, stepId: string, done: boolean) {
  const { cookie } = await sessionFor(userId);
  return callAction(checklist.action, `/logs/${logId}/checklist`, {
    cookie,
    params: { logId },
    form: { stepId, done: String(done) },
  });
}

async function checklistEvents(logId: string, familyOnly = false) {
  const { db } = await database();
  return db
    .select()
    .from(logEvents)
    .where(and(eq(logEvents.logId, logId), eq(logEvents.type, "checklist_step"), familyOnly ? visibleToFamilySql() : undefined))
    .orderBy(asc(logEvents.seq));
}

describe("the checklist on a log", () => {
  it("the holder ticks and unticks: each is a timeline event, the state follows the latest", async () => {
    const teacher = cast.actors.teacher;
    const { logId } = await makeRelayLog(teacher, cast.school.id, "Liste Avkryssen");
    const page = await viewLog(teacher, logId, { locale: "nb" });
    expect(page.checklist.level).toBe(1);
    expect(page.checklist.steps.map((s) => s.text)).toEqual(["Snakk med barnet", "Informer foresatte", "Lag tiltak med evalueringsdato"]);
    expect(page.can.tick).toBe(true);
    const step = page.checklist.steps[1]!;

    const ticked = await tick(cast.ids.teacher, logId, step.id, true);
    expect(ticked.status).toBe(302);
    expect(ticked.location).toBe(`/logs/${logId}#checklist`);
    const after = await viewLog(teacher, logId, { locale: "en" });
    expect(after.checklist.steps.find((s) => s.id === step.id)).toMatchObject({ done: true, text: "Inform the guardians" });
    const event = after.events.find((e) => e.type === "checklist_step");
    expect(event).toMatchObject({ type: "checklist_step", data: { stepId: step.id, level: 1, done: true, text: "Inform the guardians" } });
    expect(event!.data).toMatchObject({ versionId: page.guide.id });

    expect((await tick(cast.ids.teacher, logId, step.id, false)).status).toBe(302);
    const undone = await viewLog(teacher, logId, { locale: "nb" });
    expect(undone.checklist.steps.find((s) => s.id === step.id)!.done).toBe(false);
    expect((await checklistEvents(logId)).map((e) => (e.data as { done: boolean }).done)).toEqual([true, false]);
  });

  it("a participant sees the checklist read-only and cannot tick; a step of another level is refused", async () => {
    const teacher = cast.actors.teacher;
    const { logId } = await makeRelayLog(teacher, cast.school.id, "Liste Deltakersen");
    await addParticipant(logId, cast.ids.colleague, cast.school.id);
    const asParticipant = await viewLog(cast.actors.colleague, logId, { locale: "nb" });
    expect(asParticipant.checklist.steps).toHaveLength(3);
    expect(asParticipant.can.tick).toBe(false);
    const step = asParticipant.checklist.steps[0]!;
    expect([403, 404]).toContain((await tick(cast.ids.colleague, logId, step.id, true)).status);
    expect([403, 404]).toContain((await tick(cast.ids.nurse, logId, step.id, true)).status);
    // Level 2's first step is not on a level-1 log's checklist.
    expect((await tick(cast.ids.teacher, logId, "guide-v1-2-1", true)).status).toBe(404);
    expect(await checklistEvents(logId)).toHaveLength(0);
  });

  it("the family do not see the ticks", async () => {
    const teacher = cast.actors.teacher;
    const { logId } = await makeRelayLog(teacher, cast.school.id, "Liste Familiesen");
    const step = (await viewLog(teacher, logId, { locale: "nb" })).checklist.steps[0]!;
    expect((await tick(cast.ids.teacher, logId, step.id, true)).status).toBe(302);
    expect(await checklistEvents(logId)).toHaveLength(1);
    expect(await checklistEvents(logId, true)).toHaveLength(0);
  });
});
