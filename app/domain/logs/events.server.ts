import { eq, max } from "drizzle-orm";
import { database, type Transaction } from "../../../db/client.server";
import { children, logEvents, logs } from "../../../db/schema";
import { isTooFarAhead, todayInOslo } from "../../lib/dates";
import type { EventType } from "../../lib/enums";
import { createId } from "../../lib/ids";
import type { EventData } from "../../lib/timeline";
import type { Actor } from "../auth/permissions";
import { fieldError } from "../errors.server";
import { checkLog, type LogRow, type StaffCheck } from "../access/open.server";
import { staffViewer } from "../access/viewer";
import { syncLogRemindersBeforeCommit } from "../jobs/tick.server";

/**
 * The primitives every write to a log's append-only timeline is made of: one event
 * appended (with its reminders kept in step), the access check re-read inside the write's
 * transaction, the date rules an entry's date must follow, and "not shown to the
 * guardians" chosen when an entry is written.
 */

/** Extra columns of an event: not shown to the guardians (with why), or about another event. */
export interface EventOptions {
  /** Set at insert when the guardians may not read the entry (DESIGN.md rule 4, §3). */
  restrictedReason?: string | null;
  /** For an event about an earlier one (a later restriction). */
  aboutEventId?: string | null;
}

/** The log an event goes on, and the service its author acts for (none for a family member). */
export interface EventScope {
  log: LogRow;
  serviceId: string | null;
}

/** Append one event; `seq` orders a log's timeline. */
export async function appendEvent<T extends EventType>(
  tx: Transaction,
  access: EventScope,
  actor: Pick<Actor, "id">,
  type: T,
  occurredOn: string,
  data: EventData[T],
  correctsEventId: string | null = null,
  options: EventOptions = {},
) {
  const [row] = await tx
    .select({ last: max(logEvents.seq) })
    .from(logEvents)
    .where(eq(logEvents.logId, access.log.id));
  const id = createId();
  const now = new Date();
  await tx.insert(logEvents).values({
    id,
    logId: access.log.id,
    seq: (row?.last ?? 0) + 1,
    type,
    authorId: actor.id,
    authorServiceId: access.serviceId,
    occurredOn,
    recordedAt: now,
    correctsEventId,
    aboutEventId: options.aboutEventId ?? null,
    restrictedReason: options.restrictedReason ?? null,
    data,
  });
  await tx.update(logs).set({ updatedAt: now }).where(eq(logs.id, access.log.id));
  // Reminders follow the log's state in the same transaction (decision 019).
  syncLogRemindersBeforeCommit(tx, access.log.id);
  return id;
}

/** Inside a write transaction: re-read access so a check and its write see the same state. */
export async function withAccess<T>(
  actor: Actor,
  logId: string,
  need: "write" | "hold",
  fn: (tx: Transaction, access: StaffCheck) => Promise<T>,
): Promise<T> {
  const { transaction } = await database();
  return transaction(async (tx) => fn(tx, await checkLog(tx, staffViewer(actor), logId, need)));
}

export function assertNotFuture(field: string, isoDate: string) {
  if (isoDate > todayInOslo()) throw fieldError(field, "date_in_future");
}

/** An evaluation or respond-by date at most two years ahead (issue 9 point 10). */
export function assertNotTooFarAhead(field: string, isoDate: string) {
  if (isTooFarAhead(isoDate, todayInOslo())) throw fieldError(field, "date_too_far_ahead");
}

/**
 * Inside a log's write transaction: what was noticed, happened or was heard cannot have
 * happened before the child was born (issue 9 point 10).
 */
export async function assertNotBeforeBirth(tx: Transaction, access: EventScope, field: string, isoDate: string) {
  const child = await tx
    .select({ birthDate: children.birthDate })
    .from(children)
    .where(eq(children.id, access.log.childId))
    .get();
  if (child && isoDate < child.birthDate) throw fieldError(field, "date_before_birth");
}

/**
 * "Not shown to the guardians", chosen when an entry is written: undefined or null when the
 * guardians may read it; otherwise the reason, which must be given (DESIGN.md rule 4, §3).
 */
export interface Restrictable {
  restrictedReason?: string | null;
}

export function restrictionOf(input: Restrictable, field = "restrictedReason"): EventOptions {
  if (input.restrictedReason === undefined || input.restrictedReason === null) return {};
  const reason = input.restrictedReason.trim();
  if (!reason) throw fieldError(field, "required");
  return { restrictedReason: reason };
}
