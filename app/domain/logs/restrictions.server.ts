import { and, eq } from "drizzle-orm";
import { logEvents } from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import { restrictableTypes } from "../../lib/timeline";
import type { Actor } from "../auth/permissions";
import { AppError, fieldError, notFound } from "../errors.server";
import type { StaffRole } from "../access/open.server";
import { isHiddenFromFamily } from "../access/visibility.server";
import { appendEvent, assertNotBeforeBirth, assertNotFuture, restrictionOf, withAccess } from "./events.server";

/**
 * Hiding entries from the guardians (DESIGN.md rule 4 and §3): a report of concern to child
 * welfare, and any entry hidden from them — when it is written (`restricted_reason`) or
 * later by a `restriction` event about it. What that hides is one rule, in
 * access/visibility.server.ts. The timeline stays append-only: hiding an entry
 * never touches its row.
 */

export interface WelfareReportInput {
  sentOn: string;
  /** Who sent it: a name and role, free text. */
  sentBy: string;
  summary: string;
  /** Not shown to the guardians, with why; the form ticks it by default. */
  restrictedReason?: string | null;
}

/**
 * Record that a report of concern (bekymringsmelding, barnevernsloven § 13-2) was sent.
 * The duty to report needs no consent: writing on the log is all it takes, for the holder
 * and for any participant, and nothing about consent is checked here.
 */
export async function recordWelfareReport(actor: Actor, logId: string, input: WelfareReportInput) {
  assertNotFuture("sentOn", input.sentOn);
  const restriction = restrictionOf(input);
  return withAccess(actor, logId, "write", async (tx, access) => {
    await assertNotBeforeBirth(tx, access, "sentOn", input.sentOn);
    return appendEvent(
      tx,
      access,
      actor,
      "welfare_report",
      input.sentOn,
      { sentOn: input.sentOn, sentBy: input.sentBy.trim(), summary: input.summary.trim() },
      null,
      restriction,
    );
  });
}

/** The rule for hiding an entry later: the holder, or the person who wrote it, while the log is open. */
export function mayRestrict(role: StaffRole, actor: Actor, event: { authorId: string; type: string }) {
  return restrictableTypes.has(event.type as never) && (role === "holder" || event.authorId === actor.id);
}

/**
 * Hide an earlier entry from the guardians: a new `restriction` event pointing at it
 * (`about_event_id`); the entry's own row is not changed. The restriction event carries
 * the reason as its own `restricted_reason` too, so it is never shown to the guardians
 * either. Hiding an entry that is already hidden adds nothing. Returns the new event's id,
 * or null when there was nothing to add.
 */
export async function restrictEvent(actor: Actor, logId: string, eventId: string, input: { reason: string }) {
  const reason = input.reason.trim();
  if (!reason) throw fieldError("reason", "required");
  return withAccess(actor, logId, "write", async (tx, access) => {
    const target = await tx
      .select()
      .from(logEvents)
      .where(and(eq(logEvents.id, eventId), eq(logEvents.logId, logId)))
      .get();
    if (!target || !restrictableTypes.has(target.type)) throw notFound();
    if (!mayRestrict(access.role, actor, target)) throw new AppError(403, "forbidden");
    if (await isHiddenFromFamily(tx, target)) return null;
    return appendEvent(tx, access, actor, "restriction", todayInOslo(), { reason }, null, {
      aboutEventId: eventId,
      restrictedReason: reason,
    });
  });
}
