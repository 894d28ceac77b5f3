import type { TFunction } from "i18next";

/**
 * Form errors travel as translation keys (`validation.required`, `errors.email_taken`),
 * optionally with a number after a bar (`errors.too_many_attempts|42`).
 */
export function translateError(t: TFunction, message: string): string {
  const [key, seconds] = message.split("|");
  // The number is a count, so the text agrees with it ("1 sekund", "30 sekunder").
  const count = seconds !== undefined && /^\d+$/.test(seconds) ? Number(seconds) : undefined;
  // Keys come from our own schemas and domain codes; unknown ones fall back to a generic text.
  return String(t(key as never, { count, defaultValue: t("pages.errorTitle") } as never));
}
