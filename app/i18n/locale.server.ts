import { defaultLocale, type Locale } from "../lib/enums";
import { readCookie, serializeCookie } from "../domain/auth/session.server";
import { isLocale } from "./i18n";

export const LOCALE_COOKIE = "stafettlogg_lang";

/** The reader's language: the remembered choice, else bokmål. */
export function getLocale(request: Request): Locale {
  const value = readCookie(request, LOCALE_COOKIE);
  return isLocale(value) ? value : defaultLocale;
}

/** Remember the choice for a year. */
export function localeCookie(locale: Locale, requestUrl: string) {
  return serializeCookie(LOCALE_COOKIE, locale, requestUrl, 365 * 24 * 3600);
}
