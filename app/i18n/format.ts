import { dateTimeFormat } from "../lib/dates";
import { intlTag } from "../lib/locales";
import { locales, type Locale } from "../lib/enums";

// Without the dictionaries, for the browser too (docs/decisions/031); app/i18n/i18n.ts re-exports them.

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Dates shown to people are in Norway's time zone, whatever the server's. */
export const TIME_ZONE = "Europe/Oslo";

export function formatDate(value: Date | number, locale: Locale) {
  return dateTimeFormat(intlTag(locale), { dateStyle: "long", timeZone: TIME_ZONE }).format(value);
}

export function formatDateTime(value: Date | number, locale: Locale) {
  return dateTimeFormat(intlTag(locale), { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE }).format(
    value,
  );
}
