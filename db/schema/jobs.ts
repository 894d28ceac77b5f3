import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { mailChoices, mailKinds, outboxStatuses, reminderRules } from "../../app/lib/enums";
import { logs } from "./logs";
import { users } from "./people";

/**
 * Background jobs (docs/decisions/019-scheduler-reminders-outbox.md). One row per job; the
 * lease columns make sure only one process runs a job at a time: a process takes the row
 * when it is free or its lease has expired, in a write transaction, and gives it back when
 * done. A process that dies holding it blocks the job only until `lease_expires_at`.
 */
export const jobs = sqliteTable("jobs", {
  name: text("name").primaryKey(),
  leaseHolder: text("lease_holder"),
  leaseExpiresAt: integer("lease_expires_at", { mode: "timestamp_ms" }),
  lastStartedAt: integer("last_started_at", { mode: "timestamp_ms" }),
  lastFinishedAt: integer("last_finished_at", { mode: "timestamp_ms" }),
  /** The error class of the last failed run, never its message (it may quote data). */
  lastError: text("last_error"),
});

/**
 * A reminder for one person, computed by a rule from a log's state (app/domain/reminders).
 * `key` is the rule, its subject, the state that made it due and the recipient, so the same
 * state never reminds twice however often the tick runs; a new state (a new evaluation date)
 * is a new key. A reminder whose reason went away is withdrawn, never deleted.
 */
export const reminders = sqliteTable(
  "reminders",
  {
    id: text("id").primaryKey(),
    key: text("key").notNull(),
    rule: text("rule", { enum: reminderRules }).notNull(),
    recipientId: text("recipient_id")
      .notNull()
      .references(() => users.id),
    logId: text("log_id").references(() => logs.id),
    /** The thing it is about: an action, an invitation, a handover, a consent, a log. */
    subjectId: text("subject_id").notNull(),
    /** What made it due, e.g. the evaluation date; part of the key. */
    state: text("state").notNull(),
    /** The date the reminder is about (the deadline), for display and sorting. */
    dueOn: text("due_on"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    doneAt: integer("done_at", { mode: "timestamp_ms" }),
    dismissedAt: integer("dismissed_at", { mode: "timestamp_ms" }),
    /** The reason went away (the evaluation was written, the invitation answered). */
    withdrawnAt: integer("withdrawn_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("reminders_key_unique").on(t.key),
    index("reminders_recipient_idx").on(t.recipientId, t.withdrawnAt, t.doneAt, t.dismissedAt, t.createdAt),
    index("reminders_rule_open_idx").on(t.rule, t.withdrawnAt),
    // A log's open reminders, looked up by every write to the log (the note POST).
    index("reminders_log_idx").on(t.logId),
  ],
);

/**
 * Mail waiting to be sent, written in the same transaction as what caused it, delivered by
 * the outbox sender with retry and back-off (app/domain/mail/outbox.server.ts). A row is
 * never deleted: `sent_at` says it left, `attempts` and `last_error` say how it went.
 * `dedupe_key` (when set) makes a second enqueue of the same notice a no-op.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    dedupeKey: text("dedupe_key"),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    /** An iCalendar attachment (a meeting's invitation, change or cancellation), and its METHOD. */
    calendar: text("calendar"),
    calendarMethod: text("calendar_method", { enum: ["REQUEST", "CANCEL"] }),
    status: text("status", { enum: outboxStatuses }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    /** The error class and SMTP code of the last failure, never the message. */
    lastError: text("last_error"),
  },
  (t) => [
    uniqueIndex("outbox_dedupe_unique")
      .on(t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    check("outbox_status", sql`${t.status} in ('pending', 'sent')`),
  ],
);

/**
 * A person's choice per kind of mail: at once, in the daily digest, or not at all. No row
 * means the default (at once). The inbox shows every reminder whatever the choice.
 */
export const mailPreferences = sqliteTable(
  "mail_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: mailKinds }).notNull(),
    choice: text("choice", { enum: mailChoices }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] }), check("mail_choice", sql`${t.choice} in ('immediately', 'daily', 'off')`)],
);
