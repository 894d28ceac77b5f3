import { defaultLocale, type Locale } from "./enums";

/**
 * What each language of the interface needs besides its dictionary (app/i18n/<locale>/):
 * the BCP-47 tag for Intl (dates, numbers) and `lang` attributes, and the suffix of its
 * columns in reference data (`name_nb`, `name_en`). Typed by the one list of locales
 * (`locales` in enums.ts), so a language added there does not compile until it has an
 * entry here, and every reference-data row that lacks its column is named by the compiler.
 */
export const localeSettings = {
  nb: { tag: "nb-NO", column: "Nb" },
  en: { tag: "en-GB", column: "En" },
} as const satisfies Record<Locale, { tag: string; column: string }>;

type Column = (typeof localeSettings)[Locale]["column"];

/** The BCP-47 tag for Intl formatting in this language; bokmål's for anything unknown. */
export function intlTag(locale: string): string {
  return (localeSettings as Record<string, { tag: string }>)[locale]?.tag ?? localeSettings[defaultLocale].tag;
}

/**
 * A reference-data text in the reader's language: `localized(row, "name", locale)` reads
 * `row.nameNb` or `row.nameEn`. The one place that maps a locale to its column.
 */
export function localized<B extends string>(row: { readonly [K in `${B}${Column}`]: string }, base: B, locale: Locale): string {
  return row[`${base}${localeSettings[locale].column}` as `${B}${Column}`];
}
