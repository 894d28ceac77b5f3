import { describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { createI18n, formatDate } from "../../app/i18n/i18n";
import { nb } from "../../app/i18n/nb";

function leaves(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === "string") out.set(path, child);
    else for (const [k, v] of leaves(child, path)) out.set(k, v);
  }
  return out;
}

describe("dictionaries", () => {
  const nbKeys = leaves(nb);
  const enKeys = leaves(en);

  it("have exactly the same keys in bokmål and English", () => {
    expect([...enKeys.keys()].sort()).toEqual([...nbKeys.keys()].sort());
  });

  it("have no empty texts and the same placeholders in both languages", () => {
    for (const [key, text] of nbKeys) {
      expect(text.trim(), key).not.toBe("");
      const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
      expect(placeholders(enKeys.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it("translate with interpolation and fall back to bokmål", () => {
    expect(createI18n("en").t("home.greeting", { name: "Kari" })).toBe("Hello, Kari");
    expect(createI18n("nb").t("home.greeting", { name: "Kari" })).toBe("Hei, Kari");
  });

  it("show dates in Norway's time zone", () => {
    // 23:30 UTC on 31 Dec is already 1 January in Oslo.
    expect(formatDate(Date.UTC(2026, 11, 31, 23, 30), "nb")).toBe("1. januar 2027");
    expect(formatDate(Date.UTC(2026, 11, 31, 23, 30), "en")).toBe("1 January 2027");
  });
});
