import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { dateTimeFormat } from "../lib/dates";
import { intlTag } from "../lib/locales";
import { defaultLocale, locales, type Locale } from "../lib/enums";
import { en } from "./en";
import { nb } from "./nb";

export const resources = { nb: { translation: nb }, en: { translation: en } } as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** A fresh, synchronously initialised i18next instance (one per request on the server). */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: defaultLocale,
    supportedLngs: [...locales],
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: false },
    returnNull: false,
  });
  return instance;
}

const shared = new Map<Locale, i18n>();

/**
 * The process's one instance for a language, made on first use and kept: the server renders
 * every request with it. Nothing changes an instance's language or resources after init, so
 * requests can share it. An instance per request cost a store, a translator and, for each
 * language it resolves plurals in, an Intl.PluralRules (ICU memory outside the JavaScript
 * heap) on every page (docs/decisions/017).
 */
export function i18nFor(locale: Locale): i18n {
  let instance = shared.get(locale);
  if (!instance) {
    instance = createI18n(locale);
    shared.set(locale, instance);
  }
  return instance;
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
