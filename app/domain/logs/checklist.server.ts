import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "../../../db/client.server";
import { guideSteps, logEvents, logs } from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import type { BtiLevel, Locale } from "../../lib/enums";
import type { EventData } from "../../lib/timeline";
import type { Actor } from "../auth/permissions";
import { notFound } from "../errors.server";
import { guideForLog, stepsFor } from "../guide.server";
import { appendEvent, withAccess } from "./events.server";

/**
 * The checklist of the local guide on a log (decision 027): the steps of the log's current
 * level from the log's own guide version. A step's state is the latest `checklist_step`
 * event about it (no state table: the append-only timeline is the record, and a log has a
 * handful of ticks).
 */
export async function checklistOf(db: Queryable, log: typeof logs.$inferSelect, locale: Locale) {
  const guide = await guideForLog(db, log);
  const steps = await stepsFor(db, guide.id, locale, log.level);
  const ticks = await db
    .select({ data: logEvents.data })
    .from(logEvents)
    .where(and(eq(logEvents.logId, log.id), eq(logEvents.type, "checklist_step")))
    .orderBy(asc(logEvents.seq));
  const done = new Map<string, boolean>();
  for (const t of ticks) {
    const d = t.data as EventData["checklist_step"];
    done.set(d.stepId, d.done);
  }
  return { level: log.level, steps: steps.map((s) => ({ id: s.id, text: s.text, done: done.get(s.id) ?? false })) };
}

/** Tick (done) or untick a step: the holder only, a step of the log's version and current level. */
export async function tickStep(actor: Actor, logId: string, input: { stepId: string; done: boolean }) {
  await withAccess(actor, logId, "hold", async (tx, access) => {
    const guide = await guideForLog(tx, access.log);
    const step = await tx
      .select()
      .from(guideSteps)
      .where(and(eq(guideSteps.id, input.stepId), eq(guideSteps.versionId, guide.id), eq(guideSteps.level, access.log.level)))
      .get();
    if (!step) throw notFound();
    await appendEvent(tx, access, actor, "checklist_step", todayInOslo(), {
      versionId: guide.id,
      stepId: step.id,
      level: step.level as BtiLevel,
      done: input.done,
    });
  });
}
