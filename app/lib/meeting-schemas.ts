import { z } from "zod";
import { entryText, formSchema, idList, mediumText, optionalMediumText, plannedDate } from "./validation";

/**
 * The forms about a planned meeting (issue 11 point 6), shared by the server and the
 * browser. The domain checks the rest: the time ahead of now, a place or a video link, and
 * invitees on the log.
 */
const time = z
  .string({ error: "validation.required" })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "validation.invalidTime" });

const minutes = z
  .string({ error: "validation.required" })
  .trim()
  .regex(/^\d{1,3}$/, { error: "validation.invalidDuration" })
  .transform(Number)
  .refine((n) => n >= 15 && n <= 480, { error: "validation.invalidDuration" });

const videoUrl = z
  .string()
  .trim()
  .max(200, { error: "validation.tooLong_200" })
  .refine(
    (value) => {
      try {
        return new URL(value).protocol === "https:";
      } catch {
        return false;
      }
    },
    { error: "validation.invalidVideoUrl" },
  )
  .optional();

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
