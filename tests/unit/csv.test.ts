import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_BOM, neutralise, toCsv } from "../../app/lib/csv.server";

/**
 * The CSV export (issue 12 point 4): whatever the cells hold, the file parses back to the
 * same table, and no text cell reaches a spreadsheet starting with what it would run as a
 * formula (= + - @, tab, carriage return).
 */
const readBack = (csv: string) => {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  return parse(csv.slice(1), { delimiter: ";", relax_quotes: false }) as string[][];
};

describe("toCsv", () => {
  it("neutralises formula starts and leaves other text and numbers as they are", () => {
    const csv = toCsv(["Tjeneste", "Antall"], [
      ["=HYPERLINK(\"http://x\")", 3],
      ["+47 123", -2],
      ["@SUM(A1)", 0],
      ["\tfane", null],
      ["Skole; «Solbakken»\nlinje 2", 7],
    ]);
    expect(readBack(csv)).toEqual([
      ["Tjeneste", "Antall"],
      ["'=HYPERLINK(\"http://x\")", "3"],
      ["'+47 123", "-2"],
      ["'@SUM(A1)", "0"],
      ["'\tfane", ""],
      ["Skole; «Solbakken»\nlinje 2", "7"],
    ]);
    expect(csv.split("\r\n")[0]).toBe(`${CSV_BOM}Tjeneste;Antall`);
  });

  it("for any table of text and numbers: parses back cell for cell, and no text cell starts a formula", () => {
    const cell = fc.oneof(fc.string({ unit: "grapheme", maxLength: 12 }), fc.integer({ min: -1000, max: 1000 }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (rows) => {
        const back = readBack(toCsv(["a", "b"], rows));
        expect(back.slice(1)).toEqual(rows.map((row) => row.map((c) => (typeof c === "number" ? String(c) : neutralise(c)))));
        for (const [i, row] of back.slice(1).entries()) {
          row.forEach((text, j) => {
            if (typeof rows[i]![j] === "string") expect(/^[=+\-@\t\r]/.test(text)).toBe(false);
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
