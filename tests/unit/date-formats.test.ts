import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useDates } from "../../app/components/logs/format";
import { createI18n, formatDate, formatDateTime } from "../../app/i18n/i18n";
import { dateTimeFormat, todayInOslo } from "../../app/lib/dates";

/**
 * Each Intl.DateTimeFormat holds ICU memory outside the JavaScript heap that the process
 * does not give back; making one per formatted date grew the server by about 1 GB in 3 000
 * log reads (issue 9, docs/decisions/015). Formatters are made once and kept.
 */
const RealDateTimeFormat = Intl.DateTimeFormat;
let constructed = 0;

beforeEach(() => {
  constructed = 0;
  // Count constructions; behaviour is the real formatter's.
  const Counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
    constructed++;
    return new RealDateTimeFormat(...args);
  } as unknown as typeof Intl.DateTimeFormat;
  Counting.supportedLocalesOf = RealDateTimeFormat.supportedLocalesOf;
  Intl.DateTimeFormat = Counting;
});

afterEach(() => {
  Intl.DateTimeFormat = RealDateTimeFormat;
});

function Dates({ at }: { at: string }): ReactNode {
  const { date, dateTime } = useDates();
  return `${date(at.slice(0, 10))} | ${dateTime(at)}`;
}

describe("date formatting", () => {
  it("makes one formatter per locale and style, however many dates it formats", () => {
    const at = Date.UTC(2026, 5, 1, 10, 0);
    const nb = createI18n("nb");
    const en = createI18n("en");
    const renderPage = () =>
      [nb, en].map((i18n) =>
        renderToString(createElement(I18nextProvider, { i18n }, createElement(Dates, { at: "2026-06-01T10:00:00.000Z" }))),
      );
    const formatAll = () => [
      formatDate(at, "nb"),
      formatDate(at, "en"),
      formatDateTime(at, "nb"),
      formatDateTime(at, "en"),
      todayInOslo(at),
      ...renderPage(),
    ];
    const first = formatAll(); // may make the formatters, once
    constructed = 0;
    for (let i = 0; i < 200; i++) expect(formatAll()).toEqual(first);
    expect(constructed).toBe(0);
    expect(first).toEqual([
      "1. juni 2026",
      "1 June 2026",
      "1. juni 2026 kl. 12:00",
      "1 June 2026 at 12:00",
      "2026-06-01",
      "1. juni 2026 | 1. juni 2026, 12:00",
      "1 June 2026 | 1 Jun 2026, 12:00",
    ]);
  });

  it("gives the same formatter back for the same locale and options", () => {
    const options = { dateStyle: "long", timeZone: "Europe/Oslo" } as const;
    expect(dateTimeFormat("nb-NO", { ...options })).toBe(dateTimeFormat("nb-NO", { ...options }));
    expect(dateTimeFormat("en-GB", options)).not.toBe(dateTimeFormat("nb-NO", options));
  });

  it("are made nowhere else in the app", () => {
    const root = join(import.meta.dirname, "../../app");
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
      });
    const offenders = files(root)
      .filter((path) => relative(root, path) !== join("lib", "dates.ts"))
      .filter((path) => /new Intl\.DateTimeFormat\b|\.toLocale(Date|Time)?String\(/.test(readFileSync(path, "utf8")))
      .map((path) => relative(root, path));
    expect(offenders).toEqual([]);
  });
});
