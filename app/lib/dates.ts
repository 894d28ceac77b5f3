/**
 * Calendar dates as ISO strings (YYYY-MM-DD) in Norway's time zone. Pure; used by the
 * server and the browser alike.
 */
export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

export function isRealIsoDate(value: string): boolean {
  if (!isoDatePattern.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The one Intl.DateTimeFormat for a locale and options, made on first use and kept. Never
 * construct one per call: each costs ICU memory outside the JavaScript heap that the
 * process does not give back, and a server doing it for every date on a page grew by about
 * 1 GB in 3 000 log reads (docs/decisions/015). Callers pass fixed options, so the cache
 * holds a handful of entries.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** Today's date in Europe/Oslo. */
export function todayInOslo(now: Date | number = Date.now()): string {
  // en-CA formats as YYYY-MM-DD.
  return dateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The wall-clock date and time ("YYYY-MM-DD", "HH:MM") in Europe/Oslo of an instant. */
export function osloDateTime(instant: Date | number | string): { date: string; time: string } {
  const parts = dateTimeFormat("en-CA", {
    timeZone: "Europe/Oslo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(typeof instant === "string" ? new Date(instant) : instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

/**
 * The instant a wall-clock date and time in Europe/Oslo stands for (summer and winter time).
 * A time that does not exist (the hour skipped in spring) is read as the hour after.
 */
export function osloInstant(isoDate: string, time: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let instant = wall;
  // Two rounds settle the offset, also next to a change between summer and winter time.
  for (let i = 0; i < 2; i++) {
    const shown = osloDateTime(instant);
    const [sy, sm, sd] = shown.date.split("-").map(Number) as [number, number, number];
    const [sh, smin] = shown.time.split(":").map(Number) as [number, number];
    instant += wall - Date.UTC(sy, sm - 1, sd, sh, smin);
  }
  return new Date(instant);
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The same calendar day `years` later (or earlier); 29 February becomes the 28th when needed. */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return new Date(Date.UTC(y + years, m - 1, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** BTI is about children and young people: nobody in a log is older than this. */
export const MAX_CHILD_AGE_YEARS = 25;
/** An evaluation, a next evaluation or a respond-by date is at most this far ahead. */
export const MAX_YEARS_AHEAD = 2;

/** A birth date of someone older than MAX_CHILD_AGE_YEARS (26 or more) on `today`. */
export function isTooOldForBirthDate(birthDate: string, today: string): boolean {
  return birthDate <= addYears(today, -(MAX_CHILD_AGE_YEARS + 1));
}

/** A planned date further ahead than MAX_YEARS_AHEAD from `today`. */
export function isTooFarAhead(isoDate: string, today: string): boolean {
  return isoDate > addYears(today, MAX_YEARS_AHEAD);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  const toUtc = (s: string) => {
    const [y, m, d] = s.split("-").map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}
