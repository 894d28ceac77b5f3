import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { beforeCommit, database, type Transaction } from "../../../db/client.server";
import { reminders, users } from "../../../db/schema";
import { settings } from "../../config.server";
import { dateTimeFormat, todayInOslo } from "../../lib/dates";
import { defaultLocale, mailKindOfRule, type MailKind } from "../../lib/enums";
import { createId } from "../../lib/ids";
import { guideInEffect } from "../guide.server";
import { familyMeetingReminders } from "../meetings/meetings.server";
import { deliverWithLease, type DeliveryReport } from "../mail/outbox.server";
import { publicBaseUrl } from "../mail/mailer.server";
import { digestMessage, reminderMessage } from "../mail/messages.server";
import { digestReaders, preferencesOf } from "../reminders/preferences.server";
import { enqueueMail } from "../mail/outbox.server";
import { dueReminders, reminderKey } from "../reminders/rules.server";
import { acquireLease, releaseLease } from "./lease.server";

/**
 * The scheduler's one job (docs/decisions/019): bring the reminders in line with the state
 * of the logs, then send what the outbox holds. Run every minute in the server (croner, see
 * scheduler.server.ts) and once by `npm run jobs`. It takes the "tick" lease first, so two
 * processes never run it at once; and reminders are keyed by rule, subject, state and
 * recipient, so running it again changes nothing until the state does.
 */
export const TICK_JOB = "tick";
/** Longer than any tick takes; a process that dies holding the lease blocks at most this long. */
export const TICK_LEASE_MS = 5 * 60_000;

/** This process's name for the lease: random, so two processes never share it. */
export const processHolder = `${process.pid}-${randomBytes(4).toString("hex")}`;

export interface TickReport {
  created: number;
  withdrawn: number;
  digests: number;
  familyMeetings: number;
  mail: DeliveryReport;
}

/**
 * Make the reminders match what the rules say should exist (all logs, or one): insert the
 * new ones with their mail — one per person, saying only that something waits in "Til
 * deg" — and withdraw the open ones that should no longer exist. Inside the caller's
 * transaction.
 */
async function applyReminders(tx: Transaction, now: Date, logId?: string): Promise<{ created: number; withdrawn: number }> {
  const today = todayInOslo(now);
  const guide = await guideInEffect(tx, today);
  const due = await dueReminders(tx, { today, now, evaluationIntervalDays: guide.evaluationIntervalDays, logId });
  const recipientIds = [...new Set(due.map((d) => d.recipientId))];
  const recipients = new Map(
    recipientIds.length === 0
      ? []
      : (
          await tx
            .select({ id: users.id, email: users.email })
            .from(users)
            .where(and(inArray(users.id, recipientIds), eq(users.active, true), eq(users.kind, "staff")))
        ).map((u) => [u.id, u.email]),
  );
  const wanted = new Map(due.filter((d) => recipients.has(d.recipientId)).map((d) => [reminderKey(d), d]));
  const inboxUrl = `${publicBaseUrl(settings())}/inbox`;

  let created = 0;
  let withdrawn = 0;
  const fresh = new Map<string, string[]>();
  for (const [key, d] of wanted) {
    const inserted = await tx
      .insert(reminders)
      .values({ id: createId(), key, ...d, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: reminders.id });
    if (inserted.length === 0) continue;
    created += 1;
    fresh.set(d.recipientId, [...(fresh.get(d.recipientId) ?? []), key]);
  }
  // One mail per person, however many reminders are new, for the kinds they want mailed
  // at once (the others wait for the digest, or only for the inbox). Keyed by the
  // reminders it is about, so it is never queued twice.
  const choices = await preferencesOf(tx, [...fresh.keys()]);
  for (const [recipientId, keys] of fresh) {
    const prefs = choices.get(recipientId)!;
    const mailed = keys.filter((key) => prefs[mailKindOfRule[wanted.get(key)!.rule]] === "immediately");
    if (mailed.length === 0) continue;
    const dedupeKey = `reminders:${createHash("sha256").update(mailed.sort().join("\n")).digest("hex")}`;
    await enqueueMail(tx, { to: recipients.get(recipientId)!, ...reminderMessage(defaultLocale, { url: inboxUrl }) }, { dedupeKey, now });
  }
  const open = await tx
    .select({ id: reminders.id, key: reminders.key })
    .from(reminders)
    .where(
      and(
        isNull(reminders.withdrawnAt),
        isNull(reminders.doneAt),
        isNull(reminders.dismissedAt),
        logId ? eq(reminders.logId, logId) : undefined,
      ),
    );
  const stale = open.filter((r) => !wanted.has(r.key)).map((r) => r.id);
  for (let i = 0; i < stale.length; i += 500) {
    const chunk = stale.slice(i, i + 500);
    await tx.update(reminders).set({ withdrawnAt: now }).where(inArray(reminders.id, chunk));
    withdrawn += chunk.length;
  }
  return { created, withdrawn };
}

/** The hour (Europe/Oslo) from which the day's digest goes out. */
export const DIGEST_HOUR = 7;

function osloHour(now: Date): number {
  return Number(dateTimeFormat("en-GB", { timeZone: "Europe/Oslo", hour: "2-digit", hourCycle: "h23" }).format(now));
}

/**
 * The daily digest, from DIGEST_HOUR: to each person who chose it for some kind, the number
 * of open, unread reminders of those kinds — counts only. Once a day per person (the key
 * has the date), and only when something waits.
 */
async function queueDigests(tx: Transaction, now: Date): Promise<number> {
  if (osloHour(now) < DIGEST_HOUR) return 0;
  const today = todayInOslo(now);
  const readers = await digestReaders(tx);
  if (readers.length === 0) return 0;
  const choices = await preferencesOf(tx, readers);
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.id, readers), eq(users.active, true), eq(users.kind, "staff")));
  const inboxUrl = `${publicBaseUrl(settings())}/inbox`;
  let queued = 0;
  for (const person of people) {
    const prefs = choices.get(person.id)!;
    const waiting = await tx
      .select({ rule: reminders.rule })
      .from(reminders)
      .where(
        and(
          eq(reminders.recipientId, person.id),
          isNull(reminders.withdrawnAt),
          isNull(reminders.doneAt),
          isNull(reminders.dismissedAt),
          isNull(reminders.readAt),
        ),
      );
    const counts: Partial<Record<MailKind, number>> = {};
    for (const { rule } of waiting) {
      const kind = mailKindOfRule[rule];
      if (prefs[kind] === "daily") counts[kind] = (counts[kind] ?? 0) + 1;
    }
    if (Object.keys(counts).length === 0) continue;
    const fresh = await enqueueMail(tx, { to: person.email, ...digestMessage(defaultLocale, { url: inboxUrl, counts }) }, { dedupeKey: `digest:${person.id}:${today}`, now });
    if (fresh) queued += 1;
  }
  return queued;
}

/** Every log's reminders, and the day's digests, in one transaction (the tick). */
export async function syncReminders(now: Date): Promise<{ created: number; withdrawn: number; digests: number; familyMeetings: number }> {
  const { transaction } = await database();
  return transaction(async (tx) => {
    const result = await applyReminders(tx, now);
    // The family's day-before mails go out from the same hour as the digests, not at midnight.
    const familyMeetings = osloHour(now) >= DIGEST_HOUR ? await familyMeetingReminders(tx, now) : 0;
    return { ...result, digests: await queueDigests(tx, now), familyMeetings };
  });
}

/**
 * One log's reminders, in the transaction that changed the log: an evaluation written
 * withdraws its reminder at once, not at the next tick. Registered by appendEvent (every
 * change to a log is a timeline event) to run just before the transaction commits, once
 * per log, so it sees the final state.
 */
export function syncLogRemindersBeforeCommit(tx: Transaction, logId: string): void {
  beforeCommit(tx, `reminders:${logId}`, async (t) => {
    await applyReminders(t, new Date(), logId);
  });
}

/** One tick, if this process gets the lease; null when another process holds it. */
export async function runTick(now: Date = new Date(), holder: string = processHolder): Promise<TickReport | null> {
  if (!(await acquireLease(TICK_JOB, holder, now, TICK_LEASE_MS))) return null;
  let failure: unknown;
  try {
    const reminderReport = await syncReminders(now);
    // The outbox has its own lease: a request's "deliver soon" may be sending right now.
    const mail = (await deliverWithLease(() => now)) ?? { sent: 0, failed: 0 };
    return { ...reminderReport, mail };
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    await releaseLease(TICK_JOB, holder, now, failure);
  }
}
