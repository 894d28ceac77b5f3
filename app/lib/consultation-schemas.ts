import * as z from "zod/mini";
import { serviceKindCodes } from "./enums";
import { formSchema, id40, isoDate, pageNumber } from "./validation";

/**
 * The anonymous consultation form (anonym drøfting, DESIGN.md rule 4), shared by server
 * and browser. Messages are translation keys. There is deliberately no field for the
 * child: the form asks only what was discussed, with whom and when.
 */
export const CONSULTATION_TEXT_MAX = 5000;

/**
 * An 11-digit number — the shape of a national id (fødselsnummer or D-number) — written
 * as 11 digits in a row or as 6 + 5 with one space, and not part of a longer number.
 * Such text is refused in a consultation, valid check digits or not.
 */
const elevenDigits = /(?<!\d)\d{6}[ \u00a0]?\d{5}(?!\d)/;

export function containsElevenDigitNumber(text: string): boolean {
  return elevenDigits.test(text);
}

/**
 * Question and advice: required, bounded, and without an 11-digit number. The domain
 * refuses such a number too (the guarantee); checking it here as well answers at once in
 * the browser, with the domain's message.
 */
const consultationText = z
  .string({ error: "validation.required" })
  .check(
    z.trim(),
    z.minLength(1, { error: "validation.required" }),
    z.maxLength(CONSULTATION_TEXT_MAX, { error: "validation.tooLong_5000" }),
    z.refine((v) => !containsElevenDigitNumber(v), { error: "errors.national_id_in_text" }),
  );

const optionalId = z.optional(z.string().check(z.trim(), z.maxLength(40)));

export const ConsultationSchema = formSchema(z.object({
  /** The author's own service (a select only when they belong to more than one). */
  serviceId: id40({ error: "validation.invalidChoice" }),
  consultedKind: z.enum(serviceKindCodes, { error: "validation.invalidChoice" }),
  consultedServiceId: optionalId,
  heldOn: isoDate,
  question: consultationText,
  advice: consultationText,
  logId: optionalId,
}));

export type ConsultationInput = z.output<typeof ConsultationSchema>;

export const ConsultationListQuery = formSchema(
  z.object({
    page: pageNumber(),
  }),
);
