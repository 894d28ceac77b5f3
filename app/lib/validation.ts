import { z } from "zod";
import { isCommonPassword } from "./common-passwords";
import { isRealIsoDate, isTooFarAhead, isTooOldForBirthDate, todayInOslo } from "./dates";
import { isValidNationalId } from "./national-id";

/**
 * Field schemas shared by several forms, on the server and in the browser. Every message
 * is a translation key under `validation.` (see app/i18n).
 */

/**
 * Characters that show nothing: C0 and C1 control characters except tab, line feed and
 * carriage return; the soft hyphen; zero-width space, word joiner, BOM and the other
 * invisible operators; direction marks, embeddings, overrides and isolates; Hangul and
 * Mongolian fillers; interlinear annotation marks; musical invisible format characters;
 * the language tag.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB\u{1D173}-\u{1D17A}\u{E0000}-\u{E001F}]/gu;
/** A character that shows something (a letter, digit, punctuation or symbol) … */
const SHOWN = "\\p{L}\\p{N}\\p{P}\\p{S}";
/** … or a mark drawn on one. */
const SHOWN_OR_MARK = `${SHOWN}\\p{M}`;
/**
 * Joiners and selectors that only mean something attached to visible text (emoji
 * sequences, Persian and Indic spelling, flags of subdivisions): kept there, dropped
 * anywhere else.
 */
const STRAY_JOINER = new RegExp(`(?<![${SHOWN_OR_MARK}])[\\u200C\\u200D]|[\\u200C\\u200D](?![${SHOWN}])`, "gu");
const STRAY_SELECTOR = new RegExp(`(?<![${SHOWN_OR_MARK}])[\\uFE00-\\uFE0F\\u180B-\\u180D\\u{E0100}-\\u{E01EF}]`, "gu");
const STRAY_TAG = /(?<![\u{1F3F4}\u{E0020}-\u{E007F}])[\u{E0020}-\u{E007F}]/gu;
const ANYTHING_SHOWN = new RegExp(`[${SHOWN}]`, "u");

/**
 * Text as typed, without what cannot be seen: control characters (tab and line breaks
 * stay), zero-width and direction characters, and joiners or selectors not attached to
 * visible text. Unicode line and paragraph separators become line feeds. What shows no
 * letter, digit, punctuation or symbol at all is empty, so a required field of invisible
 * characters is refused like an empty one (issue 9 point 9, docs/decisions/016).
 */
export function cleanText(value: string): string {
  const cleaned = value
    .replace(/[\u2028\u2029]/g, "\n")
    .replace(INVISIBLE, "")
    .replace(STRAY_TAG, "")
    .replace(STRAY_SELECTOR, "")
    .replace(STRAY_JOINER, "");
  return ANYTHING_SHOWN.test(cleaned) ? cleaned : "";
}

/** Every string in a submitted form (also in lists and nested objects) cleaned; files untouched. */
function cleanValues(value: unknown): unknown {
  if (typeof value === "string") return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanValues);
  if (typeof value === "object" && value !== null) {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanValues(v)]));
  }
  return value;
}

const formSchemas = new WeakSet<z.ZodType>();

/**
 * The one way to build a form's schema: every value is cleaned (cleanText) before any
 * field sees it, so no field can forget it. tests/unit/invisible-text.test.ts checks that
 * every exported form schema is built here.
 */
export function formSchema<T extends z.ZodType>(schema: T) {
  // Typed with the form's own input, so conform still knows the fields.
  const wrapped = z.preprocess<unknown, T, z.input<T>>(cleanValues, schema);
  formSchemas.add(wrapped);
  return wrapped;
}

export const isFormSchema = (schema: unknown) => schema instanceof z.ZodType && formSchemas.has(schema);
const trimmed = (max: number) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(max, { error: `validation.tooLong_${max}` });

export const personName = trimmed(200);
export const serviceName = trimmed(200);
export const shortText = trimmed(200);

export const email = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(254, { error: "validation.tooLong_254" })
  .pipe(z.email({ error: "validation.email" }))
  .transform((v) => v.toLowerCase());

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export const newPassword = z
  .string({ error: "validation.required" })
  .min(PASSWORD_MIN, { error: "validation.passwordTooShort" })
  .max(PASSWORD_MAX, { error: "validation.tooLong_256" })
  .refine((v) => !isCommonPassword(v), { error: "validation.passwordCommon" });

/** Checkbox: present ("on") means true. */
export const checkbox = z
  .enum(["on", "true"])
  .optional()
  .transform((v) => v !== undefined);

/** A calendar date from an <input type="date"> (YYYY-MM-DD), checked to be real. */
export const isoDate = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .refine((v) => isRealIsoDate(v), { error: "validation.date" });

export const optionalIsoDate = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || isRealIsoDate(v), { error: "validation.date" });

/**
 * A child's birth date: not in the future, and not of someone older than 25. The domain
 * checks both again (startConcern); here they answer at once, in the browser too.
 */
export const birthDate = isoDate
  .refine((v) => !isRealIsoDate(v) || v <= todayInOslo(), { error: "errors.date_in_future" })
  .refine((v) => !isRealIsoDate(v) || !isTooOldForBirthDate(v, todayInOslo()), { error: "errors.birth_date_too_old" });

const notTooFarAhead = (v: string | undefined) => !v || !isRealIsoDate(v) || !isTooFarAhead(v, todayInOslo());

/** An evaluation or respond-by date: at most two years ahead (checked in the domain too). */
export const plannedDate = isoDate.refine(notTooFarAhead, { error: "errors.date_too_far_ahead" });
export const optionalPlannedDate = optionalIsoDate.refine(notTooFarAhead, { error: "errors.date_too_far_ahead" });

/** Free text in a log entry: required, bounded. */
export const entryText = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(10000, { error: "validation.tooLong_10000" });

export const mediumText = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(2000, { error: "validation.tooLong_2000" });

export const optionalMediumText = z.string().trim().max(2000, { error: "validation.tooLong_2000" }).optional();

export const nationalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v.replace(/\s/g, "") : undefined))
  .refine((v) => !v || isValidNationalId(v), { error: "validation.nationalId" });

/** A list of ids from checkboxes or a multiple select: none, one or many, each an id. */
export const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.string().max(40)).max(50));
