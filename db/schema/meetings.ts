import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { meetingInviteeKinds, meetingStatuses } from "../../app/lib/enums";
import { guardians, logEvents, logs } from "./logs";
import { users } from "./people";

/**
 * A planned meeting about a log (issue 11 point 6): when, where or by video, the agenda,
 * and who is invited. Its history is on the timeline (meeting_planned, meeting_changed,
 * meeting_cancelled, and the minutes as a `meeting` entry); this row is its current state.
 * `sequence` is the iCalendar SEQUENCE of the calendar entry sent out (same UID, one higher
 * on each change or the cancellation).
 */
export const meetings = sqliteTable(
  "meetings",
  {
    id: text("id").primaryKey(),
    logId: text("log_id")
      .notNull()
      .references(() => logs.id),
    plannedBy: text("planned_by")
      .notNull()
      .references(() => users.id),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    place: text("place"),
    videoUrl: text("video_url"),
    agenda: text("agenda").notNull(),
    status: text("status", { enum: meetingStatuses }).notNull(),
    sequence: integer("sequence").notNull().default(0),
    /** The minutes, once written (a `meeting` entry on the timeline). */
    minutesEventId: text("minutes_event_id").references(() => logEvents.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("meetings_log_idx").on(t.logId, t.startsAt),
    index("meetings_upcoming_idx").on(t.status, t.startsAt),
    check("meetings_status", sql`${t.status} in ('planned', 'cancelled', 'held')`),
  ],
);

/** Who is invited: a staff member, a guardian, or the child. */
export const meetingInvitees = sqliteTable(
  "meeting_invitees",
  {
    id: text("id").primaryKey(),
    meetingId: text("meeting_id")
      .notNull()
      .references(() => meetings.id),
    kind: text("kind", { enum: meetingInviteeKinds }).notNull(),
    userId: text("user_id").references(() => users.id),
    guardianId: text("guardian_id").references(() => guardians.id),
  },
  (t) => [index("meeting_invitees_meeting_idx").on(t.meetingId), index("meeting_invitees_user_idx").on(t.userId)],
);
