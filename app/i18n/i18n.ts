import type { i18n } from "i18next";
import type { Locale } from "../lib/enums";
import { en } from "./en";
import { makeI18n, registerI18n } from "./instance";
import { nb } from "./nb";

export { formatDate, formatDateTime, isLocale, TIME_ZONE } from "./format";

/**
 * Both dictionaries: for the server. Browser code must not import this module (it would
 * carry both languages into every page); it uses ./format and ./instance instead.
 */
export const resources = { nb: { translation: nb }, en: { translation: en } } as const;

/** A fresh, synchronously initialised i18next instance with both languages. */
export function createI18n(locale: Locale): i18n {
  return makeI18n(locale, resources);
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
    registerI18n(locale, instance);
  }
  return instance;
}
