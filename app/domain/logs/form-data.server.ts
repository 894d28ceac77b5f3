import { and, eq } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { actions, logEvents, users } from "../../../db/schema";
import type { Locale } from "../../lib/enums";
import { correctableTypes, mainText, restrictableTypes } from "../../lib/timeline";
import { assertMay, type StaffAccess } from "../access/open.server";
import { isHiddenFromFamily } from "../access/visibility.server";
import type { Actor } from "../auth/permissions";
import { AppError } from "../errors.server";
import { logForm } from "./log-page.server";
import { mayRestrict } from "./restrictions.server";

/**
 * What the forms about one action or entry of a log read: the active action to evaluate,
 * the entry to hide from the guardians, the entry to correct — each only for who may then
 * make the change.
 */

/** One active action of an opened log, for the evaluation form. */
export async function activeAction(access: StaffAccess, actionId: string) {
  assertMay(access, "write");
  const { db } = await database();
  const action = await db
    .select()
    .from(actions)
    .where(and(eq(actions.id, actionId), eq(actions.logId, access.log.id), eq(actions.active, true)))
    .get();
  if (!action) throw new AppError(404, "not_found");
  return {
    action: {
      id: action.id,
      description: action.description,
      goal: action.goal,
      responsible: action.responsible,
      responsibleKind: action.responsibleKind,
      startOn: action.startOn,
      evaluateOn: action.evaluateOn,
    },
    isHolder: access.role === "holder",
  };
}

/** The entry to hide from the guardians, for the restriction form: the holder or its author, while the log is open. */
export async function eventForRestriction(actor: Actor, logId: string, eventId: string, locale: Locale) {
  return logForm(actor, logId, "write", locale, async (access) => {
    const { db } = await database();
    const event = await db
      .select({
        id: logEvents.id,
        logId: logEvents.logId,
        type: logEvents.type,
        data: logEvents.data,
        occurredOn: logEvents.occurredOn,
        authorId: logEvents.authorId,
        authorName: users.name,
        restrictedReason: logEvents.restrictedReason,
      })
      .from(logEvents)
      .innerJoin(users, eq(users.id, logEvents.authorId))
      .where(and(eq(logEvents.id, eventId), eq(logEvents.logId, access.log.id)))
      .get();
    if (!event || !restrictableTypes.has(event.type)) throw new AppError(404, "not_found");
    if (!mayRestrict(access.role, actor, event)) throw new AppError(403, "forbidden");
    // Already hidden: there is nothing left to do here.
    if (await isHiddenFromFamily(db, event)) throw new AppError(404, "not_found");
    return {
      event: { id: event.id, type: event.type, occurredOn: event.occurredOn, authorName: event.authorName, text: mainText(event) },
    };
  });
}

/** The entry to correct, for the correction form: only its author, while the log is open. */
export async function eventForCorrection(actor: Actor, logId: string, eventId: string, locale: Locale) {
  return logForm(actor, logId, "write", locale, async (access) => {
    const { db } = await database();
    const event = await db
      .select()
      .from(logEvents)
      .where(and(eq(logEvents.id, eventId), eq(logEvents.logId, access.log.id)))
      .get();
    if (!event || !correctableTypes.has(event.type)) throw new AppError(404, "not_found");
    if (event.authorId !== actor.id) throw new AppError(403, "forbidden");
    return { event: { id: event.id, type: event.type, occurredOn: event.occurredOn, text: mainText(event) } };
  });
}
