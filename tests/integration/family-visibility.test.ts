import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { actions, logEvents } from "../../db/schema";
import { visibleToFamilySql } from "../../app/domain/access/visibility.server";
import { addAction, evaluateAction } from "../../app/domain/logs/actions.server";
import { eventForRestriction } from "../../app/domain/logs/form-data.server";
import { viewLog } from "../../app/domain/logs/log-page.server";
import { restrictEvent } from "../../app/domain/logs/restrictions.server";
import { inDays, makeRelayLog, makeSchoolCast, today } from "../support/log-factories";

/**
 * One family-visibility rule (app/domain/access/visibility.server.ts): what the staff's
 * timeline says is hidden from the family is what the family's queries leave out, and what
 * is hidden cannot be hidden again — an evaluation of a hidden action included.
 */
let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
beforeEach(async () => {
  cast = await makeSchoolCast();
});

const teacher = () => cast.actors.teacher;

async function familyEventIds(logId: string) {
  const { db } = await database();
  const rows = await db
    .select({ id: logEvents.id })
    .from(logEvents)
    .where(and(eq(logEvents.logId, logId), visibleToFamilySql()))
    .orderBy(asc(logEvents.seq));
  return rows.map((r) => r.id);
}

describe("the evaluation of an action hidden later", () => {
  it("is hidden with it: the staff see the action's reason, may not hide it again, and the family do not see it", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id, "Evaluert Skjulesen");
    await addAction(teacher(), logId, {
      description: "Samtaler med helsesykepleier",
      goal: "Bedre søvn",
      responsible: { kind: "other", text: "Helsesykepleier" },
      startOn: today(),
      evaluateOn: inDays(30),
    });
    const { db } = await database();
    const action = (await db.select().from(actions).where(eq(actions.logId, logId)).get())!;
    await evaluateAction(teacher(), logId, action.id, {
      evaluatedOn: today(),
      whatHappened: "Tre samtaler",
      whatWorked: "Faste tider",
      childExperience: "Fint",
      decision: "continue",
      nextEvaluateOn: inDays(20),
    });
    const events = await db.select().from(logEvents).where(eq(logEvents.logId, logId)).orderBy(asc(logEvents.seq));
    const actionEvent = events.find((e) => e.type === "action")!;
    const evaluation = events.find((e) => e.type === "evaluation")!;
    expect(await familyEventIds(logId)).toContain(evaluation.id);

    expect(await restrictEvent(teacher(), logId, actionEvent.id, { reason: "Foresatte er part i saken" })).not.toBeNull();

    const page = await viewLog(teacher(), logId, { locale: "nb" });
    const shown = page.events.find((e) => e.id === evaluation.id)!;
    expect(shown.restrictedReason).toBe("Foresatte er part i saken");
    expect(shown.canRestrict).toBe(false);
    const visible = await familyEventIds(logId);
    expect(visible).not.toContain(actionEvent.id);
    expect(visible).not.toContain(evaluation.id);
    // Already hidden: the form answers not found, and hiding it adds nothing.
    await expect(eventForRestriction(teacher(), logId, evaluation.id, "nb")).rejects.toMatchObject({ status: 404 });
    expect(await restrictEvent(teacher(), logId, evaluation.id, { reason: "Igjen" })).toBeNull();
  });
});
