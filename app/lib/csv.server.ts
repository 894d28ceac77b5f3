import { stringify } from "csv-stringify/sync";

/**
 * Tables for download (issue 12 point 4): CSV that a spreadsheet opens as data, never as a
 * formula. Written by csv-stringify (quoting per RFC 4180). Two choices for Norwegian users:
 * the separator is ";" and the file starts with a UTF-8 byte-order mark, so Excel with
 * Norwegian settings opens the columns and "æøå" right; lines end in CRLF.
 *
 * Formula injection (CWE-1236): a text cell that begins with = + - @, a tab or a carriage
 * return is prefixed with an apostrophe, so it is shown as the text it is. Numbers are
 * written as numbers (a negative number is data, not a formula).
 */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as it is safe to write: an apostrophe before what a spreadsheet would run. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export const CSV_BOM = "\uFEFF";

export function toCsv(header: string[], rows: CsvCell[][]): string {
  const cells = [header, ...rows].map((row) =>
    row.map((cell) => (typeof cell === "number" ? (Number.isFinite(cell) ? String(cell) : "") : neutralise(cell ?? ""))),
  );
  return CSV_BOM + stringify(cells, { delimiter: ";", record_delimiter: "windows" });
}
