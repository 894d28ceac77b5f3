/**
 * Page JavaScript budget (issue 13 point 3, docs/decisions/031). Reads the browser build in
 * public/build (made before the e2e suite runs) through tests/bench/js-size.mjs, which adds
 * up, per route, the gzipped bytes of every module the page loads: entry, root, layouts, the
 * page and everything they import, one language's dictionary.
 *
 * The target is 100 kB on every page; the build does not reach it yet (the framework,
 * i18next and one dictionary are already about 128 kB, and the staff forms validate in the
 * browser with zod/mini — see the decision record). Until then this test holds the line
 * where the fixes brought it, so nothing grows back: the sign-in pages carry no zod, no page
 * carries classic zod, every page carries one language, and ceilings per kind of page.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

/** The target. */
const TARGET_BYTES = 100 * 1000;
/** What the sign-in pages stay under today (142 kB); lower it towards TARGET_BYTES as they shrink. */
const SIGN_IN_CEILING_BYTES = 145 * 1000;
/** What every other page stays under today (164 kB at most: zod/mini and the staff forms' client validation). */
const CEILING_BYTES = 170 * 1000;
/** The first pages of a visit, with server-only validation (no zod). */
const SIGN_IN = ["routes/login", "routes/family.login", "routes/family.code"];

type Row = { id: string; files: string[]; gzip: number };
const sizeModule = "../bench/js-size.mjs";
const { pageSizes } = (await import(/* @vite-ignore */ sizeModule)) as {
  pageSizes: (options?: { root?: string }) => { rows: Row[] };
};

const root = resolve(import.meta.dirname, "../..");
const { rows } = pageSizes({ root });
const text = (url: string) => readFileSync(resolve(root, "public", "." + url), "utf8");

describe("JavaScript per page", () => {
  it("measures every route of the build", () => {
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.map((r) => r.id)).toContain("routes/login");
  });

  it(`stays under ${SIGN_IN_CEILING_BYTES / 1000} kB gzipped on the sign-in pages and ${CEILING_BYTES / 1000} kB elsewhere (target ${TARGET_BYTES / 1000} kB)`, () => {
    const over = rows
      .filter((r) => r.gzip > (SIGN_IN.includes(r.id) ? SIGN_IN_CEILING_BYTES : CEILING_BYTES))
      .map((r) => `${r.id}: ${(r.gzip / 1000).toFixed(1)} kB`);
    expect(over).toEqual([]);
  });

  it("ships no validation library on the sign-in pages: they validate on the server", () => {
    for (const id of SIGN_IN) expect(rows.map((r) => r.id)).toContain(id);
    const withZod = rows
      .filter((r) => SIGN_IN.includes(r.id) && r.files.some((f) => /\$ZodType|ZodError/.test(text(f))))
      .map((r) => r.id);
    expect(withZod).toEqual([]);
  });

  it("ships no classic zod: the shared schemas and the client parsing use zod/mini", () => {
    // Classic zod's base class is made by `$constructor("ZodType", …)`; zod/mini's is "ZodMiniType".
    const withClassic = rows.filter((r) => r.files.some((f) => text(f).includes('"ZodType"'))).map((r) => r.id);
    expect(withClassic).toEqual([]);
  });

  it("ships one language's dictionary per page", () => {
    // The tagline in each language: a page loads exactly one of them.
    for (const row of rows) {
      const all = row.files.map(text).join("\n");
      const nb = all.includes("Bedre tverrfaglig innsats for barn og unge");
      const en = all.includes("Better interdisciplinary intervention for children and young people");
      expect({ id: row.id, languages: Number(nb) + Number(en) }).toEqual({ id: row.id, languages: 1 });
    }
  });
});
