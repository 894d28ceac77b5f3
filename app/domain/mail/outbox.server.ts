import { and, asc, eq, lte } from "drizzle-orm";
import { database, type Transaction } from "../../../db/client.server";
import { outbox } from "../../../db/schema";
import { settings } from "../../config.server";
import { createId } from "../../lib/ids";
import { acquireLease, releaseLease } from "../jobs/lease.server";
import { sendMail, type MailMessage } from "./mailer.server";

/**
 * The outbox (docs/decisions/019): a notice is written here in the same transaction as what
 * caused it, so it exists exactly when the change does; the sender delivers it later with
 * retry and back-off. Nothing is dropped: a mail that keeps failing is tried again every
 * few hours and stays visible as pending.
 */

/** Back-off after the n-th failed attempt: 1, 2, 4 … minutes, at most six hours. */
export function retryDelayMs(attempts: number): number {
  const minutes = Math.min(2 ** Math.max(0, attempts - 1), 6 * 60);
  return minutes * 60_000;
}

export interface EnqueueOptions {
  /** A second enqueue with the same key is a no-op (a reminder mails once). */
  dedupeKey?: string;
  now?: Date;
}

/** Write a mail to the outbox inside the caller's transaction. Returns whether it was new. */
export async function enqueueMail(tx: Transaction, message: MailMessage, options: EnqueueOptions = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  const inserted = await tx
    .insert(outbox)
    .values({
      id: createId(),
      dedupeKey: options.dedupeKey ?? null,
      recipient: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? null,
      calendar: message.calendar?.content ?? null,
      calendarMethod: message.calendar?.method ?? null,
      status: "pending",
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: outbox.id });
  return inserted.length > 0;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
}

/** The domain part of Message-IDs: PUBLIC_URL's host, so ids are ours and stable. */
function messageIdFor(id: string): string {
  const host = new URL(settings().PUBLIC_URL).hostname || "stafettlogg.invalid";
  return `<${id}@${host}>`;
}

/**
 * Send what is due. Run by one process at a time (the tick's lease). Each row is claimed
 * (attempts + 1, next attempt pushed back) in its own transaction before it is sent and
 * marked sent after, so a crash between the two can at most send that one mail again —
 * with the same Message-ID — and a failure waits for its back-off.
 */
export async function deliverOutbox(now: Date, limit = 200): Promise<DeliveryReport> {
  const { db, transaction } = await database();
  const due = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.createdAt))
    .limit(limit);
  const report: DeliveryReport = { sent: 0, failed: 0 };
  for (const { id } of due) {
    const row = await transaction(async (tx) => {
      const current = await tx.select().from(outbox).where(eq(outbox.id, id)).get();
      if (!current || current.status !== "pending" || current.nextAttemptAt.getTime() > now.getTime()) return null;
      const attempts = current.attempts + 1;
      await tx
        .update(outbox)
        .set({ attempts, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) })
        .where(eq(outbox.id, id));
      return current;
    });
    if (!row) continue;
    try {
      await sendMail({
        to: row.recipient,
        subject: row.subject,
        text: row.text,
        html: row.html ?? undefined,
        messageId: messageIdFor(row.id),
        calendar: row.calendar && row.calendarMethod ? { method: row.calendarMethod, content: row.calendar } : undefined,
      });
    } catch (error) {
      report.failed += 1;
      // sendMail's message names neither address nor content (mailer.server.ts).
      const lastError = error instanceof Error ? error.message.slice(0, 200) : "unknown";
      await transaction((tx) => tx.update(outbox).set({ lastError }).where(eq(outbox.id, id)));
      continue;
    }
    report.sent += 1;
    await transaction((tx) => tx.update(outbox).set({ status: "sent", sentAt: now, lastError: null }).where(eq(outbox.id, id)));
  }
  return report;
}

/** The outbox's own lease: the tick and "deliver soon" never send the same row at once. */
export const OUTBOX_JOB = "outbox";
const OUTBOX_LEASE_MS = 2 * 60_000;
const holder = `${process.pid}-${createId().slice(0, 8)}`;
let again = false;

/**
 * Deliver what is due, under the outbox lease; null if another process holds it (it will
 * send what is due, and the next tick picks up anything left). Loops until nothing due is
 * left, so a row written while it runs is sent too.
 */
export async function deliverWithLease(now: () => Date = () => new Date()): Promise<DeliveryReport | null> {
  const start = now();
  if (!(await acquireLease(OUTBOX_JOB, holder, start, OUTBOX_LEASE_MS))) {
    again = true;
    return null;
  }
  const total: DeliveryReport = { sent: 0, failed: 0 };
  let failure: unknown;
  try {
    for (let round = 0; round < 20; round += 1) {
      again = false;
      const report = await deliverOutbox(now());
      total.sent += report.sent;
      total.failed += report.failed;
      if (report.sent + report.failed === 0 && !again) break;
    }
    return total;
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    await releaseLease(OUTBOX_JOB, holder, now(), failure);
  }
}

/**
 * After a transaction that wrote to the outbox has committed: send now, without making the
 * request wait. A failure is already recorded on the row and retried by the tick.
 */
export function deliverSoon(): void {
  const run = deliverWithLease()
    .then(() => undefined)
    .catch((error: unknown) => {
      console.error(`Outbox delivery failed: ${error instanceof Error ? error.name : "unknown error"}`);
    });
  inFlight.add(run);
  void run.finally(() => inFlight.delete(run));
}

const inFlight = new Set<Promise<void>>();

/**
 * Resolves when every delivery started by deliverSoon has finished: the server waits for
 * it before it exits, and the tests before they replace the database.
 */
export async function deliveriesSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.all([...inFlight]);
}
