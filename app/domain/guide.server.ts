import { asc, eq } from "drizzle-orm";
import { database, type Queryable } from "../../db/client.server";
import { btiLevelTexts, guideSettings } from "../../db/schema";
import type { Locale } from "../lib/enums";
import { localized } from "../lib/locales";

/** The municipality's action guide (handlingsveileder): defaults and level texts. */
export async function guideSettingsIn(db: Queryable) {
  const row = await db.select().from(guideSettings).where(eq(guideSettings.id, 1)).get();
  if (!row) throw new Error("guide settings missing: migrations not applied");
  return row;
}

export async function getGuideSettings() {
  const { db } = await database();
  return guideSettingsIn(db);
}

/** The four levels' names and descriptions in the reader's language. */
export async function levelTexts(locale: Locale) {
  const { db } = await database();
  const rows = await db.select().from(btiLevelTexts).orderBy(asc(btiLevelTexts.level));
  return rows.map((r) => ({
    level: r.level,
    name: localized(r, "name", locale),
    description: localized(r, "description", locale),
  }));
}
