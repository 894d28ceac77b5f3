import i18next, { type i18n, type Resource } from "i18next";
import { initReactI18next } from "react-i18next";
import { defaultLocale, locales, type Locale } from "../lib/enums";

/**
 * Making i18next instances without naming the dictionaries: the server passes both
 * languages (app/i18n/i18n.ts), the browser only the page's language, loaded on its own
 * (app/entry.client.tsx), so a page's JavaScript carries one language (docs/decisions/031).
 */
export function makeI18n(locale: Locale, resources: Resource): i18n {
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

const registered = new Map<Locale, i18n>();

/** Makes an instance the one `instanceFor` gives for its language (the server's shared ones, the browser's one). */
export function registerI18n(locale: Locale, instance: i18n) {
  registered.set(locale, instance);
}

/**
 * The registered instance for a language; in the browser, where only the page's language is
 * loaded, that one for any language asked.
 */
export function instanceFor(locale: Locale): i18n {
  const instance = registered.get(locale) ?? registered.values().next().value;
  if (!instance) throw new Error("No i18n instance registered yet");
  return instance;
}

const dictionaries: Record<Locale, () => Promise<Resource[string]["translation"]>> = {
  nb: () => import("./nb").then((m) => m.nb),
  en: () => import("./en").then((m) => m.en),
};

/** Adds a language's dictionary to an instance unless it has it (a chunk of its own in the browser). */
export async function loadDictionary(instance: i18n, locale: Locale): Promise<void> {
  if (instance.hasResourceBundle(locale, "translation")) return;
  instance.addResourceBundle(locale, "translation", await dictionaries[locale]());
}
