import { createEvent } from "ics";
import { settings } from "../../config.server";
import type { Locale } from "../../lib/enums";
import { mailTexts } from "../mail/messages.server";

/**
 * The iCalendar entry for a planned meeting (RFC 5545, made with the `ics` package). It
 * carries no personal data: the title is "Møte i Stafettlogg", the description a link to
 * the meeting in the app; the place is the one field typed by the planner, and the form
 * asks for a place without names. The UID is the meeting's id, so an update
 * (METHOD:REQUEST, higher SEQUENCE) or a cancellation (METHOD:CANCEL, STATUS:CANCELLED)
 * replaces the same entry in the invitee's calendar.
 */
export interface CalendarMeeting {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  place: string | null;
  videoUrl: string | null;
  sequence: number;
}

/** The meeting's UID: stable for its whole life, and ours (the public host). */
export function meetingUid(meetingId: string): string {
  const host = new URL(settings().PUBLIC_URL).hostname || "stafettlogg.invalid";
  return `meeting-${meetingId}@${host}`;
}

/** The address part of MAIL_FROM ("Stafettlogg <ikke-svar@…>"), the organiser of the entry. */
function organiserEmail(): string {
  const from = settings().MAIL_FROM;
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

export function meetingCalendar(
  locale: Locale,
  meeting: CalendarMeeting,
  options: { url: string; cancelled?: boolean },
): { method: "REQUEST" | "CANCEL"; content: string } {
  const d = mailTexts(locale).meeting;
  const method = options.cancelled ? "CANCEL" : "REQUEST";
  const where = [meeting.place, meeting.videoUrl].filter(Boolean).join(" – ");
  const { error, value } = createEvent({
    productId: "-//Stafettlogg//NONSGML Stafettlogg//NB",
    method,
    uid: meetingUid(meeting.id),
    sequence: meeting.sequence,
    start: meeting.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: meeting.durationMinutes },
    title: options.cancelled ? d.cancelledTitle : d.calendarTitle,
    description: `${d.calendarDescription}\n${options.url}`,
    url: options.url,
    location: where || undefined,
    status: options.cancelled ? "CANCELLED" : "CONFIRMED",
    organizer: { name: "Stafettlogg", email: organiserEmail() },
  });
  if (error || !value) throw new Error("The calendar entry could not be made");
  return { method, content: value };
}
