import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, useTranslation } from "react-i18next";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createI18n, i18nFor } from "../../app/i18n/i18n";
import type { Locale } from "../../app/lib/enums";

/**
 * The server renders every request with one i18next instance per language. An instance per
 * request made, among the rest, a new Intl.PluralRules for each page (ICU memory outside the
 * JavaScript heap), part of issue 9's memory growth (docs/decisions/017).
 */
const RealPluralRules = Intl.PluralRules;
/** Intl.PluralRules is read-only in TypeScript's lib; it is an ordinary writable property. */
const intl = Intl as { PluralRules: typeof Intl.PluralRules };
let constructed = 0;

beforeEach(() => {
  constructed = 0;
  // Count constructions; behaviour is the real PluralRules'.
  const Counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.PluralRules>) {
    constructed++;
    return new RealPluralRules(...args);
  } as unknown as typeof Intl.PluralRules;
  Counting.supportedLocalesOf = RealPluralRules.supportedLocalesOf;
  intl.PluralRules = Counting;
});

afterEach(() => {
  intl.PluralRules = RealPluralRules;
});

function Count({ count }: { count: number }): ReactNode {
  const { t } = useTranslation();
  return t("logs.home.count", { count });
}

/** One page render the way entry.server.tsx does it, with the instance it is given. */
const render = (instance: ReturnType<typeof createI18n>, count: number) =>
  renderToString(createElement(I18nextProvider, { i18n: instance }, createElement(Count, { count })));

describe("one i18next instance per language on the server", () => {
  it("gives the same instance back for a language, and each language its own", () => {
    expect(i18nFor("nb")).toBe(i18nFor("nb"));
    expect(i18nFor("en")).toBe(i18nFor("en"));
    expect(i18nFor("nb")).not.toBe(i18nFor("en"));
    expect(i18nFor("nb").language).toBe("nb");
    expect(i18nFor("en").language).toBe("en");
  });

  it("renders page after page without making plural rules again", () => {
    const locales: Locale[] = ["nb", "en"];
    const first = locales.map((locale) => render(i18nFor(locale), 2)); // may make them, once
    expect(first).toEqual(["2 logger", "2 logs"]);
    constructed = 0;
    for (let i = 0; i < 200; i++) {
      expect(render(i18nFor("nb"), 1)).toBe("1 logg");
      expect(render(i18nFor("en"), 3)).toBe("3 logs");
    }
    expect(constructed).toBe(0);
    // What an instance per request costs, so the count above can fail.
    for (let i = 0; i < 10; i++) render(createI18n("nb"), 1);
    expect(constructed).toBeGreaterThanOrEqual(10);
  });

  it("is what entry.server.tsx renders with", () => {
    const source = readFileSync(join(import.meta.dirname, "../../app/entry.server.tsx"), "utf8");
    expect(source).toMatch(/\bi18nFor\(getLocale\(request\)\)/);
    expect(source).not.toMatch(/\bcreateI18n\(/);
  });
});
