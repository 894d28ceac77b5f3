import { z } from "zod";
import { isCommonPassword } from "./common-passwords";

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

/** A local path to return to after sign-in: must start with one slash. */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  return to;
}
