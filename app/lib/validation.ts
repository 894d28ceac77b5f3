import { z } from "zod";
import { isCommonPassword } from "./common-passwords";
import { isRealIsoDate } from "./dates";
import { isValidNationalId } from "./national-id";

/**
 * Field schemas shared by several forms, on the server and in the browser. Every message
 * is a translation key under `validation.` (see app/i18n).
 */
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
