import * as z from "zod/mini";
import { entryText, formSchema, idList, mediumText, optionalMediumText, plannedDate } from "./validation";

/**
 * The forms about a planned meeting (issue 11 point 6), shared by the server and the
 * browser. The domain checks the rest: the time ahead of now, a place or a video link, and
 * invitees on the log.
 */
const time = z
  .string({ error: "validation.required" })
  .check(z.trim(), z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "validation.invalidTime" }));

const minutes = z
  .pipe(
    z.string({ error: "validation.required" }).check(z.trim(), z.regex(/^\d{1,3}$/, { error: "validation.invalidDuration" })),
    z.transform(Number),
  )
  .check(z.refine((n) => n >= 15 && n <= 480, { error: "validation.invalidDuration" }));

const videoUrl = z.optional(
  z.string().check(
    z.trim(),
    z.maxLength(200, { error: "validation.tooLong_200" }),
    z.refine(
      (value) => {
        try {
          return new URL(value).protocol === "https:";
        } catch {
          return false;
        }
      },
      { error: "validation.invalidVideoUrl" },
    ),
  ),
);

export const MeetingSchema = formSchema(
  z.object({
    date: plannedDate,
    time,
    durationMinutes: minutes,
    place: optionalMediumText,
    videoUrl,
    agenda: entryText,
    invitees: idList,
  }),
);

export const CancelMeetingSchema = formSchema(z.object({ reason: mediumText }));
