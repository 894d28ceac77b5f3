import { describe, expect, it } from "vitest";
import { createI18n, resources } from "../../app/i18n/i18n";
import { translatorFor } from "../../app/i18n/use-t";
import { locales } from "../../app/lib/enums";

type Dictionary = { [key: string]: string | Dictionary };
function keysOf(dictionary: Dictionary, prefix = ""): string[] {
  return Object.entries(dictionary).flatMap(([key, value]) =>
    typeof value === "string" ? [prefix + key] : keysOf(value, `${prefix}${key}.`),
  );
}
const allKeys = [...new Set(locales.flatMap((l) => keysOf(resources[l].translation as unknown as Dictionary)))];

describe("useT's translator (app/i18n/use-t.ts)", () => {
  for (const locale of locales) {
    it(`gives exactly what i18next gives for every key in ${locale}, with and without options`, () => {
      const i18n = createI18n(locale);
      const { t } = translatorFor(i18n, locale);
      const plain = t as unknown as (key: string, options?: object) => unknown;
      const reference = i18n.t as unknown as (key: string, options?: object) => unknown;
      for (const key of allKeys) {
        expect(plain(key), key).toEqual(reference(key));
        const options = { count: 2, name: "Kari", date: "1. mars" };
        expect(plain(key, options), key).toEqual(reference(key, options));
      }
      // A key no dictionary has: i18next's own answer (the key), not a crash.
      expect(plain("no.such.key")).toEqual(reference("no.such.key"));
    });
  }

  it("answers with the fallback language's text where a language lacks a key", () => {
    const i18n = createI18n("en");
    i18n.addResourceBundle("nb", "translation", { test: { onlyInNb: "Bare på bokmål" } }, true, false);
    const { t } = translatorFor(i18n, "en");
    expect((t as unknown as (k: string) => string)("test.onlyInNb")).toBe("Bare på bokmål");
    expect((t as unknown as (k: string) => string)("test.onlyInNb")).toBe(i18n.t("test.onlyInNb" as never));
  });

  it("keeps one translator per instance and language", () => {
    const i18n = createI18n("nb");
    expect(translatorFor(i18n, "nb")).toBe(translatorFor(i18n, "nb"));
    expect(translatorFor(i18n, "en")).not.toBe(translatorFor(i18n, "nb"));
  });
});
