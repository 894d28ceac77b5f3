import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { beforeCommit, database, type Transaction } from "../../../db/client.server";
import { reminders, users } from "../../../db/schema";
import { settings } from "../../config.server";
import { todayInOslo } from "../../lib/dates";
import { createId } from "../../lib/ids";
import { guideSettingsIn } from "../guide.server";
import { deliverWithLease, type DeliveryReport } from "../mail/outbox.server";
import { publicBaseUrl } from "../mail/mailer.server";
import { reminderMessage } from "../mail/messages.server";
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
  mail: DeliveryReport;
}

/**
 * Make the reminders match what the rules say should exist (all logs, or one): insert the
 * new ones with their mail — one per person, saying only that something waits in "Til
 * deg" — and withdraw the open ones that should no longer exist. Inside the caller's
 * transaction.
 */
async function applyReminders(tx: Transaction, now: Date, logId?: string): Promise<{ created: number; withdrawn: number }> {
  const guide = await guideSettingsIn(tx);
  const today = todayInOslo(now);
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
  // One mail per person, however many reminders are new. Keyed by the reminders it is
  // about, so it is never queued twice.
  for (const [recipientId, keys] of fresh) {
    const dedupeKey = `reminders:${createHash("sha256").update(keys.sort().join("\n")).digest("hex")}`;
    await enqueueMail(tx, { to: recipients.get(recipientId)!, ...reminderMessage("nb", { url: inboxUrl }) }, { dedupeKey, now });
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

/** Every log's reminders, in one transaction (the tick). */
export async function syncReminders(now: Date): Promise<{ created: number; withdrawn: number }> {
  const { transaction } = await database();
  return transaction((tx) => applyReminders(tx, now));
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
