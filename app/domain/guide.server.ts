import { and, asc, desc, eq, lte } from "drizzle-orm";
import { database, type Queryable } from "../../db/client.server";
import { memoized } from "../../db/request-memo.server";
import { guideLevelTexts, guideSteps, guideVersions } from "../../db/schema";
import { todayInOslo } from "../lib/dates";
import { defaultLocale, type Locale } from "../lib/enums";

/**
 * The municipality's action guide (handlingsveileder) as versioned configuration
 * (docs/decisions/027-versioned-local-guide.md). Which version applies:
 * - an operation not tied to one log (a new concern's decision deadline, an invitation's
 *   respond-by default, the consent age, the flags' child's-voice interval, reminders) uses
 *   the version in effect on the Oslo day of the operation: `guideInEffect(db, today)`;
 * - a log's own rules and texts (level names and checklists, the evaluation interval for a
 *   new action, consent validity, log-required level) use the log's version: `guideForLog`.
 */
export type GuideVersion = typeof guideVersions.$inferSelect;

/** The highest-numbered published version whose effective date is on or before `today` (an Oslo day). */
export async function guideInEffect(db: Queryable, today: string = todayInOslo()): Promise<GuideVersion> {
  const read = async () => {
    const row = await db
      .select()
      .from(guideVersions)
      .where(and(eq(guideVersions.state, "published"), lte(guideVersions.effectiveOn, today)))
      .orderBy(desc(guideVersions.number))
      .get();
    if (!row) throw new Error("no guide version in effect: migrations not applied");
    return row;
  };
  // Several domain functions ask in one request: once per request, outside a transaction
  // (a transaction sees its own writes; db/request-memo.server.ts).
  return db === (await database()).db ? memoized(`guide:${today}`, read) : read();
}

/** The version in effect today, opening the database (for loaders' defaults). */
export async function guideInEffectNow(): Promise<GuideVersion> {
  const { db } = await database();
  return guideInEffect(db);
}

/**
 * The version a log is under: the one stored on it when it was created. A log without one
 * (written outside the domain, e.g. by a benchmark) is under the version in effect on its
 * creation day.
 */
export async function guideForLog(db: Queryable, log: { guideVersionId: string | null; createdAt: Date }): Promise<GuideVersion> {
  const id = log.guideVersionId;
  if (id) {
    const read = async () => (await db.select().from(guideVersions).where(eq(guideVersions.id, id)).get()) ?? null;
    const row = db === (await database()).db ? await memoized(`guide-version:${id}`, read) : await read();
    if (row) return row;
  }
  return guideInEffect(db, todayInOslo(log.createdAt));
}

export interface LevelText {
  level: number;
  name: string;
  description: string;
}

/** The four levels' names and descriptions of one version in the reader's language (bokmål where missing). */
export async function levelTextsFor(db: Queryable, versionId: string, locale: Locale): Promise<LevelText[]> {
  const rows = await db
    .select()
    .from(guideLevelTexts)
    .where(eq(guideLevelTexts.versionId, versionId))
    .orderBy(asc(guideLevelTexts.level));
  const result: LevelText[] = [];
  for (const level of [0, 1, 2, 3]) {
    const row =
      rows.find((r) => r.level === level && r.locale === locale) ?? rows.find((r) => r.level === level && r.locale === defaultLocale);
    result.push({ level, name: row?.name ?? String(level), description: row?.description ?? "" });
  }
  return result;
}

export interface GuideStep {
  id: string;
  level: number;
  position: number;
  text: string;
}

/** A version's checklist steps (one level's, or all), in the reader's language (bokmål where missing). */
export async function stepsFor(db: Queryable, versionId: string, locale: Locale, level?: number): Promise<GuideStep[]> {
  const rows = await db
    .select()
    .from(guideSteps)
    .where(and(eq(guideSteps.versionId, versionId), level === undefined ? undefined : eq(guideSteps.level, level)))
    .orderBy(asc(guideSteps.level), asc(guideSteps.position));
  return rows.map((r) => ({ id: r.id, level: r.level, position: r.position, text: r.texts[locale] ?? r.texts[defaultLocale] ?? "" }));
}
