import type { i18n as I18n, TFunction } from "i18next";
import { useContext, useEffect, useState } from "react";
import { getI18n, I18nContext } from "react-i18next";
import { defaultLocale } from "../lib/enums";

/**
 * `useT()`: what components take their texts from, in place of react-i18next's
 * `useTranslation()` (decision 032). That hook copies every property of the i18next
 * instance into a new object for each component it is called in, and a log page renders
 * hundreds of components: a fifth of the server's time per page went there. Here a
 * component gets the one translator of its instance and language, and a key asked without
 * options (most of them: labels, headings) is a lookup in a map of the dictionary's plain
 * texts; a text with a placeholder, a plural, nesting or any option goes to i18next itself.
 * A language change re-renders the components as useTranslation does.
 */
export interface Translator {
  t: TFunction<"translation", undefined>;
  i18n: I18n;
}

const translators = new WeakMap<I18n, Map<string, Translator>>();
const subscriptions = new WeakMap<I18n, (changed: () => void) => () => void>();

type Dictionary = { [key: string]: string | Dictionary };

/** The texts i18next would give unchanged for a key without options: no placeholder, no nesting. */
function plainTexts(into: Map<string, string>, dictionary: Dictionary | undefined, prefix = "") {
  if (!dictionary) return into;
  for (const [key, value] of Object.entries(dictionary)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") {
      if (!value.includes("{{") && !value.includes("$t(")) into.set(path, value);
      else into.delete(path);
    } else plainTexts(into, value, path);
  }
  return into;
}

export function translatorFor(i18n: I18n, language: string): Translator {
  let byLanguage = translators.get(i18n);
  if (!byLanguage) translators.set(i18n, (byLanguage = new Map()));
  const known = byLanguage.get(language);
  if (known) return known;
  const fixed = i18n.getFixedT(language);
  // Until the language's dictionary is loaded (the browser loads it on its own), i18next alone.
  if (!i18n.hasResourceBundle(language, "translation")) return { t: fixed, i18n };
  const bundle = (lng: string) => i18n.getResourceBundle(lng, "translation") as Dictionary | undefined;
  // The fallback language's texts first, as i18next falls back to them key by key.
  const plain = plainTexts(plainTexts(new Map(), language === defaultLocale ? undefined : bundle(defaultLocale)), bundle(language));
  const t = ((key: unknown, options?: unknown) => {
    if (options === undefined && typeof key === "string") {
      const text = plain.get(key);
      if (text !== undefined) return text;
    }
    return (fixed as (k: unknown, o?: unknown) => string)(key, options);
  }) as unknown as Translator["t"];
  const translator = { t, i18n };
  byLanguage.set(language, translator);
  return translator;
}

function subscribeTo(i18n: I18n) {
  let subscribe = subscriptions.get(i18n);
  if (!subscribe) {
    subscribe = (changed) => {
      i18n.on("languageChanged", changed);
      return () => i18n.off("languageChanged", changed);
    };
    subscriptions.set(i18n, subscribe);
  }
  return subscribe;
}

export function useT(): Translator {
  const i18n = useContext(I18nContext)?.i18n ?? getI18n();
  // A language change re-renders through state, as react-i18next does: a forced synchronous
  // re-render (useSyncExternalStore) in the middle of a navigation's transition breaks
  // React 18 ("Root did not complete").
  const [, changed] = useState(0);
  const subscribe = subscribeTo(i18n);
  useEffect(() => subscribe(() => changed((n) => n + 1)), [subscribe]);
  return translatorFor(i18n, i18n.language);
}
