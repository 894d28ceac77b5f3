import { sql } from "drizzle-orm";
import { check, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Reference data every install needs. Rows come from the migration
 * `drizzle/0001_reference-data.sql`, not from the demo seed.
 */
export const serviceKinds = sqliteTable("service_kinds", {
  code: text("code").primaryKey(),
  sortOrder: integer("sort_order").notNull(),
  nameNb: text("name_nb").notNull(),
  nameEn: text("name_en").notNull(),
});

/** The municipality's action guide (handlingsveileder) texts for the four fixed levels. */
export const btiLevelTexts = sqliteTable(
  "bti_levels",
  {
    level: integer("level").primaryKey(),
    nameNb: text("name_nb").notNull(),
    nameEn: text("name_en").notNull(),
    descriptionNb: text("description_nb").notNull(),
    descriptionEn: text("description_en").notNull(),
  },
  (t) => [check("bti_level_range", sql`${t.level} between 0 and 3`)],
);

/** The municipality's action guide defaults: exactly one row (id = 1). */
export const guideSettings = sqliteTable(
  "guide_settings",
  {
    id: integer("id").primaryKey(),
    municipalityName: text("municipality_name").notNull(),
    level0DecisionDays: integer("level0_decision_days").notNull(),
    evaluationIntervalDays: integer("evaluation_interval_days").notNull(),
    consentAge: integer("consent_age").notNull(),
    logRequiredFromLevel: integer("log_required_from_level").notNull(),
    /** How long a consent lasts unless renewed (default 12 months). */
    consentValidityMonths: integer("consent_validity_months").notNull().default(12),
    /** Days an invitee has to answer an invitation (default 7). */
    invitationResponseDays: integer("invitation_response_days").notNull().default(7),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    check("guide_settings_single_row", sql`${t.id} = 1`),
    check("guide_consent_age", sql`${t.consentAge} in (15, 16)`),
    check("guide_log_from_level", sql`${t.logRequiredFromLevel} in (1, 2)`),
  ],
);
