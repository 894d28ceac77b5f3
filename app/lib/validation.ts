import * as z from "zod/mini";
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

const formSchemas = new WeakSet<object>();

/**
 * The one way to build a form's schema: every value is cleaned (cleanText) before any
 * field sees it, so no field can forget it. tests/unit/invisible-text.test.ts checks that
 * every exported form schema is built here.
 *
 * Schemas use zod/mini (functional checks, tree-shakeable): the browser carries only the
 * checks the page's forms use, not all of zod's classic API (docs/decisions/031).
 */
export function formSchema<T extends z.ZodMiniType>(schema: T) {
  // What classic zod's preprocess builds; typed with the form's own input, so conform
  // still knows the fields.
  const wrapped = z.pipe(z.transform(cleanValues), schema) as unknown as z.ZodMiniPipe<
    z.ZodMiniTransform<unknown, z.input<T>>,
    T
  >;
  formSchemas.add(wrapped);
  return wrapped;
}

export const isFormSchema = (schema: unknown) => schema instanceof z.core.$ZodType && formSchemas.has(schema);

const required = { error: "validation.required" } as const;
const tooLong = (max: number) => z.maxLength(max, { error: `validation.tooLong_${max}` });

/** A required text: trimmed, not empty, at most `max` characters. */
const trimmed = (max: number) => z.string(required).check(z.trim(), z.minLength(1, required), tooLong(max));

export const personName = trimmed(200);
export const serviceName = trimmed(200);
export const shortText = trimmed(200);

export const email = z.pipe(
  z.pipe(trimmed(254), z.email({ error: "validation.email" })),
  z.transform((v: string) => v.toLowerCase()),
);

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export const newPassword = z.string(required).check(
  z.minLength(PASSWORD_MIN, { error: "validation.passwordTooShort" }),
  z.maxLength(PASSWORD_MAX, { error: "validation.tooLong_256" }),
  z.refine((v) => !isCommonPassword(v), { error: "validation.passwordCommon" }),
);

/** Checkbox: present ("on") means true. */
export const checkbox = z.pipe(
  z.optional(z.enum(["on", "true"])),
  z.transform((v: "on" | "true" | undefined) => v !== undefined),
);

/** A calendar date from an <input type="date"> (YYYY-MM-DD), checked to be real. */
export const isoDate = z
  .string(required)
  .check(z.trim(), z.minLength(1, required), z.refine((v) => isRealIsoDate(v), { error: "validation.date" }));

export const optionalIsoDate = z
  .optional(z.string().check(z.trim()))
  .check(z.refine((v) => !v || isRealIsoDate(v), { error: "validation.date" }));

/**
 * A child's birth date: not in the future, and not of someone older than 25. The domain
 * checks both again (startConcern); here they answer at once, in the browser too.
 */
export const birthDate = isoDate.check(
  z.refine((v) => !isRealIsoDate(v) || v <= todayInOslo(), { error: "errors.date_in_future" }),
  z.refine((v) => !isRealIsoDate(v) || !isTooOldForBirthDate(v, todayInOslo()), { error: "errors.birth_date_too_old" }),
);

const notTooFarAhead = (v: string | undefined) => !v || !isRealIsoDate(v) || !isTooFarAhead(v, todayInOslo());

/** An evaluation or respond-by date: at most two years ahead (checked in the domain too). */
export const plannedDate = isoDate.check(z.refine(notTooFarAhead, { error: "errors.date_too_far_ahead" }));
export const optionalPlannedDate = optionalIsoDate.check(z.refine(notTooFarAhead, { error: "errors.date_too_far_ahead" }));

/** Free text in a log entry: required, bounded. */
export const entryText = trimmed(10000);

export const mediumText = trimmed(2000);

/** An optional text: trimmed, at most `max` characters. */
export const optionalText = (max: number, error = `validation.tooLong_${max}`) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, { error })));

export const optionalMediumText = optionalText(2000);

export const nationalId = z
  .pipe(
    z.optional(z.string().check(z.trim())),
    z.transform((v: string | undefined) => (v ? v.replace(/\s/g, "") : undefined)),
  )
  .check(z.refine((v) => !v || isValidNationalId(v), { error: "validation.nationalId" }));

/** A list of ids from checkboxes or a multiple select: none, one or many, each an id. */
export const idList = z.pipe(
  z.pipe(
    z.optional(z.union([z.string(), z.array(z.string())])),
    z.transform((v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  ),
  z.array(z.string().check(z.maxLength(40))).check(z.maxLength(50)),
);

/** `z.string().max(40)` of classic zod: an id, no message of its own. */
export const id40 = (params?: { error: string }) => z.string(params).check(z.maxLength(40));

/** A page number from the query; anything odd is the first page. */
export const pageNumber = () =>
  z.catch(z.coerce.number().check(z.int(), z.gte(1), z.lte(100000)), 1);

/** An optional search text from the query; anything odd is no search. */
export const searchText = () => z.catch(z.optional(z.string().check(z.trim(), z.maxLength(100))), undefined);
