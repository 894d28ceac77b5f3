import { describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { createI18n } from "../../app/i18n/i18n";
import { nb } from "../../app/i18n/nb";
import { translateError } from "../../app/components/ui/messages";

function leaves(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === "string") out.set(path, child);
    else for (const [k, v] of leaves(child, path)) out.set(k, v);
  }
  return out;
}

/** Placeholders that are numbers of something: they must be `count`, so i18next can choose the form. */
const numberPlaceholder = /{{(days|months|seconds|minutes|hours|weeks|years|number|total|n)}}/;

describe("counts agree with their number (\"1 logg\", never \"1 logger\")", () => {
  for (const [lang, dict] of [["nb", nb], ["en", en]] as const) {
    const texts = leaves(dict);
    it(`${lang}: every text with {{count}} has a singular and a plural form`, () => {
      for (const [key, text] of texts) {
        if (!text.includes("{{count}}")) continue;
        expect(key, `${key} shows a count without plural forms`).toMatch(/_(one|other)$/);
        const base = key.replace(/_(one|other)$/, "");
        expect(texts.has(`${base}_one`), `${base}_one`).toBe(true);
        expect(texts.has(`${base}_other`), `${base}_other`).toBe(true);
      }
    });
    it(`${lang}: no number is shown through a placeholder other than {{count}}`, () => {
      for (const [key, text] of texts) expect(text, key).not.toMatch(numberPlaceholder);
    });
  }

  it("choose the singular for one and the plural otherwise, in both languages", () => {
    const nbT = createI18n("nb").t;
    const enT = createI18n("en").t;
    expect(nbT("logs.home.count", { count: 1 })).toBe("1 logg");
    expect(nbT("logs.home.count", { count: 12 })).toBe("12 logger");
    expect(nbT("logs.home.count", { count: 0 })).toBe("0 logger");
    expect(enT("logs.home.count", { count: 1 })).toBe("1 log");
    expect(enT("logs.home.count", { count: 2 })).toBe("2 logs");
    expect(nbT("home.coordinator.catalogueSummary", { count: 1 })).toBe("1 aktiv tjeneste");
    expect(nbT("consultations.list.count", { count: 1 })).toBe("1 drøfting");
    expect(nbT("admin.users.count", { count: 1 })).toBe("1 bruker");
    expect(nbT("logs.new.deadline", { count: 1 })).toBe("Du får en frist på 1 dag til å bestemme videre gang.");
    expect(enT("collab.consentForm.expiresOnHint", { count: 12 })).toBe("The default is 12 months.");
  });

  it("a wait time in an error message is counted too", () => {
    const nbT = createI18n("nb").t;
    expect(translateError(nbT, "errors.too_many_attempts|1")).toBe("For mange forsøk. Vent 1 sekund og prøv igjen.");
    expect(translateError(nbT, "errors.too_many_attempts|30")).toBe("For mange forsøk. Vent 30 sekunder og prøv igjen.");
    expect(translateError(nbT, "validation.required")).toBe(String(nbT("validation.required")));
  });
});
