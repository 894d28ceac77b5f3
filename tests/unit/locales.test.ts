import { describe, expect, it } from "vitest";
import { resources } from "../../app/i18n/i18n";
import { locales } from "../../app/lib/enums";
import { intlTag, localeSettings, localized } from "../../app/lib/locales";

/** The one list of locales drives the dictionaries, Intl and reference data alike. */
describe("locales", () => {
  it("every locale in the list has a dictionary and its own settings", () => {
    expect(Object.keys(resources).sort()).toEqual([...locales].sort());
    expect(Object.keys(localeSettings).sort()).toEqual([...locales].sort());
    expect(new Set(locales.map((l) => localeSettings[l].column)).size).toBe(locales.length);
  });

  it("formats in the locale's own tag, and in bokmål's for an unknown one", () => {
    expect(intlTag("en")).toBe("en-GB");
    expect(intlTag("nb")).toBe("nb-NO");
    expect(intlTag("xx")).toBe("nb-NO");
  });

  it("reads reference data from the locale's column", () => {
    const row = { nameNb: "Skole", nameEn: "School" };
    expect(localized(row, "name", "nb")).toBe("Skole");
    expect(localized(row, "name", "en")).toBe("School");
  });
});
