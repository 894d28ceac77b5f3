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

const TEST_NS = "test-only";

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

  it("translate with interpolation", () => {
    expect(createI18n("en").t("home.greeting", { name: "Kari" })).toBe("Hello, Kari");
    expect(createI18n("nb").t("home.greeting", { name: "Kari" })).toBe("Hei, Kari");
  });

  it("fall back to bokmål for a text English does not have", () => {
    // The app's own instance, given a test-only namespace that exists in bokmål alone (the
    // real dictionaries have the same keys, so no real key can show the fallback).
    const i18n = createI18n("en");
    i18n.addResourceBundle("nb", TEST_NS, { onlyInBokmal: "Bare på bokmål, {{name}}" });
    try {
      expect(i18n.language).toBe("en");
      expect(i18n.getResource("en", TEST_NS, "onlyInBokmal")).toBeUndefined();
      // The app's t() is typed to its own keys; the test-only key needs the untyped call.
      const t = i18n.t.bind(i18n) as unknown as (key: string, options: Record<string, unknown>) => string;
      expect(t("onlyInBokmal", { ns: TEST_NS, name: "Kari" })).toBe("Bare på bokmål, Kari");
    } finally {
      // i18next keeps the app's resources object by reference: leave it as it was.
      i18n.removeResourceBundle("nb", TEST_NS);
    }
  });

  it("show dates in Norway's time zone", () => {
    // 23:30 UTC on 31 Dec is already 1 January in Oslo.
    expect(formatDate(Date.UTC(2026, 11, 31, 23, 30), "nb")).toBe("1. januar 2027");
    expect(formatDate(Date.UTC(2026, 11, 31, 23, 30), "en")).toBe("1 January 2027");
  });
});
